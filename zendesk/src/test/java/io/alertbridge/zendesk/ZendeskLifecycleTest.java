package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of both lifecycle tables in the Zendesk specification, as signed trigger deliveries. */
class ZendeskLifecycleTest {
  private static final AlertSource SOURCE = AlertSource.builder("zendesk-prod", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(Trigger.FIXTURE_SECRET)).build();

  private final TestClock clock = TestClock.at("2025-03-04T09:15:02Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();
  private long invocations = 9_120_456_600L;

  private ProcessingResult send(Trigger trigger) {
    clock.advance(Duration.ofMinutes(1));
    return processor.process(SOURCE, trigger.invocation(Long.toString(++invocations))
        .signed(Trigger.FIXTURE_SECRET, clock.instant()));
  }

  private ProcessingResult send(String status) {
    return send(Trigger.ticket("4711", status));
  }

  @ParameterizedTest(name = "{0} with no open alert -> {1}")
  @CsvSource({
      "New,       CREATED,  PENDING, ALERT",
      "Open,      CREATED,  PENDING, ALERT",
      "Pending,   CREATED,  PENDING, ALERT",
      "On-hold,   CREATED,  PENDING, ALERT",
      "Solved,    REJECTED,        ,",
      "Closed,    REJECTED,        ,",
      "Escalated, CREATED,  PENDING, ALERT",
  })
  void followsTheTableWhenNoAlertIsOpen(String status, Outcome outcome, AlertState after, EventType event) {
    ProcessingResult result = send(status);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.state()).isEqualTo(Optional.ofNullable(after));
    assertThat(result.event().map(AlertEvent::eventType)).isEqualTo(Optional.ofNullable(event));
  }

  @ParameterizedTest(name = "{0} with an open alert -> {1}")
  @CsvSource({
      "New,       UNCHANGED, PENDING,",
      "Open,      UNCHANGED, PENDING,",
      "Pending,   ACCEPTED,  ACCEPTED, ACCEPT",
      "On-hold,   ACCEPTED,  ACCEPTED, ACCEPT",
      "Solved,    RESOLVED,  RESOLVED, RESOLVE",
      "Closed,    RESOLVED,  RESOLVED, RESOLVE",
      "Escalated, UNCHANGED, PENDING,",
  })
  void followsTheTableWhenAnAlertIsOpen(String status, Outcome outcome, AlertState after, EventType event) {
    send("New");

    ProcessingResult result = send(status);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.state()).contains(after);
    assertThat(result.event().map(AlertEvent::eventType)).isEqualTo(Optional.ofNullable(event));
  }

  @ParameterizedTest(name = "{0} with an accepted alert -> {1}")
  @CsvSource({
      "New,       UNCHANGED, ACCEPTED",
      "Open,      UNCHANGED, ACCEPTED",
      "Pending,   UNCHANGED, ACCEPTED",
      "On-hold,   UNCHANGED, ACCEPTED",
      "Solved,    RESOLVED,  RESOLVED",
      "Closed,    RESOLVED,  RESOLVED",
      "Escalated, UNCHANGED, ACCEPTED",
  })
  void acceptsOnlyOnce(String status, Outcome outcome, AlertState after) {
    send("New");
    send("Pending");

    ProcessingResult result = send(status);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.state()).contains(after);
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
      "new,     New,     UNCHANGED",
      "OPEN,    Open,    UNCHANGED",
      "pending, Pending, ACCEPTED",
      "hold,    On-hold, ACCEPTED",
      "on hold, On-hold, ACCEPTED",
      "ON_HOLD, On-hold, ACCEPTED",
      "onhold,  On-hold, ACCEPTED",
      "solved,  Solved,  RESOLVED",
      "closed,  Closed,  RESOLVED",
  })
  void readsApiSpellingsAndSeparatorsAsTheSameStatus(String spelling, String label, Outcome withOpenAlert) {
    StatusMappingTable table = new ZendeskIntegration().defaultTable();
    send("New");

    ProcessingResult result = send(spelling);

    assertThat(result.outcome()).isEqualTo(withOpenAlert);
    assertThat(table.match(CodedValue.of(spelling)).index()).isEqualTo(table.match(CodedValue.of(label)).index())
        .isNotNegative();
  }

  @Test
  void answersRepeatsOfAnAppliedStatusWith200() {
    send("New");
    send("Solved");

    ProcessingResult again = send("Solved");
    ProcessingResult closed = send("Closed");

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.httpStatus()).isEqualTo(200);
    assertThat(closed.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(closed.state()).contains(AlertState.RESOLVED);
  }

  @Test
  void opensANewAlertWhenASolvedTicketIsReopened() {
    send("New");
    send("Solved");

    ProcessingResult reopened = send("Open");

    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(reopened.event().map(AlertEvent::eventType)).contains(EventType.ALERT);
  }

  @ParameterizedTest(name = "priority \"{0}\" -> {1}")
  @CsvSource({
      "Urgent, HIGH",
      "High,   HIGH",
      "urgent, HIGH",
      "Normal, LOW",
      "Low,    LOW",
      "normal, LOW",
      "'',     HIGH",
      "Whenever, HIGH",
  })
  void mapsPrioritiesAndFallsBackToTheSourceDefault(String priority, Priority expected) {
    AlertEvent event = send(Trigger.ticket("4711", "New").with("priority", priority)).event().orElseThrow();

    assertThat(event.priority()).isEqualTo(expected);
  }

  @Test
  void usesTheSourcesOwnDefaultForAnEmptyPriority() {
    AlertSource quiet = AlertSource.builder("zendesk-quiet", ZendeskIntegration.NAME)
        .defaultPriority(Priority.LOW).build();

    ProcessingResult result = processor.process(quiet, Trigger.ticket("4711", "New").with("priority", "").unsigned());

    assertThat(result.event().map(AlertEvent::priority)).contains(Priority.LOW);
  }

  @Test
  void skipsAnUpdateOlderThanTheOneApplied() {
    send(Trigger.ticket("4711", "New").with("updated_at", "2025-03-04T09:20Z"));
    send(Trigger.ticket("4711", "Pending").with("updated_at", "2025-03-04T09:40:13Z"));

    ProcessingResult late = send(Trigger.ticket("4711", "Solved").with("updated_at", "2025-03-04T09:30:00Z"));

    assertThat(late.outcome()).isEqualTo(Outcome.STALE);
    assertThat(late.state()).contains(AlertState.ACCEPTED);
  }

  @Test
  void treatsTheSameStatusAtTheSameUpdateTimeAsAlreadyApplied() {
    send(Trigger.ticket("4711", "Pending").with("updated_at", "2013-12-12T05:35Z"));

    ProcessingResult again = send(Trigger.ticket("4711", "Pending").with("updated_at", "2013-12-12T05:35:00Z"));

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.message()).isEqualTo("status \"Pending\" of 2013-12-12T05:35:00Z was already applied");
  }
}
