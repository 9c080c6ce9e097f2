package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriteBackTableTest {

  private static JsonObject json(String text) {
    return JsonObject.of(JsonObject.root(Json.parse(text, 8)).values(), "/settings/writeBack");
  }

  @Test
  void readsStatusNamesPerState() {
    WriteBackTable table = WriteBackTable.fromJson(json("{\"ACCEPTED\": \" In progress \", \"RESOLVED\": \"Completed\"}"));

    assertThat(table.status(AlertState.ACCEPTED)).contains("In progress");
    assertThat(table.status(AlertState.RESOLVED)).contains("Completed");
    assertThat(table).isEqualTo(WriteBackTable.of(Map.of(AlertState.ACCEPTED, "In progress",
        AlertState.RESOLVED, "Completed")));
  }

  @Test
  void aMissingStateWritesANoteOnly() {
    WriteBackTable table = WriteBackTable.fromJson(json("{\"RESOLVED\": \"Completed\"}"));

    assertThat(table.status(AlertState.ACCEPTED)).isEmpty();
    assertThat(WriteBackTable.notesOnly().status(AlertState.RESOLVED)).isEmpty();
  }

  @Test
  void reportsEveryProblemAtItsPointer() {
    assertThatThrownBy(() -> WriteBackTable.fromJson(json(
        "{\"ACCEPTED\": \"\", \"RESOLVED\": 3, \"PENDING\": \"New\", \"closed\": \"x\"}")))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
            "the status name at /settings/writeBack/ACCEPTED is blank",
            "expected a status name (string) at /settings/writeBack/RESOLVED, got number",
            "unknown member at /settings/writeBack/PENDING: expected ACCEPTED or RESOLVED",
            "unknown member at /settings/writeBack/closed: expected ACCEPTED or RESOLVED"));
    assertThatThrownBy(() -> WriteBackTable.of(Map.of(AlertState.RESOLVED, "x".repeat(201))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("limit is 200");
  }

  @Test
  void aChangeTakesOnlyAcceptedOrResolvedAndDropsBlankText() {
    assertThatThrownBy(() -> new AlertChange(AlertState.PENDING, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    AlertChange change = AlertChange.accepted().withNote("  ").by(" Ada ");

    assertThat(change.note()).isEmpty();
    assertThat(change.author()).contains("Ada");
  }

  @Test
  void backoffDoublesUpToTheLongestWait() {
    WriteBackPolicy policy = WriteBackPolicy.DEFAULT;

    assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.backoff(7)).isEqualTo(Duration.ofSeconds(600));
    assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
  }
}
