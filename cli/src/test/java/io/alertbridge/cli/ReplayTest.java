package io.alertbridge.cli;

import static io.alertbridge.cli.CliRunner.example;
import static io.alertbridge.cli.CliRunner.file;
import static io.alertbridge.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.cli.CliRunner.Run;
import org.junit.jupiter.api.Test;

class ReplayTest {

  private static String line(String file, String outcome, int status, String key, String state, String event,
      String priority, String message) {
    return "{\"file\":\"" + file + "\",\"outcome\":\"" + outcome + "\",\"status\":" + status + ",\"alertKey\":"
        + quoted(key) + ",\"state\":" + quoted(state) + ",\"eventType\":" + quoted(event) + ",\"priority\":"
        + quoted(priority) + ",\"message\":\"" + message + "\"}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : '"' + text + '"';
  }

  @Test
  void replaysOneTicketsLifeThroughOneStore() {
    String created = file("example/01-new.json");
    String working = file("example/02-working.http");
    String solved = file("example/03-solved.json");
    String retried = file("example/04-retried-working.http");
    String closed = file("example/05-closed-unknown.json");

    Run run = run(example(), "replay", "--source", "example", created, working, solved, retried, closed);

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.lines()).containsExactly(
        line(created, "CREATED", 202, "4711", "PENDING", "ALERT", "HIGH",
            "status \\\"New\\\": no open alert, so one is created"),
        line(working, "ACCEPTED", 202, "4711", "ACCEPTED", "ACCEPT", "HIGH",
            "status \\\"Working\\\": the open alert is accepted"),
        line(solved, "RESOLVED", 202, "4711", "RESOLVED", "RESOLVE", "HIGH",
            "status \\\"Solved\\\": the open alert is resolved"),
        line(retried, "DUPLICATE", 200, "4711", "RESOLVED", null, null, "delivery delivery-2 was already processed"),
        line(closed, "REJECTED", 400, "4712", null, null, null,
            "status \\\"Closed\\\": no open alert, and this status may not create one"));
  }

  @Test
  void opensANewAlertForAResolvedTicketUnlessReopenIsIgnore() {
    String[] files = {file("example/01-new.json"), file("example/03-solved.json"), file("example/08-new-again.json")};

    Run reopened = run(example(), "replay", "--source", "example", files[0], files[1], files[2]);
    Run ignored = run(example(), "replay", "--source=example", "--reopen", "ignore", files[0], files[1], files[2]);

    assertThat(reopened.exit()).isZero();
    assertThat(reopened.lines().get(2)).contains("\"outcome\":\"CREATED\"", "\"state\":\"PENDING\"");
    assertThat(ignored.exit()).isZero();
    assertThat(ignored.lines().get(2)).contains("\"outcome\":\"UNCHANGED\"", "\"state\":\"RESOLVED\"",
        "\"eventType\":null");
  }

  @Test
  void checksTheSharedSecretHeaderWhenASecretIsGiven() {
    String signed = file("example/09-with-secret.http");
    String unsigned = file("example/05-closed-unknown.json");

    Run run = run(example(), "replay", "--source", "example", "--secret", "s3cret", signed, unsigned);
    Run wrong = run(example(), "replay", "--source", "example", "--secret", "other", signed);

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).hasSize(2);
    assertThat(run.lines().get(0)).contains("\"outcome\":\"CREATED\"", "\"alertKey\":\"4715\"");
    assertThat(run.lines().get(1)).isEqualTo(line(unsigned, "UNAUTHORIZED", 401, null, null, null, null,
        "authentication failed"));
    assertThat(wrong.lines().get(0)).contains("\"outcome\":\"UNAUTHORIZED\"", "\"status\":401");
  }

  @Test
  void reportsInvalidAndUnsupportedDeliveriesAndGoesOn() {
    String wrongType = file("example/06-wrong-status-type.json");
    String form = file("example/07-form.form");
    String created = file("example/01-new.json");

    Run run = run(example(), "replay", "--source", "example", wrongType, form, created);

    assertThat(run.exit()).isZero();
    assertThat(run.lines().get(0)).startsWith("{\"file\":\"" + wrongType + "\",\"outcome\":\"INVALID\",\"status\":400")
        .contains("/status");
    assertThat(run.lines().get(1)).startsWith("{\"file\":\"" + form
        + "\",\"outcome\":\"UNSUPPORTED_MEDIA_TYPE\",\"status\":415");
    assertThat(run.lines().get(2)).contains("\"outcome\":\"CREATED\"");
  }

  @Test
  void listsEachTicketOfABatch() {
    String batch = file("example/10-batch.json");

    Run run = run(example(), "replay", "--source", "example", batch);

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).singleElement().asString()
        .startsWith("{\"file\":\"" + batch + "\",\"outcome\":\"REJECTED\",\"status\":400,\"alertKey\":null")
        .contains("\"items\":[{\"outcome\":\"CREATED\",\"status\":202,\"alertKey\":\"4716\"",
            "{\"outcome\":\"REJECTED\",\"status\":400,\"alertKey\":\"4717\"");
  }
}
