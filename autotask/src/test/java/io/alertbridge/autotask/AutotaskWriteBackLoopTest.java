package io.alertbridge.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.autotask.testing.FakeAutotaskApi;
import io.alertbridge.testkit.FaultyWriter;
import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult.Status;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.RecordingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against the loopback Autotask API: a callout creates the alert, the host accepts or
 * resolves it, the ticket's status and an internal note are written, and the callout that the write
 * fires changes nothing. Failures of the API are retried from the outbox with backoff, refusals fail.
 */
class AutotaskWriteBackLoopTest {
  private static final long ID = 48213;
  private static final String TICKET = Long.toString(ID);
  private static final long API_RESOURCE = 29684000;
  private static final long TECHNICIAN = 29682885;

  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start();
  private final FakeAutotaskApi fake = api.fake();
  private final TestClock clock = TestClock.at("2025-06-12T12:00:00Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final RecordingSink sink = new RecordingSink();
  private final AlertSource source = api.builder("psa").setting("zoneUrl", api.zoneUrl()).build();

  AutotaskWriteBackLoopTest() {
    fake.clock(clock).ticket(AutotaskDeliveries.ticket(ID).status(1));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private WebhookProcessor processor(Integration integration) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).stateStore(store)
        .eventSink(sink).build();
  }

  private final WebhookProcessor processor = processor(new AutotaskIntegration());

  private ProcessingResult callout(WebhookProcessor via, AlertSource to) {
    clock.advance(Duration.ofSeconds(1));
    return via.process(to, AutotaskDeliveries.callout(ID, "T20250612.0042"));
  }

  private ProcessingResult callout() {
    return callout(processor, source);
  }

  /** The API answers the ticket in this status, last changed at that time by that resource. */
  private void ticketIs(int status, Instant lastActivity, long resource) {
    fake.ticket(AutotaskDeliveries.ticket(ID).status(status).lastActivityDate(lastActivity.toString())
        .field("lastActivityResourceID", resource).field("lastActivityPersonType", 1));
  }

  private StoredAlert stored() {
    return store.read(new AlertKey(source.id(), TICKET)).orElseThrow();
  }

  private List<EventType> applied() {
    return sink.applied().stream().map(AlertEvent::eventType).toList();
  }

