package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The body shapes met in real Zendesk accounts, as signed fixtures of our own, each ticket replayed from first
 * delivery to last through one processor at the time it was signed.
 */
class ZendeskRealWorldFixturesTest {
  private static final AlertSource SOURCE = AlertSource.builder("zendesk-prod", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(Trigger.FIXTURE_SECRET)).build();

  private final TestClock clock = TestClock.at("2025-01-01T00:00:00Z");
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
      .clock(clock).build();

  private ProcessingResult replay(String name) {
    Delivery delivery = Fixtures.of(ZendeskDeliveries.class).delivery(name);
    clock.set(Instant.parse(delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).orElseThrow()));
    return processor.process(SOURCE, delivery);
  }

  @Test
  void anEventWebhookTicketIsCreatedThenSolved() {
    ProcessingResult created = replay("20-event-ticket-created");
    ProcessingResult solved = replay("21-event-status-changed-solved");

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.ticketId()).contains("5301");
    AlertEvent alert = created.event().orElseThrow();
    assertThat(alert.summary()).isEqualTo("Invoice PDFs come out blank since the morning deploy");
    assertThat(alert.details()).isEqualTo("Every invoice generated after 07:15 CEST opens as an empty page.\n"
        + "Reprinting does not help.");
    assertThat(alert.customDetails()).containsEntry("eventType", "ticket.created").containsEntry("ticketType", "INCIDENT");
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(solved.state()).contains(AlertState.RESOLVED);
    assertThat(solved.event().map(AlertEvent::eventType)).contains(EventType.RESOLVE);
  }

  @Test
  void aSolvedStatusEventForAnUnseenTicketMayNotCreateAnAlert() {
    ProcessingResult solved = replay("21-event-status-changed-solved");

    assertThat(solved.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(solved.httpStatus()).isEqualTo(400);
    assertThat(solved.state()).isEmpty();
  }

  @Test
  void aTicketNestedUnderTicketIsCreatedThenSolved() {
    ProcessingResult open = replay("22-nested-ticket-open");
    ProcessingResult solved = replay("23-nested-ticket-solved");

    assertThat(open.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(open.ticketId()).contains("5302");
    assertThat(open.event().map(AlertEvent::summary)).contains("Warehouse scanners drop off the Wi-Fi every few minutes");
    assertThat(open.explanation().notes()).contains(
        "the ticket's fields were read from the nested object /ticket (the root has no id or status)");
    assertThat(solved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(solved.state()).contains(AlertState.RESOLVED);
  }

  @Test
  void aNestedSolvedTicketNeverSeenMayNotCreateAnAlert() {
    assertThat(replay("23-nested-ticket-solved").outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void spanishStatusesOpenThenResolveTheAlert() {
    ProcessingResult abierto = replay("24-status-spanish-abierto");
    ProcessingResult resuelto = replay("25-status-spanish-resuelto");

    assertThat(abierto.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(abierto.event().map(AlertEvent::ticketStatus)).contains("Abierto");
    assertThat(abierto.event().map(AlertEvent::details)).hasValueSatisfying(details ->
        assertThat(details).startsWith("El terminal muestra \"Error de comunicaci\u00f3n\" en cada pago."));
    assertThat(resuelto.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(resuelto.event().map(AlertEvent::ticketStatus)).contains("Resuelto");
    assertThat(resuelto.explanation().matchedRow()).hasValueSatisfying(row -> assertThat(row).contains("Resuelto"));
  }

  @Test
  void aSpanishResolvedTicketNeverSeenMayNotCreateAnAlert() {
    assertThat(replay("25-status-spanish-resuelto").outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void withoutATitleTheSummarySkipsTheSeparatorAndTheAuthorHeader() {
    ProcessingResult result = replay("26-description-separator-and-author-header");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.event().map(AlertEvent::summary)).contains("Nightly stock export to the ERP stopped at 02:00");
  }

  @Test
  void anUpdateTimeRenderedForPeopleIsDroppedWithANoteAndTheSignedTimeOrdersInstead() {
    ProcessingResult result = replay("27-updated-at-plain-date");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.ticketId()).contains("5305");
    assertThat(result.explanation().notes()).containsExactly("updated_at holds \"February 3, 2025\", not an ISO-8601"
        + " time such as 2013-12-12T05:35Z, so it does not order this delivery; use"
        + " {{ticket.updated_at_with_timestamp}} in the trigger's JSON body ({{ticket.updated_at}} renders a date for"
        + " people)", "instead: the signed timestamp 2025-02-03T16:12:29Z orders this delivery");
  }
}
