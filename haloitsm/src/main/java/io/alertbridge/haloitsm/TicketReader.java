package io.alertbridge.haloitsm;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one Halo ticket, in the recommended shape (nested {@code status}, {@code priority},
 * {@code agent}) or the API shape (flat {@code status_id}, {@code priority_id}, ...), into a snapshot.
 */
final class TicketReader {
  /** The name added to the status of a ticket that {@code hasbeenclosed} or {@code dateclosed} says is closed. */
  static final String CLOSED_ALIAS = "Closed";

  private static final Set<String> NOT_CUSTOM = Set.of("id", "summary");

  private TicketReader() {}

  /**
   * @param ticket the ticket object
   * @param envelope the native webhook envelope around it, or null
   * @return the snapshot
   */
  static TicketSnapshot read(Fields ticket, Fields envelope) {
    String ticketId = ticketId(ticket, envelope);
    List<String> notes = new ArrayList<>();
    CodedValue status = status(ticket, notes);
    TicketSnapshot.Builder builder = TicketSnapshot.builder(ticketId, status)
        .summary(ticket.text("summary").orElse(""))
        .details(details(ticket))
        .priority(priority(ticket))
        .sourceUpdatedAt(updatedAt(ticket, envelope).orElse(null));
    String agent = agentName(ticket);
    if (agent != null && !StatusMappingTable.sameLabel(agent, "unassigned")) {
      builder.assignee(agent);
    }
    ticket.text("user_name").ifPresent(builder::requester);
    builder.unreadMembers(ticket.object(), TicketReader::isNotCustom);
    if (envelope != null) {
      Map<String, Object> webhook = new LinkedHashMap<>(envelope.values());
      webhook.keySet().removeIf(name -> name.equalsIgnoreCase("ticket"));
      builder.customDetail("webhook", Json.freeze(webhook));
    }
    notes.forEach(builder::note);
    return builder.build();
  }

  /** @return whether the member is read into the snapshot's own parts; no lower-case copy of every name */
  private static boolean isNotCustom(String name) {
    // lower-casing never shortens a name, and no character lower-cases to two ASCII letters
    return (name.length() == 2 || name.length() == 7) && NOT_CUSTOM.contains(name.toLowerCase(Locale.ROOT));
  }

  private static String ticketId(Fields ticket, Fields envelope) {
    Fields holder = ticket.has("id") || envelope == null || !envelope.has("object_id") ? ticket : envelope;
    String name = holder == ticket ? "id" : "object_id";
    Object value = holder.get(name);
    String id = Fields.idText(value);
    if (id == null) {
      throw new InvalidFieldException(holder.pointerOf(name), "a ticket id such as 4812",
          value == null && !holder.has(name) ? "nothing" : Fields.seen(value));
    }
    if (id.contains("<<")) {
      throw new InvalidFieldException(holder.pointerOf(name), "a ticket id such as 4812",
          "an unsubstituted Halo variable");
    }
    return id;
  }

  /**
   * The status by id and by name and short name. A ticket that is closed by its flags gets the name
   * {@value #CLOSED_ALIAS} as well, so that the table's closed row matches it whatever its status is called.
   */
  private static CodedValue status(Fields ticket, List<String> notes) {
    Long id = null;
    List<String> names = new ArrayList<>();
    Object nested = ticket.get("status");
    if (nested instanceof Map) {
      Fields status = ticket.object("status").orElseThrow();
      id = status.id("id").orElse(null);
      status.text("name").ifPresent(names::add);
      status.text("shortname").filter(s -> !names.contains(s)).ifPresent(names::add);
    } else if (nested instanceof String || nested instanceof Number) {
      Optional<Long> numeric = Fields.numericId(nested);
      if (numeric.isPresent()) {
        id = numeric.get();
      } else {
        ticket.text("status").ifPresent(names::add);
      }
    } else if (nested != null) {
      throw new InvalidFieldException(ticket.pointerOf("status"), "an object with id and name", Fields.seen(nested));
    }
    if (id == null) {
      id = ticket.id("status_id").orElse(null);
    }
    if (id == null && names.isEmpty()) {
      String seen = !ticket.has("status") ? "nothing" : nested == null ? "null"
          : nested instanceof Map ? "an object without id or name" : "an empty string";
      throw new InvalidFieldException(ticket.pointerOf(ticket.has("status") ? "status" : "status_id"),
          "a status (an object with id and name, or status_id)", seen);
    }
    String closedBy = closedBy(ticket);
    if (closedBy != null && names.stream().noneMatch(n -> StatusMappingTable.sameLabel(n, "closed"))) {
      names.add(CLOSED_ALIAS);
      notes.add("status also named \"" + CLOSED_ALIAS + "\" because " + closedBy);
    }
    return CodedValue.of(id, names.toArray(String[]::new));
  }

