package io.alertbridge.haloitsm;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloShapesTest {
  private static final String NEW_ENVELOPE = """
      {"id": "c3a4e6f0-1", "webhook_id": "b1f0c2d4", "event": "new ticket logged", "object_id": 4242,
       "timestamp": "2025-11-18T09:00:00.1234567Z",
       "ticket": {"id": 4242, "summary": "Backup failed on SRV-DB02", "details": "<p>Job <b>nightly</b> failed</p>",
                  "status_id": 1, "priority_id": 3, "team": "Backup", "client_name": "Contoso AG",
                  "lastactiondate": "2025-11-18T09:00:00.12", "hasbeenclosed": false,
                  "dateclosed": "1900-01-01T00:00:00"}}""";

  private static String envelope(long ticketId, long statusId, String lastAction, String timestamp) {
    return """
        {"id": "evt-%1$d-%2$d", "webhook_id": "b1f0c2d4", "event": "ticket status changed", "object_id": %1$d,
         "timestamp": %4$s,
         "ticket": {"id": %1$d, "summary": "Ticket %1$d", "status_id": %2$d, "priority_id": 1,
                    "lastactiondate": %3$s, "dateclosed": null}}""".formatted(ticketId, statusId,
        lastAction == null ? "null" : '"' + lastAction + '"', timestamp == null ? "null" : '"' + timestamp + '"');
  }

  @Test
  void readsANativeWebhookEnvelope() {
    ProcessingResult result = Halo.processor().process(Halo.SOURCE, Halo.json(NEW_ENVELOPE));

    assertThat(result).isCreated().hasTicketId("4242").hasSummary("Backup failed on SRV-DB02")
        .hasPriority(io.alertbridge.core.Priority.LOW);
    var event = result.event().orElseThrow();
    assertThat(event.details()).isEqualTo("Job nightly failed\n\nClient: Contoso AG\nTeam: Backup");
    assertThat(event.ticketStatus()).isEqualTo("#1");
    assertThat(event.customDetails()).containsEntry("webhook", Map.of("id", "c3a4e6f0-1", "webhook_id", "b1f0c2d4",
        "event", "new ticket logged", "object_id", 4242L, "timestamp", "2025-11-18T09:00:00.1234567Z"));
    assertThat(result.explanation().snapshot().orElseThrow().sourceUpdatedAt())
        .contains(Instant.parse("2025-11-18T09:00:00.12Z"));
  }

  @Test
  void processesEachEnvelopeOfABatchAsItsOwnDelivery() {
    WebhookProcessor processor = Halo.processor();
    processor.process(Halo.SOURCE, Halo.json(envelope(100, 1, "2025-11-18T09:00:00", null)));
    String batch = "[" + envelope(100, 9, "2025-11-18T10:00:00", null) + ","
        + envelope(101, 1, "2025-11-18T10:00:01", null) + ","
        + envelope(102, 9, "2025-11-18T10:00:02", null) + "]";

    ProcessingResult result = processor.process(Halo.SOURCE, Halo.json(batch));

    assertThat(result.items()).hasSize(3);
    assertThat(result.items().get(0)).isResolved().hasTicketId("100").hasState(AlertState.RESOLVED);
    assertThat(result.items().get(1)).isCreated().hasTicketId("101").hasState(AlertState.PENDING);
    assertThat(result.items().get(2)).isUnchanged().hasTicketId("102").hasNoState();
    assertThat(result.events()).extracting(e -> e.eventType()).containsExactly(EventType.RESOLVE, EventType.ALERT);
    assertThat(result.outcome()).as("the highest HTTP status of the items").isEqualTo(Outcome.RESOLVED);
    assertThat(result.httpStatus()).isEqualTo(202);
  }

  @Test
  void batchAnswersWithTheWorstStatusOfItsItems() {
    String batch = "[" + envelope(200, 1, null, null) + ", {\"event\": \"ticket status changed\", \"webhook_id\": 3}]";

    ProcessingResult result = Halo.processor().process(Halo.SOURCE, Halo.json(batch));

    assertThat(result).isInvalid().hasHttpStatus(400).hasMessageContaining("/1/ticket");
  }

  @Test
  void sameTicketTwiceInOneBatchIsAppliedInOrder() {
    String batch = "[" + envelope(300, 1, "2025-11-18T09:00:00", null) + ","
        + envelope(300, 2, "2025-11-18T09:05:00", null) + "]";

    ProcessingResult result = Halo.processor().process(Halo.SOURCE, Halo.json(batch));

    assertThat(result.items()).extracting(ProcessingResult::outcome).containsExactly(Outcome.CREATED, Outcome.ACCEPTED);
    assertThat(result.httpStatus()).isEqualTo(202);
  }

  @Test
  void takesTheEnvelopeTimestampWhenTheTicketHasNoLastActionDate() {
    TicketSnapshot snapshot = Halo.parseOne(envelope(400, 2, null, "2025-11-18T09:30:00+01:00"));

    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-11-18T08:30:00Z"));
  }

  @Test
  void prefersLastActionDateToTheEnvelopeTimestamp() {
    TicketSnapshot snapshot = Halo.parseOne(envelope(401, 2, "2025-11-18T07:00:00", "2025-11-18T09:30:00Z"));

    assertThat(snapshot.sourceUpdatedAt()).contains(Instant.parse("2025-11-18T07:00:00Z"));
  }

  @Test
  void olderUpdateIsStaleAndARepeatIsUnchanged() {
    WebhookProcessor processor = Halo.processor();
    processor.process(Halo.SOURCE, Halo.json(envelope(500, 1, "2025-11-18T09:00:00", null)));
    processor.process(Halo.SOURCE, Halo.json(envelope(500, 2, "2025-11-18T09:10:00", null)));

    ProcessingResult late = processor.process(Halo.SOURCE, Halo.json(envelope(500, 1, "2025-11-18T09:05:00", null)));
    ProcessingResult repeat = processor.process(Halo.SOURCE, Halo.json(envelope(500, 2, "2025-11-18T09:10:00", null)));
    ProcessingResult change = processor.process(Halo.SOURCE, Halo.json(envelope(500, 9, "2025-11-18T09:10:00", null)));

    assertThat(late).isStale().hasHttpStatus(200).hasState(AlertState.ACCEPTED);
    assertThat(repeat).isUnchanged().hasMessageContaining("already applied");
    assertThat(change).as("a new status at the same time is a change").isResolved();
  }

  @Test
  void readsABareTicketObject() {
    TicketSnapshot snapshot = Halo.parseOne("{\"id\": 77, \"status_id\": 2, \"summary\": \"Printer\"}");

    assertThat(snapshot.ticketId()).isEqualTo("77");
    assertThat(snapshot.status().id()).hasValue(2);
    assertThat(snapshot.summary()).isEqualTo("Printer");
  }

  @Test
  void takesTheTicketIdFromObjectIdWhenTheTicketLacksOne() {
    TicketSnapshot snapshot = Halo.parseOne(
        "{\"event\": \"ticket status changed\", \"object_id\": \"88\", \"ticket\": {\"status_id\": 4}}");

    assertThat(snapshot.ticketId()).isEqualTo("88");
  }

  @Test
  void blankSummaryFallsBackToTheTicketId() {
    ProcessingResult result = Halo.processor().process(Halo.SOURCE,
        Halo.json("{\"ticket\": {\"id\": 90, \"status\": {\"id\": 1, \"name\": \"New\"}, \"summary\": \"  \"}}"));

    assertThat(result).isCreated().hasSummary("90");
  }

  @Test
  void missingTicketIsInvalidAndSaysWhere() {
    assertThatThrownBy(() -> Halo.parse("{\"tickets\": {}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"ticket\": expected a ticket object at /ticket, got nothing");
  }

  @Test
  void missingTicketIdIsInvalidAndSaysWhere() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"status_id\": 1}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"id\": expected a ticket id such as 4812 at /ticket/id, got nothing");
  }

  @Test
  void missingStatusIsInvalidAndSaysWhere() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"id\": 1}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"status_id\": expected a status (an object with id and name, or status_id) at "
            + "/ticket/status_id, got nothing");
  }

  @Test
  void statusWithoutIdOrNameIsInvalid() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"id\": 1, \"status\": {\"name\": \" \"}}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"status\": expected a status (an object with id and name, or status_id) at /ticket/status,"
            + " got an object without id or name");
  }

  @Test
  void fractionalStatusIdIsInvalid() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"id\": 1, \"status\": {\"id\": 2.5}}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"id\": expected an integer id such as 3, 3.0 or \"3\" at /ticket/status/id, got 2.5");
  }

  @Test
  void unreadableDateIsInvalidAndSaysWhere() {
    assertThatThrownBy(() -> Halo.parse(
        "{\"ticket\": {\"id\": 1, \"status_id\": 2, \"lastactiondate\": \"yesterday\"}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"lastactiondate\": expected a date such as \"2025-11-18T08:42:17.303\" at /ticket/lastactiondate,"
            + " got \"yesterday\"");
  }

  @Test
  void unsubstitutedTicketIdIsInvalid() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"id\": \"<<ticket^id>>\", \"status_id\": 2}}"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("unsubstituted Halo variable");
  }

  @Test
  void emptyBatchIsInvalid() {
    assertThatThrownBy(() -> Halo.parse("[]"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("expected an array of webhook objects at /, got an empty array");
  }

  @Test
  void brokenJsonGetsAHintAboutTheMethodBody() {
    assertThatThrownBy(() -> Halo.parse("{\"ticket\": {\"id\": 1, \"summary\": \"\"Disk\"\"}}"))
        .isInstanceOf(MalformedDeliveryException.class)
        .hasMessageContaining("body is not valid JSON")
        .hasMessageContaining("Halo Custom Integration method");
  }

  @Test
  void invalidDeliveryIsAnswered400() {
    ProcessingResult result = Halo.processor().process(Halo.SOURCE, Halo.json("\"just text\""));

    assertThat(result).isInvalid().hasHttpStatus(400)
        .hasMessageContaining("expected a JSON object with a ticket, or an array of them at /, got string");
  }
}
