package io.alertbridge.cli;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Explanation;
import io.alertbridge.core.Link;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Results, explanations and alert states as plain maps, ready for {@code Json.write}. */
final class Reports {

  private Reports() {}

  /**
   * @return one replay line: file, outcome, status, alertKey, alertId, state, eventType, eventId, priority,
   *     message (and items); alertId, eventType, eventId and priority are those of the event the delivery
   *     decided, null when it decided none (and for a batch as a whole: its items carry them)
   */
  static Map<String, Object> replayLine(String file, ProcessingResult result) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", file);
    line.putAll(result(result));
    return line;
  }

  /** @return a replay line for a delivery that could not be processed now (HTTP 503) */
  static Map<String, Object> unavailableLine(String file, String message) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", file);
    line.put("outcome", "UNAVAILABLE");
    line.put("status", 503);
    line.put("alertKey", null);
    line.put("alertId", null);
    line.put("state", null);
    line.put("eventType", null);
    line.put("eventId", null);
    line.put("priority", null);
    line.put("message", message);
    return line;
  }

  private static Map<String, Object> result(ProcessingResult result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", result.outcome().name());
    map.put("status", result.httpStatus());
    map.put("alertKey", result.ticketId().orElse(null));
    map.put("alertId", result.event().map(AlertEvent::alertId).orElse(null));
    map.put("state", result.state().map(Enum::name).orElse(null));
    map.put("eventType", result.event().map(e -> e.eventType().name()).orElse(null));
    map.put("eventId", result.event().map(AlertEvent::eventId).orElse(null));
    map.put("priority", result.event().map(e -> e.priority().name()).orElse(null));
    map.put("message", result.message());
    if (!result.items().isEmpty()) {
      map.put("items", result.items().stream().map(Reports::result).toList());
    }
    return map;
  }

  /** @return the explanation with the event it would emit, as JSON-ready values */
  static Map<String, Object> explanation(ProcessingResult result) {
    Explanation explanation = result.explanation();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", explanation.sourceId());
    map.put("integration", explanation.integration());
    map.put("snapshot", explanation.snapshot().map(Reports::snapshot).orElse(null));
    map.put("matchedRow", explanation.matchedRow().orElse(null));
    map.put("rule", explanation.rule().map(rule -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("whenAbsent", rule.whenAbsent().name());
      json.put("whenOpen", rule.whenOpen().name());
      return json;
    }).orElse(null));
    map.put("before", explanation.before().map(Enum::name).orElse(null));
    map.put("after", explanation.after().map(Enum::name).orElse(null));
    map.put("outcome", explanation.outcome().name());
    map.put("status", explanation.outcome().httpStatus());
    map.put("message", explanation.message());
    map.put("event", result.event().map(Reports::event).orElse(null));
    map.put("notes", explanation.notes());
    if (!result.items().isEmpty()) {
      map.put("items", result.items().stream().map(Reports::explanation).toList());
    }
    return map;
  }

  private static Map<String, Object> snapshot(TicketSnapshot snapshot) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ticketId", snapshot.ticketId());
    map.put("status", coded(snapshot.status()));
    map.put("summary", snapshot.summary());
    map.put("details", snapshot.details());
    map.put("priority", snapshot.priority().map(Reports::coded).orElse(null));
    map.put("sourceUpdatedAt", snapshot.sourceUpdatedAt().map(Instant::toString).orElse(null));
    map.put("links", links(snapshot.links()));
    map.put("requester", snapshot.requester().orElse(null));
    map.put("assignee", snapshot.assignee().orElse(null));
    map.put("customDetails", snapshot.customDetails());
    map.put("notes", snapshot.notes());
    return map;
  }

  private static Map<String, Object> event(AlertEvent event) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("eventType", event.eventType().name());
    map.put("alertKey", event.ticketId());
    map.put("summary", event.summary());
    map.put("details", event.details());
    map.put("priority", event.priority().name());
    map.put("links", links(event.links()));
    map.put("customDetails", event.customDetails());
    map.put("source", event.sourceId());
    map.put("ticketStatus", event.ticketStatus());
    map.put("truncated", event.truncated().stream().map(field -> field.name().toLowerCase(Locale.ROOT)).sorted()
        .toList());
    return map;
  }

  private static Map<String, Object> coded(CodedValue value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("label", value.label().orElse(null));
    map.put("id", value.id().isPresent() ? value.id().getAsLong() : null);
    return map;
  }

  private static List<Object> links(List<Link> links) {
    List<Object> list = new ArrayList<>();
    for (Link link : links) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("href", link.href());
      map.put("text", link.text());
      list.add(map);
    }
    return list;
  }

  /**
   * @param key the alert's key
   * @param alert its stored state
   * @param lastEventId the id of the last event applied for this alert (this alert id), or null
   * @return one alert of {@code GET /alerts}
   */
  static Map<String, Object> alert(AlertKey key, StoredAlert alert, String lastEventId) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", key.sourceId());
    map.put("alertKey", key.ticketId());
    map.put("state", alert.state().name());
    map.put("alertId", alert.alertId());
    map.put("lastEventId", lastEventId);
    map.put("lastStatus", alert.lastStatusKey());
    map.put("lastSourceUpdate", alert.lastSourceUpdate().map(Instant::toString).orElse(null));
    map.put("updatedAt", alert.updatedAt().toString());
    map.put("expiresAt", alert.expiresAt().map(Instant::toString).orElse(null));
    return map;
  }
}
