package io.alertbridge.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reasoning behind one decision: what was read, which row matched, the state before and after.
 * The tool for finding out why a webhook "does nothing".
 *
 * @param sourceId the alert source's id
 * @param integration the integration's name
 * @param snapshot what the parser read, if it got that far
 * @param matchedRow the matched row of the status-mapping table, if it got that far
 * @param rule the matched row's rule, if it got that far
 * @param before the alert's state before; empty when absent or not looked up
 * @param after the alert's state after; empty when absent or not looked up
 * @param outcome the outcome
 * @param message the outcome in words
 * @param notes further remarks (e.g. a summary that looks unsubstituted)
 */
public record Explanation(
    String sourceId,
    String integration,
    Optional<TicketSnapshot> snapshot,
    Optional<String> matchedRow,
    Optional<LifecycleRule> rule,
    Optional<AlertState> before,
    Optional<AlertState> after,
    Outcome outcome,
    String message,
    List<String> notes) {

  /**
   * Checks for nulls; copies the notes.
   *
   * @param sourceId the alert source's id
   * @param integration the integration's name
   * @param snapshot what the parser read, if it got that far
   * @param matchedRow the matched row of the status-mapping table, if it got that far
   * @param rule the matched row's rule, if it got that far
   * @param before the alert's state before; empty when absent or not looked up
   * @param after the alert's state after; empty when absent or not looked up
   * @param outcome the outcome
   * @param message the outcome in words
   * @param notes further remarks (e.g. a summary that looks unsubstituted)
   */
  public Explanation {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(matchedRow, "matchedRow");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    notes = List.copyOf(notes);
  }

  static Explanation early(AlertSource source, Outcome outcome, String message) {
    return early(source, outcome, message, List.of());
  }

  static Explanation early(AlertSource source, Outcome outcome, String message, List<String> notes) {
    return new Explanation(source.id(), source.integration(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), outcome, message, notes);
  }

  /** @return the reasoning as readable lines */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append("source:   ").append(sourceId).append(" (").append(integration).append(")\n");
    snapshot.ifPresent(s -> {
      text.append("ticket:   ").append(s.ticketId()).append('\n');
      text.append("status:   ").append(s.status()).append('\n');
      text.append("summary:  ").append(s.summary()).append('\n');
      s.priority().ifPresent(p -> text.append("priority: ").append(p).append('\n'));
      s.sourceUpdatedAt().ifPresent(t -> text.append("updated:  ").append(t).append('\n'));
    });
    matchedRow.ifPresent(row -> text.append("row:      ").append(row).append(" -> ").append(rule.orElseThrow()).append('\n'));
    if (snapshot.isPresent()) {
      text.append("state:    ").append(before.map(Enum::name).orElse("absent")).append(" -> ")
          .append(after.map(Enum::name).orElse("absent")).append('\n');
    }
    text.append("outcome:  ").append(outcome).append(" (HTTP ").append(outcome.httpStatus()).append("): ")
        .append(message).append('\n');
    notes.forEach(note -> text.append("note:     ").append(note).append('\n'));
    return text.toString();
  }
}
