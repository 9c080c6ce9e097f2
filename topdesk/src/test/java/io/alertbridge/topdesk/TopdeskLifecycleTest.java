package io.alertbridge.topdesk;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.ReopenPolicy;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the lifecycle table in the TOPdesk specification, through the processor. */
class TopdeskLifecycleTest {
  private static final AlertSource SOURCE = AlertSource.of("topdesk-prod", TopdeskIntegration.NAME);

  private final TestClock clock = TestClock.at("2025-04-14T06:32:36Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new TopdeskIntegration()))
      .clock(clock).build();

  private ProcessingResult send(AlertSource source, String eventType) {
    clock.advance(Duration.ofMinutes(1));
    return processor.process(source, json(
        "{\"eventType\": \"" + eventType + "\", \"incidentKey\": \"I 2504 117\", \"summary\": \"Printer offline\"}"));
  }

  private ProcessingResult send(String eventType) {
    return send(SOURCE, eventType);
  }

  @ParameterizedTest(name = "{0} with no open alert -> {1}")
  @CsvSource({
      "ALERT,   CREATED,   PENDING, ALERT",
      "ACCEPT,  UNCHANGED,        ,",
      "RESOLVE, UNCHANGED,        ,",
  })
  void followsTheTableWhenNoAlertIsOpen(String eventType, Outcome outcome, AlertState after, EventType event) {
    ProcessingResult result = send(eventType);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.state()).isEqualTo(java.util.Optional.ofNullable(after));
    assertThat(result.event().map(AlertEvent::eventType)).isEqualTo(java.util.Optional.ofNullable(event));
  }

  @ParameterizedTest(name = "{0} with an open alert -> {1}")
  @CsvSource({
      "ALERT,   UNCHANGED, PENDING,",
      "ACCEPT,  ACCEPTED,  ACCEPTED, ACCEPT",
      "RESOLVE, RESOLVED,  RESOLVED, RESOLVE",
  })
  void followsTheTableWhenAnAlertIsOpen(String eventType, Outcome outcome, AlertState after, EventType event) {
    send("ALERT");

    ProcessingResult result = send(eventType);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.state()).contains(after);
    assertThat(result.event().map(AlertEvent::eventType)).isEqualTo(java.util.Optional.ofNullable(event));
  }

  @Test
  void answersAResolveForAnUnknownIncidentWith200() {
    ProcessingResult result = send("RESOLVE");

    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.message()).isEqualTo("status \"RESOLVE\": no open alert, and this status does not create one");
  }

  @Test
  void readsEventTypesIgnoringCase() {
    assertThat(send("alert").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(send("Accept").outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(send("rEsOlVe").outcome()).isEqualTo(Outcome.RESOLVED);
  }

  @Test
  void resolvesAnAcceptedAlert() {
    send("ALERT");
    send("ACCEPT");

    assertThat(send("ACCEPT").outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(send("RESOLVE").event().map(AlertEvent::eventType)).contains(EventType.RESOLVE);
  }

  @Test
  void opensANewAlertWhenAResolvedIncidentIsReopenedUnlessTheSourceSaysOtherwise() {
    AlertSource staying = AlertSource.builder("topdesk-staying", TopdeskIntegration.NAME)
        .reopenPolicy(ReopenPolicy.IGNORE).build();
    send("ALERT");
    send("RESOLVE");
    send(staying, "ALERT");
    send(staying, "RESOLVE");

    assertThat(send("ALERT").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(send(staying, "ALERT").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void changesNothingForAnEventTypeOutsideTheTable() {
    assertThat(new TopdeskIntegration().defaultTable().otherwise())
        .isEqualTo(LifecycleRule.of(LifecycleRule.WhenAbsent.IGNORE, LifecycleRule.WhenOpen.KEEP));
  }
}
