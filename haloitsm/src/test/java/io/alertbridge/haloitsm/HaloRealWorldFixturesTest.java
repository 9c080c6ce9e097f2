package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.haloitsm.testing.FakeHaloApi;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HaloITSM shapes met in real tenants, as fixtures of our own: "event information only" envelopes whose
 * tickets are fetched from the loopback Halo API, and a native batch with one bad element.
 */
class HaloRealWorldFixturesTest {
  private static final Fixtures FIXTURES = Fixtures.of(HaloDeliveries.class);
  private static final String CLIENT_ID = "alertbridge-northwind";
  private static final String CLIENT_SECRET = "nw-client-secret-8Rt";

  private final FakeHaloApi api = FakeHaloApi.start(CLIENT_ID, CLIENT_SECRET);
  private final TestClock clock = TestClock.at("2025-11-20T06:16:30Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration()))
      .clock(clock).stateStore(store).build();
  private final AlertSource withApi = AlertSource.builder("halo-northwind", "haloitsm").settings(HaloSettings.builder()
      .apiUrl(api.baseUrl()).clientId(CLIENT_ID).clientSecret(Secret.of(CLIENT_SECRET)).build()).build();

  @AfterEach
  void stop() {
    api.close();
  }

  private ProcessingResult deliver(AlertSource source, String name) {
    clock.advance(Duration.ofSeconds(1));
    return processor.process(source, FIXTURES.delivery(name));
  }

  @Test
  void eventOnlyEnvelopesAreFetchedThroughTheApiCreatedThenResolved() {
    api.ticket(5107, FIXTURES.text("api-ticket-5107-new.json"));
    ProcessingResult logged = deliver(withApi, "07-event-only-new-ticket-logged");
    ProcessingResult again = deliver(withApi, "08-event-only-status-changed");
    api.ticket(5107, FIXTURES.text("api-ticket-5107-closed.json"));
    ProcessingResult closed = deliver(withApi, "08-event-only-status-changed");

    assertThat(logged.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(logged.ticketId()).contains("5107");
    AlertEvent alert = logged.event().orElseThrow();
    assertThat(alert.eventType()).isEqualTo(EventType.ALERT);
    assertThat(alert.summary()).isEqualTo("Mail relay MX-02 queues outbound mail for more than 30 minutes");
    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(closed.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(closed.state()).contains(AlertState.RESOLVED);
    assertThat(closed.event().map(AlertEvent::eventType)).contains(EventType.RESOLVE);
    assertThat(api.requestCount("/api/Tickets/5107")).isEqualTo(3);
  }

  @Test
  void aClosedTicketFetchedForAnEventOnlyEnvelopeIsIgnoredWithoutAnAlert() {
    api.ticket(5107, FIXTURES.text("api-ticket-5107-closed.json"));

    ProcessingResult closed = deliver(withApi, "08-event-only-status-changed");

    assertThat(closed.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(closed.httpStatus()).isEqualTo(200);
    assertThat(closed.state()).isEmpty();
    assertThat(closed.event()).isEmpty();
    assertThat(closed.explanation().rule().orElseThrow().toString()).isEqualTo("IGNORE / RESOLVE");
  }

  @Test
  void aFullTicketWithAStatusKnownOnlyByIdIsNamedThroughTheApiAndResolves() {
    api.statuses(FIXTURES.text("api-statuses-with-complete.json"));
    api.ticket(5131, FIXTURES.text("api-ticket-5131-new.json"));
    ProcessingResult opened = deliver(withApi, "11-full-payload-status-id-only-new");
    api.ticket(5131, FIXTURES.text("api-ticket-5131-complete.json"));

    ProcessingResult complete = deliver(withApi, "10-full-payload-status-id-only-complete");
    ProcessingResult completeWithoutApi = deliver(Halo.SOURCE, "10-full-payload-status-id-only-complete");

    assertThat(opened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(complete.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(complete.explanation().snapshot().orElseThrow().status().names()).contains("Complete");
    assertThat(completeWithoutApi.outcome()).as("without settings, id 20 names no row").isEqualTo(Outcome.CREATED);
    assertThat(api.requestCount("/api/Status")).isEqualTo(1);
  }

  @Test
  void anEventOnlyEnvelopeWithoutApiSettingsSaysToConfigureThem() {
    ProcessingResult result = deliver(Halo.SOURCE, "07-event-only-new-ticket-logged");

    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.message()).containsIgnoringCase("api");
    assertThat(api.requestCount("/api/Tickets")).isZero();
  }

  @Test
  void aBatchWithOneBadElementDecidesTheOthers() {
    ProcessingResult result = deliver(Halo.SOURCE, "09-batch-one-bad-element");

    assertThat(result.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.INVALID, Outcome.CREATED);
    assertThat(result.items().get(1).ticketId()).contains("5122");
    assertThat(result.items().get(1).message()).contains("/1/ticket/status");
    assertThat(result.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(result.httpStatus()).isEqualTo(400);
    assertThat(result.events()).extracting(AlertEvent::ticketId).containsExactly("5121", "5123");
    assertThat(store.read(new AlertKey(Halo.SOURCE.id(), "5121")).map(a -> a.state())).contains(AlertState.PENDING);
    assertThat(store.read(new AlertKey(Halo.SOURCE.id(), "5122"))).isEmpty();
  }

  @Test
  void aRetriedBatchChangesNothingAndStillNamesTheBadElement() {
    deliver(Halo.SOURCE, "09-batch-one-bad-element");

    ProcessingResult retry = deliver(Halo.SOURCE, "09-batch-one-bad-element");

    assertThat(retry.items()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.UNCHANGED, Outcome.INVALID, Outcome.UNCHANGED);
    assertThat(retry.events()).isEmpty();
  }
}
