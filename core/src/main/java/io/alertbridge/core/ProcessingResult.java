package io.alertbridge.core;

import io.alertbridge.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the processor decided for one delivery. For a delivery that batches several ticket events,
 * {@link #items()} holds one result each, and this result carries the worst outcome of them.
 *
 * @param outcome the outcome
 * @param ticketId the ticket id, once known
 * @param state the alert's state after; empty when absent (or not known)
 * @param event the event for the host to apply, if any
 * @param message the outcome in words, safe to send back to the sender
 * @param explanation the full reasoning
 * @param items one result per ticket event for batched deliveries; empty otherwise
 */
public record ProcessingResult(
    Outcome outcome,
    Optional<String> ticketId,
    Optional<AlertState> state,
    Optional<AlertEvent> event,
    String message,
    Explanation explanation,
    List<ProcessingResult> items) {

  /**
   * Checks for nulls; copies the items.
   *
   * @param outcome the outcome
   * @param ticketId the ticket id, once known
   * @param state the alert's state after; empty when absent (or not known)
   * @param event the event for the host to apply, if any
   * @param message the outcome in words, safe to send back to the sender
   * @param explanation the full reasoning
   * @param items one result per ticket event for batched deliveries; empty otherwise
   */
  public ProcessingResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(explanation, "explanation");
    items = List.copyOf(items);
  }

  static ProcessingResult early(AlertSource source, Outcome outcome, String message) {
    return early(source, outcome, message, List.of());
  }

  static ProcessingResult early(AlertSource source, Outcome outcome, String message, List<String> notes) {
    return new ProcessingResult(outcome, Optional.empty(), Optional.empty(), Optional.empty(), message,
        Explanation.early(source, outcome, message, notes), List.of());
  }

  static ProcessingResult batch(AlertSource source, List<ProcessingResult> items) {
    ProcessingResult worst = items.get(0);
    for (ProcessingResult item : items) {
      if (item.outcome.httpStatus() > worst.outcome.httpStatus()) {
        worst = item;
      }
    }
    String message = items.size() + " ticket events; the worst: " + worst.outcome + ", " + worst.message;
    return new ProcessingResult(worst.outcome, Optional.empty(), Optional.empty(), Optional.empty(), message,
        Explanation.early(source, worst.outcome, message), items);
  }

  /** @return the HTTP status to answer the sender with */
  public int httpStatus() {
    return outcome.httpStatus();
  }

  /** @return every event to apply, in order: this result's, or its items' */
  public List<AlertEvent> events() {
    if (items.isEmpty()) {
      return event.map(List::of).orElse(List.of());
    }
    List<AlertEvent> events = new ArrayList<>();
    items.forEach(item -> item.event.ifPresent(events::add));
    return events;
  }

  /**
   * @return the small JSON body for the sender:
   *     {@code {"outcome": ..., "alertKey": ..., "state": ..., "message": ...}} (where {@code alertKey}
   *     is the {@linkplain #ticketId() ticket id}), plus {@code items} for batches
   */
  public String responseBody() {
    return Json.write(toMap());
  }

  private Map<String, Object> toMap() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("outcome", outcome.name());
    body.put("alertKey", ticketId.orElse(null));
    body.put("state", state.map(Enum::name).orElse(null));
    body.put("message", message);
    if (!items.isEmpty()) {
      body.put("items", items.stream().map(ProcessingResult::toMap).toList());
    }
    return body;
  }
}
