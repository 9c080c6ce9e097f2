package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket answers met in real Autotask instances, as fixtures of our own: a status "Cancelled" from the
 * instance's picklists, and user-defined fields answered as an object. Each callout is answered by the loopback
 * API and replayed through one processor.
 */
class AutotaskRealWorldFixturesTest {
  private static final Fixtures FIXTURES = Fixtures.of(AutotaskDeliveries.class);

  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start()
      .picklists(FIXTURES.text("api-picklists-with-cancelled.json"));
  private final TestClock clock = TestClock.at("2025-06-14T12:00:00Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new AutotaskIntegration()))
      .clock(clock).build();
  private final AlertSource source = api.source("autotask-contoso");

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver(String callout) {
    clock.advance(Duration.ofSeconds(1));
    return processor.process(source, FIXTURES.delivery(callout));
  }

  @Test
  void aCancelledTicketResolvesItsAlert() {
    api.ticket(48302, "api-07-ticket-48302-new.json");
    ProcessingResult created = deliver("07-cancelled-ticket-callout");
    ProcessingResult again = deliver("07-cancelled-ticket-callout");
    api.ticket(48302, "api-08-ticket-48302-cancelled.json");
    ProcessingResult cancelled = deliver("07-cancelled-ticket-callout");

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.ticketId()).contains("48302");
    AlertEvent alert = created.event().orElseThrow();
    assertThat(alert.summary()).isEqualTo("PRN-07: label printer in dispatch keeps jamming");
    assertThat(alert.ticketStatus()).isEqualTo("New");
    assertThat(alert.customDetails()).containsEntry("ticketNumber", "T20250614.0011").containsEntry("queue", "Service Desk");
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(cancelled.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(cancelled.state()).contains(AlertState.RESOLVED);
    assertThat(cancelled.event().map(AlertEvent::eventType)).contains(EventType.RESOLVE);
    assertThat(cancelled.event().map(AlertEvent::ticketStatus)).contains("Cancelled");
  }

  @Test
  void aCancelledTicketNeverSeenMayNotCreateAnAlert() {
    api.ticket(48302, "api-08-ticket-48302-cancelled.json");

    ProcessingResult cancelled = deliver("07-cancelled-ticket-callout");

    assertThat(cancelled.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(cancelled.state()).isEmpty();
    assertThat(cancelled.event()).isEmpty();
  }

  @Test
  void userDefinedFieldsAnsweredAsAnObjectAreSkippedWithANote() {
    api.ticket(48310, "api-09-ticket-48310-user-defined-fields-object.json");

    ProcessingResult result = deliver("08-user-defined-fields-object-callout");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().map(AlertEvent::summary)).contains("SQL03: transaction log disk above 90 %");
    assertThat(result.event().orElseThrow().customDetails()).doesNotContainKey("userDefinedFields")
        .containsEntry("ticketNumber", "T20250614.0027");
    assertThat(result.explanation().notes()).contains("\"userDefinedFields\": expected an array of {name, value}"
        + " objects at /item/userDefinedFields, got object; skipped, as it is only a custom detail");
  }
}
