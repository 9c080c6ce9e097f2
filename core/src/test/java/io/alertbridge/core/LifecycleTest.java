package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table in {@link Lifecycle}, one row per cell. "-" stands for absent or no event. */
class LifecycleTest {

  @ParameterizedTest(name = "{0} x when absent {1} ({2}) -> {3}, {4}, {5}")
  @CsvSource({
      // before,  whenAbsent, reopen,    outcome,   after,    event
      "-,        CREATE,     NEW_ALERT, CREATED,   PENDING,  ALERT",
      "-,        REJECT,     NEW_ALERT, REJECTED,  -,        -",
      "-,        IGNORE,     NEW_ALERT, UNCHANGED, -,        -",
      "RESOLVED, CREATE,     NEW_ALERT, CREATED,   PENDING,  ALERT",
      "RESOLVED, CREATE,     IGNORE,    UNCHANGED, RESOLVED, -",
      "RESOLVED, REJECT,     NEW_ALERT, UNCHANGED, RESOLVED, -",
      "RESOLVED, REJECT,     IGNORE,    UNCHANGED, RESOLVED, -",
      "RESOLVED, IGNORE,     NEW_ALERT, UNCHANGED, RESOLVED, -",
      "RESOLVED, IGNORE,     IGNORE,    UNCHANGED, RESOLVED, -",
  })
  void rowsWithoutOpenAlert(String before, WhenAbsent rule, ReopenPolicy reopen, Outcome outcome, String after,
      String event) {
    for (WhenOpen whenOpen : WhenOpen.values()) {
      Lifecycle.Transition t = Lifecycle.decide(state(before), LifecycleRule.of(rule, whenOpen), reopen);
      assertThat(t.outcome()).isEqualTo(outcome);
      assertThat(t.after()).isEqualTo(state(after));
      assertThat(t.event()).isEqualTo(event.equals("-") ? null : EventType.valueOf(event));
    }
  }

  @ParameterizedTest(name = "{0} x when open {1} -> {2}, {3}, {4}")
  @CsvSource({
      "PENDING,  KEEP,    UNCHANGED, PENDING,  -",
      "PENDING,  ACCEPT,  ACCEPTED,  ACCEPTED, ACCEPT",
      "PENDING,  RESOLVE, RESOLVED,  RESOLVED, RESOLVE",
      "ACCEPTED, KEEP,    UNCHANGED, ACCEPTED, -",
      "ACCEPTED, ACCEPT,  UNCHANGED, ACCEPTED, -",
      "ACCEPTED, RESOLVE, RESOLVED,  RESOLVED, RESOLVE",
  })
  void rowsWithOpenAlert(AlertState before, WhenOpen rule, Outcome outcome, AlertState after, String event) {
    for (WhenAbsent whenAbsent : WhenAbsent.values()) {
      for (ReopenPolicy reopen : ReopenPolicy.values()) {
        Lifecycle.Transition t = Lifecycle.decide(before, LifecycleRule.of(whenAbsent, rule), reopen);
        assertThat(t.outcome()).isEqualTo(outcome);
        assertThat(t.after()).isEqualTo(after);
        assertThat(t.event()).isEqualTo(event.equals("-") ? null : EventType.valueOf(event));
      }
    }
  }

  private static AlertState state(String name) {
    return name.equals("-") ? null : AlertState.valueOf(name);
  }
}