  @Test
  void anAcceptedAlertSetsTheTicketInProgressWithANoteAndItsEchoChangesNothing() {
    assertThat(callout().outcome()).isEqualTo(Outcome.CREATED);

    WriteBackResult accepted = processor.alertChanged(source, TICKET, AlertChange.accepted().by("Ada"));

    assertThat(accepted.status()).isEqualTo(Status.WRITTEN);
    assertThat(accepted.state()).contains(AlertState.ACCEPTED);
    assertThat(fake.status(ID)).contains(8L);
    assertThat(fake.notes(ID)).singleElement().satisfies(note -> assertThat(note)
        .containsEntry("description", "Accepted in AlertBridge by Ada").containsEntry("publish", 2L)
        .containsEntry("title", "AlertBridge"));

    ProcessingResult echo = callout();

    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.message()).isEqualTo("status \"In Progress\" is the echo of the status written back to the"
        + " ticket; nothing changes");
    assertThat(echo.event()).isEmpty();
    assertThat(echo.state()).contains(AlertState.ACCEPTED);
    assertThat(applied()).containsExactly(EventType.ALERT);
  }

  @Test
  void aResolvedAlertCompletesTheTicketAndNeitherEchoReopensIt() {
    callout();
    Instant acceptedAt = clock.instant();
    processor.alertChanged(source, TICKET, AlertChange.accepted().by("Ada"));
    clock.advance(Duration.ofSeconds(30));
    Instant resolvedAt = clock.instant();

    WriteBackResult resolved = processor.alertChanged(source, TICKET,
        AlertChange.resolved().by("Ada").withNote("disk replaced"));

    assertThat(resolved.status()).isEqualTo(Status.WRITTEN);
    assertThat(fake.status(ID)).contains(5L);
    assertThat(fake.notes(ID)).extracting(note -> note.get("description"))
        .containsExactly("Accepted in AlertBridge by Ada", "Resolved in AlertBridge by Ada: disk replaced");

    ticketIs(8, acceptedAt, TECHNICIAN);
    ProcessingResult lateAcceptEcho = callout();
    ticketIs(5, resolvedAt, TECHNICIAN);
    ProcessingResult resolveEcho = callout();

    assertThat(lateAcceptEcho.outcome()).as("In Progress, of before the host's resolve, would reopen the alert")
        .isEqualTo(Outcome.STALE);
    assertThat(lateAcceptEcho.event()).isEmpty();
    assertThat(resolveEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(stored().state()).isEqualTo(AlertState.RESOLVED);
    assertThat(applied()).containsExactly(EventType.ALERT);
  }

  @Test
  void afterTheEchoWindowAPersonsStatusCountsAgain() {
    callout();
    processor.alertChanged(source, TICKET, AlertChange.resolved());
    clock.advance(Duration.ofMinutes(11));
    ticketIs(8, clock.instant(), TECHNICIAN);

    ProcessingResult reopened = callout();

    assertThat(reopened.outcome()).as("without apiResourceId only the window tells an echo").isEqualTo(Outcome.CREATED);
    assertThat(applied()).containsExactly(EventType.ALERT, EventType.ALERT);
  }

  @Test
  void theApiUsersOwnChangeIsAnEchoEvenAfterTheWindowWhenTheSettingsNameIt() {
    AlertSource named = api.builder("psa").setting("zoneUrl", api.zoneUrl()).setting("apiResourceId", API_RESOURCE)
        .build();
    fake.apiResourceId(API_RESOURCE);
    callout(processor, named);
    processor.alertChanged(named, TICKET, AlertChange.resolved());
    clock.advance(Duration.ofMinutes(11));

    ticketIs(8, clock.instant(), API_RESOURCE);
    ProcessingResult own = callout(processor, named);
    ticketIs(8, clock.instant().plusSeconds(5), TECHNICIAN);
    ProcessingResult technicians = callout(processor, named);

    assertThat(own.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(own.message()).contains("set by the integration's own API user");
    assertThat(technicians.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aServerErrorIsWrittenByWritePendingChangesAfterTheBackoff() {
    callout();
    fake.failWrites(500, 1);

    WriteBackResult first = processor.alertChanged(source, TICKET, AlertChange.accepted().by("Ada"));

    assertThat(first.status()).isEqualTo(Status.RETRYING);
    assertThat(first.message()).contains("HTTP 500", "PATCH");
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(10));
    assertThat(stored().state()).as("the host's change is recorded at once").isEqualTo(AlertState.ACCEPTED);
    assertThat(fake.status(ID)).contains(1L);

    clock.advance(Duration.ofSeconds(9));
    assertThat(processor.writePendingChanges()).as("not due yet").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    List<WriteBackResult> retried = processor.writePendingChanges();

    assertThat(retried).extracting(WriteBackResult::status).containsExactly(Status.WRITTEN);
    assertThat(fake.status(ID)).contains(8L);
    assertThat(fake.notes(ID)).hasSize(1);
    assertThat(store.countPendingChanges()).isZero();
    assertThat(callout().outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aRateLimitIsRetriedNoSoonerThanItsRetryAfter() {
    callout();
    fake.failWrites(429, 1).retryAfter(Duration.ofSeconds(60));

    WriteBackResult first = processor.alertChanged(source, TICKET, AlertChange.accepted());

    assertThat(first.status()).isEqualTo(Status.RETRYING);
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(30));
    assertThat(processor.writePendingChanges()).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status).containsExactly(Status.WRITTEN);
    assertThat(fake.status(ID)).contains(8L);
  }

  @Test
  void aSlowApiIsRetriedLikeAnUnreachableOne() {
    AlertSource impatient = api.builder("psa").setting("zoneUrl", api.zoneUrl()).setting("requestTimeout", "PT1S")
        .build();
    callout();
    fake.delay(Duration.ofMillis(2500));

    WriteBackResult first = processor.alertChanged(impatient, TICKET, AlertChange.accepted());
    fake.delay(Duration.ZERO);
    clock.advance(Duration.ofSeconds(10));

    assertThat(first.status()).isEqualTo(Status.RETRYING);
    assertThat(first.message()).contains("did not answer", "within PT1S");
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status).containsExactly(Status.WRITTEN);
  }

  @Test
  void aStatusTheApiRefusesFailsWithItsErrorAndIsNotRetried() {
    callout();
    api.picklists(Recorded.picklistsWithStatus(8, null));

    WriteBackResult refused = processor.alertChanged(source, TICKET, AlertChange.accepted().by("Ada"));

    assertThat(refused.status()).isEqualTo(Status.FAILED);
    assertThat(refused.message()).startsWith("the Autotask API answered HTTP 400 to PATCH http://127.0.0.1:")
        .endsWith("/atservicesrest/v1.0/Tickets: {\"errors\":[\"Value 8 does not exist for Status\"]}");
    assertThat(refused.state()).as("the alert stays accepted in the host").contains(AlertState.ACCEPTED);
    assertThat(store.countPendingChanges()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(processor.writePendingChanges()).isEmpty();
    assertThat(fake.notes(ID)).isEmpty();
  }

  @Test
  void aStatusLabelTheInstanceLacksFailsNamingTheLabelsItHas() {
    AlertSource mistyped = api.builder("psa").setting("zoneUrl", api.zoneUrl())
        .setting("writeBack", Map.of("ACCEPTED", "In-Progress")).build();
    callout(processor, mistyped);

    WriteBackResult failed = processor.alertChanged(mistyped, TICKET, AlertChange.accepted());

    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.message()).contains("\"In-Progress\"", "its statuses are New, In Progress, Scheduled");
    assertThat(fake.writes()).isEmpty();
  }

  @Test
  void aWriterThatThrowsAnErrorLeavesTheChangeInTheOutboxForALaterWrite() {
    WebhookProcessor crashing = processor(FaultyWriter.wrapping(new AutotaskIntegration())
        .failNext(new InternalError("the writer's thread died")).integration());
    callout(crashing, source);

    Throwable crash = catchThrowable(() -> crashing.alertChanged(source, TICKET, AlertChange.accepted().by("Ada")));

    assertThat(crash).isInstanceOf(InternalError.class);
    assertThat(stored().state()).isEqualTo(AlertState.ACCEPTED);
    assertThat(store.countPendingChanges()).isEqualTo(1);
    assertThat(fake.writes()).isEmpty();
    assertThat(crashing.writePendingChanges()).as("claimed by the attempt that crashed").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    List<WriteBackResult> later = crashing.writePendingChanges();

    assertThat(later).extracting(WriteBackResult::status).containsExactly(Status.WRITTEN);
    assertThat(fake.status(ID)).contains(8L);
    assertThat(fake.notes(ID)).extracting(note -> note.get("description"))
        .containsExactly("Accepted in AlertBridge by Ada");
    assertThat(store.countPendingChanges()).isZero();
  }
}
