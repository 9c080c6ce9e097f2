package io.alertbridge.cli;

import static io.alertbridge.cli.CliRunner.example;
import static io.alertbridge.cli.CliRunner.file;
import static io.alertbridge.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.cli.CliRunner.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {

  /** A replay line with numbered ids (see {@link CliRunner#numberIds}). */
  private static String line(String file, String outcome, int status, String key, String alertId, String state,
      String event, String eventId, String priority, String message) {
    return "{\"file\":\"" + file + "\",\"outcome\":\"" + outcome + "\",\"status\":" + status + ",\"alertKey\":"
        + quoted(key) + ",\"alertId\":" + quoted(alertId) + ",\"state\":" + quoted(state) + ",\"eventType\":"
        + quoted(event) + ",\"eventId\":" + quoted(eventId) + ",\"priority\":" + quoted(priority)
        + ",\"message\":\"" + message + "\"}";
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
    // one alert id from ALERT to RESOLVE, a new event id for each event, none without an event
    assertThat(run.numberedLines()).containsExactly(
        line(created, "CREATED", 202, "4711", "alert-1", "PENDING", "ALERT", "event-1", "HIGH",
            "status \\\"New\\\": no open alert, so one is created"),
        line(working, "ACCEPTED", 202, "4711", "alert-1", "ACCEPTED", "ACCEPT", "event-2", "HIGH",
            "status \\\"Working\\\": the open alert is accepted"),
        line(solved, "RESOLVED", 202, "4711", "alert-1", "RESOLVED", "RESOLVE", "event-3", "HIGH",
            "status \\\"Solved\\\": the open alert is resolved"),
        line(retried, "DUPLICATE", 200, "4711", null, "RESOLVED", null, null, null,
            "delivery delivery-2 was already processed"),
        line(closed, "REJECTED", 400, "4712", null, null, null, null, null,
            "status \\\"Closed\\\": no open alert, and this status may not create one"));
    assertThat(run.lines().get(0)).matches(".*\"alertId\":\"[0-9a-f-]{36}\".*");
  }

  @Test
  void opensANewAlertForAResolvedTicketUnlessReopenIsIgnore() {
    String[] files = {file("example/01-new.json"), file("example/03-solved.json"), file("example/08-new-again.json")};

    Run reopened = run(example(), "replay", "--source", "example", files[0], files[1], files[2]);
    Run ignored = run(example(), "replay", "--source=example", "--reopen", "ignore", files[0], files[1], files[2]);

    assertThat(reopened.exit()).isZero();
    assertThat(reopened.lines().get(2)).contains("\"outcome\":\"CREATED\"", "\"state\":\"PENDING\"");
    // the reopened ticket is a new alert, whose ALERT is a new event
    List<String> numbered = reopened.numberedLines();
    assertThat(numbered.get(0)).contains("\"alertId\":\"alert-1\"",
        "\"eventType\":\"ALERT\",\"eventId\":\"event-1\"");
    assertThat(numbered.get(1)).contains("\"alertId\":\"alert-1\"",
        "\"eventType\":\"RESOLVE\",\"eventId\":\"event-2\"");
    assertThat(numbered.get(2)).contains("\"alertId\":\"alert-2\"",
        "\"eventType\":\"ALERT\",\"eventId\":\"event-3\"");
    assertThat(ignored.exit()).isZero();
    assertThat(ignored.lines().get(2)).contains("\"outcome\":\"UNCHANGED\"", "\"state\":\"RESOLVED\"",
        "\"alertId\":null", "\"eventType\":null,\"eventId\":null");
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
    assertThat(run.lines().get(1)).isEqualTo(line(unsigned, "UNAUTHORIZED", 401, null, null, null, null, null, null,
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
    // the batch as a whole decided no one event: its items carry the ids, as they carry the event types
    assertThat(run.numberedLines()).singleElement().asString()
        .startsWith("{\"file\":\"" + batch + "\",\"outcome\":\"REJECTED\",\"status\":400,\"alertKey\":null,"
            + "\"alertId\":null,\"state\":null,\"eventType\":null,\"eventId\":null,")
        .contains("\"items\":[{\"outcome\":\"CREATED\",\"status\":202,\"alertKey\":\"4716\",\"alertId\":\"alert-1\","
                + "\"state\":\"PENDING\",\"eventType\":\"ALERT\",\"eventId\":\"event-1\"",
            "{\"outcome\":\"REJECTED\",\"status\":400,\"alertKey\":\"4717\",\"alertId\":null,\"state\":null,"
                + "\"eventType\":null,\"eventId\":null");
  }
}
