package io.alertbridge.zendesk;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the body of a Zendesk event webhook (a webhook subscribed to ticket events rather than
 * connected to a trigger), in the shape Zendesk documents and signs:
 *
 * <pre>{@code
 * {"type": "zen:event-type:ticket.status_changed", "id": "a8b9c1d2-...", "time": "2025-01-08T16:45:20Z",
 *  "subject": "zen:ticket:5158", "account_id": 22129848, "zendesk_event_version": "2022-11-06",
 *  "detail": {"id": "5158", "subject": "...", "description": "...", "status": "SOLVED", "priority": "HIGH",
 *             "updated_at": "2025-01-08T16:45:20Z", ...},
 *  "event": {"current": "SOLVED", "previous": "OPEN"}}
 * }</pre>
 *
 * The ticket is {@code detail}; a status change's new status is {@code event.current}, any other
 * ticket event's status is {@code detail.status}. Statuses come in upper case and are never localized.
 * {@code detail.updated_at}, or else the event's {@code time}, orders the deliveries; the event's
 * {@code id} is the delivery id, so a retried event is a duplicate; {@code detail.actor_id}, who made the
 * change, is kept for recognising the integration's own write-backs. Events of other kinds (users,
 * organizations) are refused with a message that says so.
 */
final class EventBody {
  /** The prefix of every event type. */
  static final String TYPE_PREFIX = "zen:event-type:";
  /** The prefix of ticket event types. */
  static final String TICKET_TYPE_PREFIX = TYPE_PREFIX + "ticket.";
  /** The member of {@code detail} naming the user who made the change; kept as a custom detail of that name. */
  static final String ACTOR_ID = "actor_id";
  private static final String STATUS_CHANGED = TICKET_TYPE_PREFIX + "status_changed";
  private static final String TIME_EXPECTED = "an ISO-8601 time such as 2025-01-08T16:45:20Z";

  private EventBody() {}

  /**
   * @param body a delivery's root object
   * @return whether it is an event webhook's body
   */
  static boolean isEvent(JsonObject body) {
    return body.get("type") instanceof String type && type.startsWith(TYPE_PREFIX) && body.has("detail");
  }

  /**
   * @param body an event webhook's root object ({@link #isEvent})
   * @return the ticket it describes
   * @throws InvalidFieldException when it is not a ticket event, or a field is missing or wrong
   */
  static TicketSnapshot snapshot(JsonObject body) {
    String type = body.requiredString("type");
    if (!type.startsWith(TICKET_TYPE_PREFIX)) {
      throw new InvalidFieldException(body.pointerOf("type"), "a ticket event (" + TICKET_TYPE_PREFIX + "...)",
          JsonObject.quote(type) + "; subscribe this webhook to ticket events only");
    }
    JsonObject detail = body.optionalObject("detail").orElseThrow(() -> new InvalidFieldException(
        body.pointerOf("detail"), "the ticket, an object", body.seen("detail")));
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(detail.requiredId("id"), CodedValue.of(status(body,
        detail, type)));
    String subject = TriggerBodyParser.text(detail, "subject");
    String description = TriggerBodyParser.text(detail, "description");
    snapshot.summary(TicketText.summary(subject, description));
    snapshot.details(description);
    String priority = TriggerBodyParser.text(detail, "priority").strip();
    if (!priority.isEmpty()) {
      snapshot.priority(CodedValue.of(priority));
    }
    Optional<Instant> updatedAt = detail.optionalInstant("updated_at", TIME_EXPECTED);
    snapshot.sourceUpdatedAt(updatedAt.or(() -> body.optionalInstant("time", TIME_EXPECTED)).orElse(null));
    snapshot.customDetail("eventType", type.substring(TYPE_PREFIX.length()));
    for (String name : new String[] {"type", "tags", "group_id", "assignee_id", "requester_id", "organization_id",
        "brand_id", "via", ACTOR_ID}) {
      Object value = detail.get(name);
      if (value != null) {
        snapshot.customDetail(name.equals("type") ? "ticketType" : name, Json.freeze(value));
      }
    }
    return snapshot.build();
  }

  private static String status(JsonObject body, JsonObject detail, String type) {
    if (type.equals(STATUS_CHANGED)) {
      Optional<JsonObject> event = body.optionalObject("event");
      if (event.isPresent() && event.get().get("current") instanceof String current && !current.isBlank()) {
        return current.strip();
      }
    }
    if (detail.get("status") instanceof String status && !status.isBlank()) {
      return status.strip();
    }
    throw new InvalidFieldException(detail.pointerOf("status"), TriggerBodyParser.STATUS_EXPECTED,
        detail.seen("status"));
  }

  /**
   * @param body a delivery's root object
   * @return the event's id, when the body is an event webhook's and has one
   */
  static Optional<String> eventId(JsonObject body) {
    return isEvent(body) && body.get("id") instanceof String id && !id.isBlank() ? Optional.of(id.strip())
        : Optional.empty();
  }
}
