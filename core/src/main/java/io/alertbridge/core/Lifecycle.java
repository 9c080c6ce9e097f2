package io.alertbridge.core;

import static io.alertbridge.core.AlertState.ACCEPTED;
import static io.alertbridge.core.AlertState.PENDING;
import static io.alertbridge.core.AlertState.RESOLVED;

import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;
import java.util.EnumMap;
import java.util.Map;

/**
 * The alert lifecycle, written as the table it is: for each stored state and what the status's rule
 * says, exactly one transition. "Open" is PENDING or ACCEPTED; absent and RESOLVED consult the rule's
 * {@code whenAbsent}, open states its {@code whenOpen}.
 */
final class Lifecycle {
  private static final Map<WhenAbsent, Transition> ABSENT = new EnumMap<>(WhenAbsent.class);
  private static final Map<WhenAbsent, Transition> RESOLVED_REOPENING = new EnumMap<>(WhenAbsent.class);
  private static final Map<WhenAbsent, Transition> RESOLVED_STAYING = new EnumMap<>(WhenAbsent.class);
  private static final Map<AlertState, Map<WhenOpen, Transition>> OPEN = new EnumMap<>(AlertState.class);

  static {
    //   state      rule                outcome             after     event              why
    when(ABSENT, WhenAbsent.CREATE, Outcome.CREATED, PENDING, EventType.ALERT, "no open alert, so one is created");
    when(ABSENT, WhenAbsent.REJECT, Outcome.REJECTED, null, null, "no open alert, and this status may not create one");
    when(ABSENT, WhenAbsent.IGNORE, Outcome.UNCHANGED, null, null, "no open alert, and this status does not create one");

    when(PENDING, WhenOpen.KEEP, Outcome.UNCHANGED, PENDING, null, "the open alert stays as it is");
    when(PENDING, WhenOpen.ACCEPT, Outcome.ACCEPTED, ACCEPTED, EventType.ACCEPT, "the open alert is accepted");
    when(PENDING, WhenOpen.RESOLVE, Outcome.RESOLVED, RESOLVED, EventType.RESOLVE, "the open alert is resolved");

    when(ACCEPTED, WhenOpen.KEEP, Outcome.UNCHANGED, ACCEPTED, null, "the open alert stays as it is");
    when(ACCEPTED, WhenOpen.ACCEPT, Outcome.UNCHANGED, ACCEPTED, null, "the alert is already accepted");
    when(ACCEPTED, WhenOpen.RESOLVE, Outcome.RESOLVED, RESOLVED, EventType.RESOLVE, "the open alert is resolved");

    when(RESOLVED_REOPENING, WhenAbsent.CREATE, Outcome.CREATED, PENDING, EventType.ALERT,
        "the alert was resolved, so a new one is created");
    when(RESOLVED_STAYING, WhenAbsent.CREATE, Outcome.UNCHANGED, RESOLVED, null,
        "the alert was resolved, and the reopen policy leaves it resolved");
    for (Map<WhenAbsent, Transition> resolved : java.util.List.of(RESOLVED_REOPENING, RESOLVED_STAYING)) {
      when(resolved, WhenAbsent.REJECT, Outcome.UNCHANGED, RESOLVED, null, "the alert is already resolved");
      when(resolved, WhenAbsent.IGNORE, Outcome.UNCHANGED, RESOLVED, null, "the alert is already resolved");
    }
  }

  /**
   * One cell of the table.
   *
   * @param outcome the outcome
   * @param after the state after, or null for absent
   * @param event the event to emit, or null for none
   * @param reason why, in words
   */
  record Transition(Outcome outcome, AlertState after, EventType event, String reason) {}

  private Lifecycle() {}

  /**
   * @param before the stored state, or null when absent (never seen, or forgotten)
   * @param rule the matched status's rule
   * @param reopen what a creating status does to a resolved alert
   * @return the one transition for this state and rule
   */
  static Transition decide(AlertState before, LifecycleRule rule, ReopenPolicy reopen) {
    if (before == null) {
      return ABSENT.get(rule.whenAbsent());
    }
    if (before == RESOLVED) {
      return (reopen == ReopenPolicy.NEW_ALERT ? RESOLVED_REOPENING : RESOLVED_STAYING).get(rule.whenAbsent());
    }
    return OPEN.get(before).get(rule.whenOpen());
  }

  private static void when(Map<WhenAbsent, Transition> table, WhenAbsent rule, Outcome outcome, AlertState after,
      EventType event, String reason) {
    table.put(rule, new Transition(outcome, after, event, reason));
  }

  private static void when(AlertState state, WhenOpen rule, Outcome outcome, AlertState after, EventType event,
      String reason) {
    OPEN.computeIfAbsent(state, s -> new EnumMap<>(WhenOpen.class)).put(rule, new Transition(outcome, after, event, reason));
  }
}
