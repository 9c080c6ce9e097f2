package io.alertbridge.autotask;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.json.IsoTimes;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code item} of {@code GET Tickets/{id}} into an {@link AutotaskTicket}, labels resolved. */
final class TicketReader {
  private static final String LINK_PATH = "Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=";

  private TicketReader() {}

  /**
   * @param item the ticket object
   * @return its status picklist value
   * @throws InvalidFieldException when the status is missing or not an integer
   */
  static long status(JsonObject item) {
    Long status = Picklists.integer(item.get("status"));
    if (status == null) {
      throw new InvalidFieldException(item.pointerOf("status"), "an integer picklist value",
          item.has("status") ? JsonObject.typeName(item.get("status")) : "nothing");
    }
    return status;
  }

  /**
   * @param id the ticket id the callout named
   * @param item the ticket object
   * @param picklists the instance's ticket-field picklists
   * @param webUrl the zone's web address, ending in {@code /}, if known
   * @return the ticket
   * @throws InvalidFieldException when the object is not of the documented shape
   */
  static AutotaskTicket read(long id, JsonObject item, Picklists picklists, Optional<String> webUrl) {
    long statusValue = status(item);
    AutotaskTicket.Builder ticket = AutotaskTicket.builder(id,
        CodedValue.of(statusValue, picklists.label(Picklists.STATUS, statusValue).orElse(null)));
    if (picklists.label(Picklists.STATUS, statusValue).isEmpty()) {
      ticket.note("status value " + statusValue + " is not in the instance's status picklist; only its id is known");
    }
    Optional<String> number = item.optionalString("ticketNumber").map(String::strip).filter(n -> !n.isEmpty());
    number.ifPresent(ticket::ticketNumber);
    Object priority = item.get("priority");
    if (priority != null) {
      Long value = Picklists.integer(priority);
      if (value == null) {
        throw new InvalidFieldException(item.pointerOf("priority"), "an integer picklist value", JsonObject.typeName(priority));
      }
      ticket.priority(CodedValue.of(value, picklists.label(Picklists.PRIORITY, value).orElse(null)));
    }
    ticket.title(item.optionalString("title").orElse("").strip());
    ticket.description(item.optionalString("description").orElse(""));
    item.optionalString("lastActivityDate").ifPresent(text -> {
      Optional<Instant> instant = IsoTimes.parse(text.strip());
      if (instant.isEmpty()) {
        ticket.note("lastActivityDate " + JsonObject.quote(text) + " is not a date and time; ignored");
      }
      ticket.lastActivityDate(instant.orElse(null));
    });
    webUrl.ifPresent(web -> ticket.link(web + LINK_PATH + id));

    number.ifPresent(n -> ticket.customDetail("ticketNumber", n));
    putIfPresent(ticket, "companyID", item.get("companyID"));
    Object queue = item.get("queueID");
    Long queueValue = Picklists.integer(queue);
    if (queueValue != null) {
      Optional<String> label = picklists.label(Picklists.QUEUE, queueValue);
      ticket.customDetail("queue", label.isPresent() ? label.get() : queueValue);
    }
    putIfPresent(ticket, "assignedResourceID", item.get("assignedResourceID"));
    Map<String, Object> userDefined = userDefinedFields(item);
    if (!userDefined.isEmpty()) {
      ticket.customDetail("userDefinedFields", userDefined);
    }
    return ticket.build();
  }

  private static void putIfPresent(AutotaskTicket.Builder ticket, String name, Object value) {
    if (value != null && !(value instanceof Map) && !(value instanceof List)) {
      ticket.customDetail(name, value);
    }
  }

  private static Map<String, Object> userDefinedFields(JsonObject item) {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<Object> list = item.optionalArray("userDefinedFields").orElse(List.of());
    for (Object element : list) {
      if (element instanceof Map<?, ?> field && field.get("name") instanceof String name && !name.isBlank()) {
        Object value = field.get("value");
        if (value != null && !(value instanceof String s && s.isEmpty())) {
          fields.put(name, Json.freeze(value));
        }
      }
    }
    return fields;
  }
}
