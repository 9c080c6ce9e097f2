package io.alertbridge.cli;

import static io.alertbridge.cli.CliRunner.example;
import static io.alertbridge.cli.CliRunner.file;
import static io.alertbridge.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.cli.CliRunner.Run;
import io.alertbridge.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainTest {

  @Test
  void explainsTheDecisionAsText() {
    Run run = run(example(), "explain", "--source", "example", file("example/01-new.json"));

    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("""
        source:   example (example)
        ticket:   4711
        status:   New
        summary:  Checkout API returns 502
        priority: Urgent
        updated:  2025-03-04T09:00:00Z
        row:      row 1 [New, Open] -> CREATE / KEEP
        state:    absent -> PENDING
        outcome:  CREATED (HTTP 202): status "New": no open alert, so one is created
        """);
  }

  @Test
  @SuppressWarnings("unchecked")
  void explainsTheDecisionAsJson() {
    Run run = run(example(), "explain", "--json", "--source", "example", file("example/05-closed-unknown.json"));

    assertThat(run.exit()).isZero();
    Map<String, Object> json = (Map<String, Object>) Json.parse(run.out(), 16);
    assertThat(json).containsEntry("source", "example").containsEntry("matchedRow", "row 3 [Solved, Closed]")
        .containsEntry("rule", Map.of("whenAbsent", "REJECT", "whenOpen", "RESOLVE"))
        .containsEntry("before", null).containsEntry("after", null)
        .containsEntry("outcome", "REJECTED").containsEntry("status", 400L).containsEntry("event", null)
        .containsEntry("notes", List.of());
    Map<String, Object> snapshot = (Map<String, Object>) json.get("snapshot");
    assertThat(snapshot).containsEntry("ticketId", "4712").containsEntry("summary", "Printer on floor 2");
    assertThat((Map<String, Object>) snapshot.get("status")).containsEntry("label", "Closed").containsEntry("id", null);
  }

  @Test
  void explainsAnInvalidDeliveryByItsPointer() {
    Run run = run(example(), "explain", "--source", "example", file("example/06-wrong-status-type.json"));

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("source:   example (example)\noutcome:  INVALID (HTTP 400): ")
        .contains("/status");
  }

  @Test
  void changesNothingSoTheSameDeliveryIsExplainedTheSameWay() {
    String working = file("example/02-working.http");

    Run first = run(example(), "explain", "--source", "example", working);
    Run second = run(example(), "explain", "--source", "example", working);

    assertThat(first.out()).contains("outcome:  CREATED").isEqualTo(second.out());
  }
}
