package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
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

  @Test
  void unreadMembersBecomeFrozenCustomDetailsInDocumentOrder() {
    JsonObject body = JsonObject.root(Json.parse("{\"id\": 1, \"team\": \"Ops\", \"tags\": [\"a\"], \"title\": \"x\"}", 8));

    TicketSnapshot snapshot = TicketSnapshot.builder("1", CodedValue.of("New"))
        .unreadMembers(body, name -> name.equals("id") || name.equals("title")).build();

    assertThat(snapshot.customDetails()).containsExactly(Map.entry("team", "Ops"), Map.entry("tags", List.of("a")));
    assertThatThrownBy(() -> ((List<?>) snapshot.customDetails().get("tags")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
