package io.alertbridge.topdesk;

import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Limits;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an incident of the TOPdesk API into the snapshot a poll hands over. Its ticket id is the incident
 * number, as action sequences send it ({@code ${naam}}), so that a webhook and a poll of one incident reach
 * the same alert.
 *
 * <p>The status is the processing status's name (its label: what the explanation shows, and what an echo of
 * a write-back is recognised by), with the event type an action sequence would send as a second name, so
 * that the integration's table ({@code ALERT}, {@code ACCEPT}, {@code RESOLVE}) decides polled incidents as
 * it decides webhooks: {@code RESOLVE} for a completed or closed incident or one in the write-back table's
 * RESOLVED status, {@code ACCEPT} for one in its ACCEPTED status, {@code ALERT} for any other. A source's own
 * table may map the processing statuses instead.
 *
 * <p>Every string kept is bounded: the summary by {@link Limits#maxSummaryChars()} (and one character, so
 * that core marks it cut), names by {@value
 * #MAX_NAME_CHARS} characters; the number is kept whole, as core bounds alert keys.
 */
final class IncidentReader {
  /** The most characters of a name (status, person, group) kept. */
  static final int MAX_NAME_CHARS = 200;

  private IncidentReader() {}

  /**
   * @param element one element of the API's array of incidents
   * @param writeBack the source's write-back table, which names its accepted and resolved statuses
   * @param limits the bounds on strings
   * @return the snapshot, or empty when the element is not an incident object with a number
   */
  static Optional<TicketSnapshot> read(Object element, WriteBackTable writeBack, Limits limits) {
    if (!(element instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    JsonObject incident = JsonObject.root(element);
    if (!(incident.get("number") instanceof String number) || number.isBlank()) {
      return Optional.empty();
    }
    Optional<String> processingStatus = name(incident, "processingStatus");
    EventType eventType = eventType(incident, processingStatus, writeBack);
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(number,
        CodedValue.of(null, processingStatus.orElse(null), eventType.name()));
    if (incident.get("briefDescription") instanceof String brief) {
      // one character over the limit, so that core still cuts it and marks the event's summary truncated
      int kept = limits.maxSummaryChars() + 1;
      snapshot.summary(brief.length() > kept ? brief.substring(0, kept) : brief);
    }
    name(incident, "priority").ifPresent(priority -> snapshot.priority(CodedValue.of(priority)));
    name(incident, "caller", "dynamicName").ifPresent(snapshot::requester);
    name(incident, "operator").ifPresent(snapshot::assignee);
    if (incident.get("id") instanceof String id && TopdeskApi.isId(id)) {
      snapshot.customDetail("incidentId", id);
    }
    name(incident, "operatorGroup").ifPresent(group -> snapshot.customDetail("operatorGroup", group));
    name(incident, "modifier").ifPresent(modifier -> snapshot.customDetail("modifier", modifier));
    Object modified = incident.get("modificationDate");
    Optional<Instant> modifiedAt = modified instanceof String text ? TopdeskDates.parse(text) : Optional.empty();
    modifiedAt.ifPresent(snapshot::sourceUpdatedAt);
    if (modifiedAt.isEmpty()) {
      snapshot.note("the incident's modificationDate is " + (modified == null ? "missing"
          : "not a time: " + JsonObject.quote(JsonObject.cut(String.valueOf(modified), 40)))
          + ", so it cannot be ordered against other updates");
    }
    snapshot.note("event type " + eventType + " from the incident's " + why(incident, processingStatus, eventType));
    return Optional.of(snapshot.build());
  }

  /** @return the event type an action sequence would send for the incident */
  static EventType eventType(JsonObject incident, Optional<String> processingStatus, WriteBackTable writeBack) {
    if (Boolean.TRUE.equals(incident.get("completed")) || Boolean.TRUE.equals(incident.get("closed"))) {
      return EventType.RESOLVE;
    }
    if (processingStatus.isPresent()) {
      if (is(processingStatus.get(), writeBack, AlertState.RESOLVED)) {
        return EventType.RESOLVE;
      }
      if (is(processingStatus.get(), writeBack, AlertState.ACCEPTED)) {
        return EventType.ACCEPT;
      }
    }
    return EventType.ALERT;
  }

  private static boolean is(String status, WriteBackTable writeBack, AlertState state) {
    return writeBack.status(state).filter(name -> StatusMappingTable.sameLabel(name, status)).isPresent();
  }

  private static String why(JsonObject incident, Optional<String> processingStatus, EventType eventType) {
    if (eventType == EventType.RESOLVE && (Boolean.TRUE.equals(incident.get("completed"))
        || Boolean.TRUE.equals(incident.get("closed")))) {
      return "completed or closed flag";
    }
    return processingStatus.map(status -> "processing status " + JsonObject.quote(status)
        + (eventType == EventType.ALERT ? ", which the write-back table does not name" : ""))
        .orElse("missing processing status");
  }

  /** @return the {@code name} of an object member (or the named string member of it), cut; empty when absent */
  private static Optional<String> name(JsonObject incident, String member) {
    return name(incident, member, "name");
  }

  private static Optional<String> name(JsonObject incident, String member, String field) {
    if (incident.get(member) instanceof Map<?, ?> object && object.get(field) instanceof String name
        && !name.isBlank()) {
      return Optional.of(JsonObject.cut(name.strip(), MAX_NAME_CHARS));
    }
    return Optional.empty();
  }
}
