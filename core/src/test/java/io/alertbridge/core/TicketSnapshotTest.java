package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketSnapshotTest {

  @Test
  void aBuilderKeepsWorkingAfterBuildWithoutChangingWhatItBuilt() {
    TicketSnapshot.Builder builder = TicketSnapshot.builder("1", CodedValue.of("New")).customDetail("a", "1");
    TicketSnapshot first = builder.build();

    TicketSnapshot second = builder.customDetail("b", null).build();

    assertThat(first.customDetails()).containsExactly(Map.entry("a", "1"));
    assertThat(second.customDetails()).containsOnlyKeys("a", "b").containsEntry("b", null);
  }

  @Test
  void customDetailsAreUnmodifiableAndKeepTheirOrder() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("z", 1L);
    given.put("a", null);
    TicketSnapshot snapshot = TicketSnapshot.builder("1", CodedValue.of("New")).build();
    AlertEvent event = new AlertEvent("a/alert", "a", EventType.ALERT, "1", "s", "", Priority.HIGH, java.util.List.of(), given, "src",
        "New", java.util.Set.of());
    given.put("later", "x");

    assertThat(event.customDetails().keySet()).containsExactly("z", "a");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", 1L);
    expected.put("a", null);
    assertThat(event.customDetails()).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThatThrownBy(() -> event.customDetails().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> snapshot.customDetails().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
