package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The status key's format is what {@link StoredAlert#lastStatusKey()} documents, and never changes:
 * hosts' stores hold keys written by every earlier release.
 */
class StatusKeyTest {

  @Test
  void isTheFoldedLabelThenTheIdWhenThereIsOne() {
    assertThat(AlertDecider.statusKey(CodedValue.of(3L, "In Progress"))).isEqualTo("inprogress#3");
    assertThat(AlertDecider.statusKey(CodedValue.of("On-hold"))).isEqualTo("onhold");
    assertThat(AlertDecider.statusKey(CodedValue.of("ON_HOLD"))).isEqualTo("onhold");
    assertThat(AlertDecider.statusKey(CodedValue.of("\u00c9n\u00a0cours\t"))).isEqualTo("\u00e9ncours");
    assertThat(AlertDecider.statusKey(CodedValue.of(7L))).isEqualTo("#7");
    assertThat(AlertDecider.statusKey(CodedValue.of(2L, "Open", "open-short"))).isEqualTo("open#2");
  }
}