  /** @return why the ticket's flags say it is closed, or null when they do not */
  private static String closedBy(Fields ticket) {
    Object flag = ticket.get("hasbeenclosed");
    if (Boolean.TRUE.equals(flag) || flag instanceof String text && "true".equalsIgnoreCase(text.strip())
        || Fields.numericId(flag).filter(n -> n == 1).isPresent()) {
      return "hasbeenclosed is true";
    }
    Optional<Instant> closed = HaloDates.read(ticket, "dateclosed");
    return closed.map(date -> "dateclosed is " + date).orElse(null);
  }

  /** By name, then by id: {@code priority_id}, or the nested {@code priorityid} or numeric {@code id}. */
  private static CodedValue priority(Fields ticket) {
    String name = null;
    Long id = Fields.numericId(ticket.get("priority_id")).orElse(null);
    Object value = ticket.get("priority");
    if (value instanceof Map) {
      Fields priority = ticket.object("priority").orElseThrow();
      name = priority.text("name").orElse(null);
      if (id == null) {
        id = Fields.numericId(priority.get("priorityid")).or(() -> Fields.numericId(priority.get("id"))).orElse(null);
      }
    } else if (value instanceof String text && Fields.numericId(text).isEmpty()) {
      name = text.isBlank() ? null : text.strip();
    } else if (id == null) {
      id = Fields.numericId(value).orElse(null);
    }
    return id == null && name == null ? null : CodedValue.of(id, name);
  }

  /** The details as plain text, then client, site, team and agent, one per line. */
  private static String details(Fields ticket) {
    StringBuilder details = new StringBuilder(HtmlText.toText(ticket.text("details").orElse("")));
    List<String> context = new ArrayList<>();
    ticket.text("client_name").ifPresent(client -> context.add("Client: " + client));
    ticket.text("site_name").ifPresent(site -> context.add("Site: " + site));
    ticket.text("team").ifPresent(team -> context.add("Team: " + team));
    String agent = agentName(ticket);
    if (agent != null) {
      context.add("Agent: " + agent);
    }
    if (!context.isEmpty()) {
      details.append(details.length() == 0 ? "" : "\n\n").append(String.join("\n", context));
    }
    return details.toString();
  }

  private static String agentName(Fields ticket) {
    Object agent = ticket.get("agent");
    if (agent instanceof Map) {
      return ticket.object("agent").orElseThrow().text("name").orElse(null);
    }
    return agent instanceof String name && !name.isBlank() ? name.strip() : null;
  }

  /**
   * When Halo last changed the ticket: {@code lastactiondate}, else the webhook's {@code timestamp}.
   * Not {@code dateoccurred}, which is when the ticket started and never moves.
   */
  private static Optional<Instant> updatedAt(Fields ticket, Fields envelope) {
    Optional<Instant> lastAction = HaloDates.read(ticket, "lastactiondate");
    if (lastAction.isPresent() || envelope == null) {
      return lastAction;
    }
    return HaloDates.read(envelope, "timestamp");
  }
}
