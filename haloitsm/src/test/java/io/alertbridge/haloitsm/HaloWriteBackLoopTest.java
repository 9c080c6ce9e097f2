package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.haloitsm.testing.FakeHaloApi;
import io.alertbridge.testkit.FaultyWriter;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop with Halo: a runbook delivery creates the alert, the host accepts or resolves it, the
 * ticket gets an action with the note and the new status through the (fake) API, and Halo's echo changes
 * nothing; failures of the API are retried from the outbox or fail with Halo's message.
 */
class HaloWriteBackLoopTest {
  private static final String CLIENT_ID = "alertbridge-app";
  private static final String CLIENT_SECRET = "halo-secret-7f3a9c";

  private final FakeHaloApi api = FakeHaloApi.start(CLIENT_ID, CLIENT_SECRET)
      .ticket(4242, "{\"id\": 4242, \"status_id\": 1, \"summary\": \"Disk full on db-2\"}");
  private final MutableClock clock = MutableClock.at("2025-11-18T12:00:00Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final AlertSource source = source(settings().build());
  private WebhookProcessor processor = processor(new HaloItsmIntegration());

  @AfterEach
  void stop() {
    api.close();
  }

  private HaloSettings.Builder settings() {
    return HaloSettings.builder().apiUrl(api.baseUrl()).clientId(CLIENT_ID).clientSecret(Secret.of(CLIENT_SECRET));
  }

  private static AlertSource source(HaloSettings settings) {
    return AlertSource.builder("halo-prod", HaloItsmIntegration.NAME).settings(settings).build();
  }

  private WebhookProcessor processor(Integration integration) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).stateStore(store).build();
  }

  /** The runbook's recommended body for ticket 4242 with the status Halo now shows. */
  private ProcessingResult runbook(long statusId, String statusName) {
    clock.advance(Duration.ofSeconds(5));
    return processor.process(source, HaloDeliveries.ticket(4242, statusId, statusName).recommended());
  }

  private WriteBackResult accept() {
    return processor.alertChanged(source, "4242", AlertChange.accepted().by("Ada").withNote("on my way"));
  }

  @Test
  void acceptedInTheHostPutsTheTicketInProgressWithAHiddenNoteAndTheEchoChangesNothing() {
    assertThat(runbook(1, "New").outcome()).isEqualTo(Outcome.CREATED);

    WriteBackResult written = accept();

    assertThat(written.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(written.change().orElseThrow().status()).contains("In Progress");
    assertThat(api.actions()).containsExactly(new FakeHaloApi.Action(4242, "Accepted in AlertBridge by Ada: on my way",
        "AlertBridge", 2, true));
    assertThat(api.statusId(4242)).contains(2L);

    ProcessingResult echo = runbook(2, "In Progress");

    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.event()).isEmpty();
    assertThat(echo.state()).contains(AlertState.ACCEPTED);
    assertThat(echo.message()).isEqualTo("status \"In Progress\" is the echo of the status written back to the"
        + " ticket; nothing changes");
  }

  @Test
  void resolvedInTheHostClosesTheTicketAndNeitherEchoReopensIt() {
    runbook(1, "New");
    accept();
    clock.advance(Duration.ofMinutes(1));

    WriteBackResult resolved = processor.alertChanged(source, "4242", AlertChange.resolved().by("Ada"));

    assertThat(resolved.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(api.statusId(4242)).contains(9L);
    assertThat(api.actions()).extracting(FakeHaloApi.Action::note, FakeHaloApi.Action::newStatus).containsExactly(
        tuple("Accepted in AlertBridge by Ada: on my way", 2L),
        tuple("Resolved in AlertBridge by Ada", 9L));
    ProcessingResult closedEcho = runbook(9, "Closed");
    ProcessingResult lateAcceptEcho = runbook(2, "In Progress");
    assertThat(closedEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.message()).contains("echo");
    assertThat(lateAcceptEcho.state()).contains(AlertState.RESOLVED);

    clock.advance(Duration.ofMinutes(11));
    ProcessingResult reopened = runbook(2, "In Progress");

    assertThat(reopened.outcome()).as("after the echo window a reopened ticket is a new alert")
        .isEqualTo(Outcome.CREATED);
    assertThat(reopened.event().orElseThrow().eventType()).isEqualTo(EventType.ALERT);
  }

  @Test
  void anEventOnlyEchoFetchedFromTheApiIsRecognisedByTheStatusItsIdNames() {
    ProcessingResult created = eventOnly();
    accept();

    ProcessingResult echo = eventOnly();

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.message()).contains("\"In Progress\"", "echo");
    assertThat(api.requestCount("/api/Status")).as("one list names and resolves statuses").isEqualTo(1);
    assertThat(api.tokensIssued()).as("the ticket source and the writer share the token").isEqualTo(1);
  }

  @Test
  void aLateEchoGivingOnlyTheStatusIdIsFetchedNamedAndChangesNothing() {
    runbook(1, "New");
    accept();
    processor.alertChanged(source, "4242", AlertChange.resolved());
    clock.advance(Duration.ofSeconds(5));

    ProcessingResult late = processor.process(source, HaloDeliveries.ticket(4242, 2, "In Progress").full());

    assertThat(late.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(late.message()).isEqualTo("status \"Closed\" is the echo of the status written back to the ticket;"
        + " nothing changes");
    assertThat(late.state()).contains(AlertState.RESOLVED);
  }

  private ProcessingResult eventOnly() {
    clock.advance(Duration.ofSeconds(5));
    return processor.process(source, Halo.json("{\"id\": \"evt-" + clock.instant().getEpochSecond()
        + "\", \"event\": \"ticket_status_changed\", \"object_id\": 4242, \"webhook_id\": 3}"));
  }

  /**
   * An alert accepted and resolved, then a new one for the reopened ticket: the token and the tenant's
   * statuses are fetched, so that what the fake is told next hits {@code POST /api/Actions}.
   */
  private void firstLoop() {
    runbook(1, "New");
    processor.alertChanged(source, "4242", AlertChange.accepted());
    processor.alertChanged(source, "4242", AlertChange.resolved());
    clock.advance(Duration.ofMinutes(11));
    assertThat(runbook(1, "New").outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aServerErrorIsRetriedFromTheOutboxAfterTheBackoff() {
    firstLoop();
    api.failNext(500, 1);

    WriteBackResult first = accept();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("HTTP 500", "/api/Actions");
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(10));
    assertThat(processor.writePendingChanges()).as("not due yet").isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(api.actions()).hasSize(3);
    assertThat(api.statusId(4242)).contains(2L);
    assertThat(store.countPendingChanges()).isZero();
  }

  @Test
  void aRefusalFailsWithHalosMessageAndIsNotRetried() {
    firstLoop();
    api.statuses("[{\"id\": 1, \"name\": \"New\"}, {\"id\": 9, \"name\": \"Closed\"}]");

    WriteBackResult failed = accept();

    assertThat(failed.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(failed.message()).isEqualTo("Halo answered HTTP 400 to POST " + api.baseUrl()
        + "/api/Actions: \"Status 2 does not exist\"");
    assertThat(store.countPendingChanges()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(processor.writePendingChanges()).isEmpty();
  }

  @Test
  void aStatusNameTheTenantDoesNotHaveFailsNamingItsStatuses() {
    AlertSource misnamed = source(settings().writeBack(WriteBackTable.of(Map.of(AlertState.ACCEPTED, "Working")))
        .build());
    processor.process(misnamed, HaloDeliveries.ticket(4242, 1, "New").recommended());

    WriteBackResult failed = processor.alertChanged(misnamed, "4242", AlertChange.accepted());

    assertThat(failed.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(failed.message()).isEqualTo("the haloitsm write-back table of alert source halo-prod: Halo has no"
        + " status named \"Working\"; the tenant's statuses are New (1), In Progress (2), Closed (9)");
    assertThat(api.actions()).isEmpty();
  }

  @Test
  void anErrorThrownByTheWriterLeavesTheChangeInTheOutboxToBeWrittenLater() {
    processor = processor(FaultyWriter.wrapping(new HaloItsmIntegration())
        .failNext(new LinkageError("a class failed to load in the middle of a write")).integration());
    runbook(1, "New");

    WriteBackResult first = accept();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("LinkageError");
    assertThat(store.countPendingChanges()).isEqualTo(1);
    assertThat(api.actions()).isEmpty();
    assertThat(processor.writePendingChanges()).as("the retry is not due yet").isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(api.actions()).hasSize(1);
    assertThat(api.statusId(4242)).contains(2L);
    assertThat(store.countPendingChanges()).isZero();
    assertThat(runbook(2, "In Progress").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aSourceWithoutSettingsReceivesDeliveriesButCannotWriteBack() {
    AlertSource bare = AlertSource.of("halo-bare", HaloItsmIntegration.NAME);
    ProcessingResult created = processor.process(bare, HaloDeliveries.ticket(77, 1, "New").recommended());

    WriteBackResult result = processor.alertChanged(bare, "77", AlertChange.accepted());

    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(result.message()).contains("HaloSettings");
    assertThat(api.requests()).isEmpty();
  }
}
