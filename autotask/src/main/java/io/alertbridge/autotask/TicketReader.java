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
import java.util.function.Predicate;

/**
 * Reads the {@code item} of {@code GET Tickets/{id}} into an {@link AutotaskTicket}, labels resolved. A
 * member read only into the custom details ({@code ticketNumber}, {@code companyID}, {@code queueID},
 * {@code assignedResourceID}, {@code lastActivityResourceID}, {@code lastActivityPersonType}, {@code
 * userDefinedFields}) that is of an unexpected shape is skipped with a note; the status, and the fields of
 * the alert itself, must be of the documented shape.
 */
final class TicketReader {
  /** Who last changed the ticket: a resource's id, or a contact's (see {@link #LAST_ACTIVITY_PERSON_TYPE}). */
  static final String LAST_ACTIVITY_RESOURCE = "lastActivityResourceID";
  /** Whether {@link #LAST_ACTIVITY_RESOURCE} is a resource (1) or a contact (2). */
  static final String LAST_ACTIVITY_PERSON_TYPE = "lastActivityPersonType";
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
   * @throws InvalidFieldException when the status, priority, title, description or last activity date is
   *     not of the documented shape
   */
  static AutotaskTicket read(long id, JsonObject item, Picklists picklists, Optional<String> webUrl) {
    long statusValue = status(item);
    AutotaskTicket.Builder ticket = AutotaskTicket.builder(id,
        CodedValue.of(statusValue, picklists.label(Picklists.STATUS, statusValue).orElse(null)));
    if (picklists.label(Picklists.STATUS, statusValue).isEmpty()) {
      ticket.note("status value " + statusValue + " is not in the instance's status picklist; only its id is known");
    }
    Optional<String> number = customDetail(ticket, item, "ticketNumber", "a string", value -> value instanceof String)
        .map(value -> ((String) value).strip()).filter(n -> !n.isEmpty());
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
    putIfPresent(ticket, item, "companyID");
    customDetail(ticket, item, "queueID", "an integer picklist value", value -> Picklists.integer(value) != null)
        .map(Picklists::integer).ifPresent(queue -> {
          Optional<String> label = picklists.label(Picklists.QUEUE, queue);
          ticket.customDetail("queue", label.isPresent() ? label.get() : queue);
        });
    putIfPresent(ticket, item, "assignedResourceID");
    putIfPresent(ticket, item, LAST_ACTIVITY_RESOURCE);
    putIfPresent(ticket, item, LAST_ACTIVITY_PERSON_TYPE);
    Map<String, Object> userDefined = userDefinedFields(ticket, item);
    if (!userDefined.isEmpty()) {
      ticket.customDetail("userDefinedFields", userDefined);
    }
    return ticket.build();
  }

  private static void putIfPresent(AutotaskTicket.Builder ticket, JsonObject item, String name) {
    customDetail(ticket, item, name, "a plain value", value -> !(value instanceof Map) && !(value instanceof List))
        .ifPresent(value -> ticket.customDetail(name, value));
  }

  /**
   * @return the member, when present, not null and of the expected shape; otherwise empty, with a note
   *     when it is of another shape
   */
  private static Optional<Object> customDetail(AutotaskTicket.Builder ticket, JsonObject item, String name,
      String expected, Predicate<Object> fits) {
    Object value = item.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!fits.test(value)) {
      ticket.note(skipped(item, name, expected, value));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static String skipped(JsonObject item, String name, String expected, Object value) {
    return new InvalidFieldException(item.pointerOf(name), expected, JsonObject.typeName(value)).getMessage()
        + "; skipped, as it is only a custom detail";
  }

  /** @return the {@code name}d values of {@code userDefinedFields}, skipping (with a note) what is of another shape */
  private static Map<String, Object> userDefinedFields(AutotaskTicket.Builder ticket, JsonObject item) {
    Optional<Object> found = customDetail(ticket, item, "userDefinedFields", "an array of {name, value} objects",
        value -> value instanceof List);
    if (found.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    int odd = 0;
    for (Object element : (List<?>) found.get()) {
      if (element instanceof Map<?, ?> field && field.get("name") instanceof String name && !name.isBlank()) {
        Object value = field.get("value");
        if (value != null && !(value instanceof String s && s.isEmpty())) {
          fields.put(name, Json.freeze(value));
        }
      } else {
        odd++;
      }
    }
    if (odd > 0) {
      ticket.note(odd + " element(s) of " + item.pointerOf("userDefinedFields")
          + " are not {name, value} objects; skipped, as they are only custom details");
    }
    return fields;
  }
}
