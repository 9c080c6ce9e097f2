package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.WithNull;

/** The machine is total, and its outcomes, events and states agree with each other. */
class LifecycleProperties {

  @Property
  void everyStateAndRuleHasExactlyOneTransition(@ForAll @WithNull(0.25) AlertState before, @ForAll WhenAbsent whenAbsent,
      @ForAll WhenOpen whenOpen, @ForAll ReopenPolicy reopen) {
    Lifecycle.Transition t = Lifecycle.decide(before, LifecycleRule.of(whenAbsent, whenOpen), reopen);

    assertThat(t).isNotNull();
    assertThat(t.outcome()).isIn(Outcome.CREATED, Outcome.ACCEPTED, Outcome.RESOLVED, Outcome.UNCHANGED,
        Outcome.REJECTED);
    assertThat(t.event() != null).isEqualTo(t.outcome().emitsEvent());
    assertThat(t.reason()).isNotBlank();
    if (t.event() == null) {
      assertThat(t.after()).isEqualTo(before);
    }
  }

  @Property
  void anOpenAlertIsNeverCreatedTwice(@ForAll AlertState before, @ForAll WhenAbsent whenAbsent,
      @ForAll WhenOpen whenOpen, @ForAll ReopenPolicy reopen) {
    Lifecycle.Transition t = Lifecycle.decide(before, LifecycleRule.of(whenAbsent, whenOpen), reopen);

    if (before.isOpen()) {
      assertThat(t.event()).isNotEqualTo(EventType.ALERT);
    }
  }

  /**
   * Repeating one status settles within two steps, except for a rule that both creates and resolves
   * under the new-alert policy: that one cycles by design, and the processor stops such repeats by
   * the source update time.
   */
  @Property
  void applyingOneRuleRepeatedlySettlesWithinTwoSteps(@ForAll @WithNull(0.25) AlertState start,
      @ForAll WhenAbsent whenAbsent, @ForAll WhenOpen whenOpen, @ForAll ReopenPolicy reopen) {
    Assume.that(!(whenAbsent == WhenAbsent.CREATE && whenOpen == WhenOpen.RESOLVE && reopen == ReopenPolicy.NEW_ALERT));
    LifecycleRule rule = LifecycleRule.of(whenAbsent, whenOpen);
    AlertState state = start;
    for (int step = 0; step < 2; step++) {
      state = Lifecycle.decide(state, rule, reopen).after();
    }
    Lifecycle.Transition third = Lifecycle.decide(state, rule, reopen);

    assertThat(third.event()).isNull();
    assertThat(third.after()).isEqualTo(state);
  }
}
