package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.PollResult;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.FaultyWriter;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.RecordingSink;
import io.alertbridge.topdesk.testing.FakeTopdeskApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop through the processor, against the fake TOPdesk API over HTTP: an incident's webhook creates
 * the alert, the host accepts or resolves it, the processing status and a note reach the incident, and the
 * echo (a webhook, or a poll) changes nothing; failures are retried, a crash loses nothing, and polling and
 * webhooks together make no duplicate events.
 */
class TopdeskTwoWayTest {
  private static final String NUMBER = "I 2504 117";
  private static final String PASSWORD = "app-password-1";

  private final TestClock clock = TestClock.at("2025-04-14T08:00:00Z");
  private final FakeTopdeskApi api = FakeTopdeskApi.start("alertbridge", PASSWORD, clock);
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final RecordingSink sink = new RecordingSink();
  private final AlertSource source = source("topdesk-prod", b -> b);
  private WebhookProcessor processor = processor(new TopdeskIntegration(), Limits.defaults(), source);

  @AfterEach
  void stop() {
    api.close();
  }

  private AlertSource source(String id, UnaryOperator<TopdeskSettings.Builder> adjust) {
    TopdeskSettings.Builder settings = TopdeskSettings.builder().apiUrl(api.baseUrl()).username("alertbridge")
        .applicationPassword(Secret.of(PASSWORD)).poll("", Duration.ofMinutes(1));
    return AlertSource.builder(id, "topdesk").settings(adjust.apply(settings).build()).build();
  }

  private WebhookProcessor processor(Integration integration, Limits limits, AlertSource... sources) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).stateStore(store)
        .eventSink(sink).limits(limits).sources(List.of(sources)).build();
  }

  private ProcessingResult webhook(AlertSource to, String number, String eventType) {
    return processor.process(to, api.actionSequence(number, eventType));
  }

  private ProcessingResult created(String number) {
    api.incident(number, "Logged", clock.instant());
    ProcessingResult created = webhook(source, number, "ALERT");
    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    clock.advance(Duration.ofMinutes(1));
    return created;
  }

  private static Object json(String body) {
    return Json.parse(body.getBytes(StandardCharsets.UTF_8), 64);
  }

  private List<FakeTopdeskApi.Request> patches() {
    return api.requests("PATCH");
  }

  private Optional<AlertState> state(AlertSource of, String number) {
    return store.read(new AlertKey(of.id(), number)).map(s -> s.state());
  }

  @Test
  void anAcceptIsWrittenAsInProgressWithAnInvisibleNoteAndItsEchoChangesNothing() {
    created(NUMBER);

    WriteBackResult accepted = processor.alertChanged(source, NUMBER, AlertChange.accepted().by("Ada"));

    assertThat(accepted.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(accepted.state()).contains(AlertState.ACCEPTED);
    assertThat(patches()).singleElement().satisfies(patch -> {
      assertThat(patch.path()).isEqualTo("/tas/api/incidents/number/" + NUMBER);
      assertThat(json(patch.body())).isEqualTo(Map.of("processingStatus", Map.of("name", "In progress"),
          "action", "Accepted in AlertBridge by Ada", "actionInvisibleForCaller", true));
    });
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("In progress");
    assertThat(api.actionsOf(NUMBER)).containsExactly("Accepted in AlertBridge by Ada [invisible for caller]");

    clock.advance(Duration.ofSeconds(5));
    ProcessingResult echo = webhook(source, NUMBER, "ACCEPT");
    PollResult polled = processor.poll(source);

    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.events()).isEmpty();
    assertThat(polled.results()).singleElement().satisfies(result -> {
      assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
      assertThat(result.message()).contains("\"In progress\"").contains("echo");
    });
    assertThat(sink.applied()).extracting(AlertEvent::eventType).containsExactly(EventType.ALERT);
    assertThat(state(source, NUMBER)).contains(AlertState.ACCEPTED);
  }

  @Test
  void aResolveIsWrittenAsCompletedAndNeitherItsEchoNorALateAcceptEchoReopens() {
    created(NUMBER);
    processor.alertChanged(source, NUMBER, AlertChange.accepted().by("Ada"));
    clock.advance(Duration.ofMinutes(5));

    WriteBackResult resolved = processor.alertChanged(source, NUMBER,
        AlertChange.resolved().by("Ada").withNote("fan <replaced> & tested"));

    assertThat(resolved.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(json(patches().get(1).body())).isEqualTo(Map.of("processingStatus", Map.of("name", "Completed"),
        "action", "Resolved in AlertBridge by Ada: fan &lt;replaced&gt; &amp; tested", "actionInvisibleForCaller", true));
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Completed");

    ProcessingResult echo = webhook(source, NUMBER, "RESOLVE");
    clock.advance(Duration.ofSeconds(30));
    ProcessingResult lateAcceptEcho = webhook(source, NUMBER, "ACCEPT");
    PollResult polled = processor.poll(source);
    WriteBackResult acceptAgain = processor.alertChanged(source, NUMBER, AlertChange.accepted());

    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(polled.results()).extracting(ProcessingResult::outcome).containsExactly(Outcome.UNCHANGED);
    assertThat(acceptAgain.status()).isEqualTo(WriteBackResult.Status.REFUSED);
    assertThat(patches()).hasSize(2);
    assertThat(state(source, NUMBER)).contains(AlertState.RESOLVED);
    assertThat(sink.applied()).extracting(AlertEvent::eventType).containsExactly(EventType.ALERT);
  }

  @Test
  void aServerErrorIsRetriedOnceTheBackoffHasPassed() {
    created(NUMBER);
    api.failNext(500, 1);

    WriteBackResult first = processor.alertChanged(source, NUMBER, AlertChange.accepted().by("Ada"));

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("HTTP 500").contains("Internal server error");
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(10));
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
    assertThat(store.countPendingChanges()).isEqualTo(1);
    assertThat(processor.writePendingChanges()).isEmpty();

    clock.advance(Duration.ofSeconds(11));
    List<WriteBackResult> retried = processor.writePendingChanges();

    assertThat(retried).extracting(WriteBackResult::status).containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("In progress");
    assertThat(patches()).hasSize(2);
    assertThat(store.countPendingChanges()).isZero();
    assertThat(processor.writePendingChanges()).isEmpty();
    assertThat(webhook(source, NUMBER, "ACCEPT").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aRateLimitIsRetriedNoSoonerThanItsRetryAfter() {
    created(NUMBER);
    api.failNext(429, 1, Duration.ofSeconds(120));

    WriteBackResult first = processor.alertChanged(source, NUMBER, AlertChange.accepted());
    clock.advance(Duration.ofSeconds(11));
    List<WriteBackResult> tooSoon = processor.writePendingChanges();
    clock.advance(Duration.ofSeconds(110));
    List<WriteBackResult> due = processor.writePendingChanges();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.nextAttemptAt()).contains(Instant.parse("2025-04-14T08:03:00Z"));
    assertThat(tooSoon).isEmpty();
    assertThat(due).extracting(WriteBackResult::status).containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(patches()).hasSize(2);
  }

  @Test
  void anUnknownStatusFailsWithTopdesksMessageAndIsNotRetried() {
    AlertSource german = source("topdesk-de", b -> b.writeBack(
        WriteBackTable.of(Map.of(AlertState.ACCEPTED, "In Bearbeitung"))));
    processor = processor(new TopdeskIntegration(), Limits.defaults(), german);
    api.incident(NUMBER, "Logged", clock.instant());
    webhook(german, NUMBER, "ALERT");

    WriteBackResult failed = processor.alertChanged(german, NUMBER, AlertChange.accepted().by("Ada"));
    clock.advance(Duration.ofHours(1));

    assertThat(failed.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(failed.message()).endsWith(": No processing status found for name 'In Bearbeitung'");
    assertThat(processor.writePendingChanges()).isEmpty();
    assertThat(store.countPendingChanges()).isZero();
    assertThat(patches()).hasSize(1);
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
  }

  @Test
  void aCrashBetweenTheDecisionAndTheWriteLosesNothingAndWritesOnce() {
    FaultyWriter crashing = FaultyWriter.wrapping(new TopdeskIntegration())
        .failNext(new OutOfMemoryError("the process dies in the middle of the write"));
    processor = processor(crashing.integration(), Limits.defaults(), source);
    created(NUMBER);

    assertThatThrownBy(() -> processor.alertChanged(source, NUMBER, AlertChange.accepted().by("Ada")))
        .isInstanceOf(OutOfMemoryError.class);

    assertThat(state(source, NUMBER)).contains(AlertState.ACCEPTED);
    assertThat(store.countPendingChanges()).isEqualTo(1);
    assertThat(patches()).isEmpty();

    // the process starts again over the same store
    processor = processor(new TopdeskIntegration(), Limits.defaults(), source);
    List<WriteBackResult> whileClaimed = processor.writePendingChanges();
    clock.advance(Duration.ofMinutes(2).plusSeconds(1));
    List<WriteBackResult> afterClaim = processor.writePendingChanges();
    List<WriteBackResult> again = processor.writePendingChanges();

    assertThat(whileClaimed).isEmpty();
    assertThat(afterClaim).extracting(WriteBackResult::status).containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(again).isEmpty();
    assertThat(patches()).hasSize(1);
    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("In progress");
    assertThat(api.actionsOf(NUMBER)).containsExactly("Accepted in AlertBridge by Ada [invisible for caller]");
    assertThat(webhook(source, NUMBER, "ACCEPT").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void pollingPageByPageAlongsideWebhooksMakesNoDuplicateEvents() {
    processor = processor(new TopdeskIntegration(), Limits.builder().maxBatchElements(10).build(), source);
    for (int i = 1; i <= 25; i++) {
      // within the first poll's hour; the last two within the minute the next poll reads again
      api.incident("I 2504 " + (100 + i), "Logged", Instant.parse("2025-04-14T07:30:00Z").plusSeconds(70L * i));
    }
    for (int i = 1; i <= 5; i++) {
      assertThat(webhook(source, "I 2504 " + (100 + i), "ALERT").outcome()).isEqualTo(Outcome.CREATED);
    }

    PollResult first = processor.poll(source);

    assertThat(first.since()).isEqualTo(Instant.parse("2025-04-14T07:00:00Z"));
    assertThat(first.results()).hasSize(25).extracting(ProcessingResult::outcome)
        .containsOnly(Outcome.CREATED, Outcome.UNCHANGED)
        .filteredOn(Outcome.UNCHANGED::equals).hasSize(5);
    assertThat(api.requests("GET")).extracting(r -> r.parameter("pageStart").orElseThrow())
        .containsExactly("0", "10", "20");
    assertThat(sink.applied()).hasSize(25);

    for (int i = 6; i <= 8; i++) {
      assertThat(webhook(source, "I 2504 " + (100 + i), "ALERT").outcome()).isEqualTo(Outcome.UNCHANGED);
    }
    clock.advance(Duration.ofMinutes(1));
    PollResult overlap = processor.poll(source);

    assertThat(overlap.since()).isEqualTo(Instant.parse("2025-04-14T07:59:00Z"));
    assertThat(overlap.results()).extracting(r -> r.ticketId().orElseThrow()).containsExactly("I 2504 125");
    assertThat(overlap.results().get(0).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(overlap.results().get(0).message()).contains("was already applied");

    api.modify("I 2504 103", "Completed", clock.instant(), "Servicedesk, Anne");
    clock.advance(Duration.ofMinutes(1));
    PollResult resolved = processor.poll(source);
    ProcessingResult lateWebhook = webhook(source, "I 2504 103", "RESOLVE");

    assertThat(resolved.results()).extracting(ProcessingResult::outcome).containsExactly(Outcome.RESOLVED);
    assertThat(lateWebhook.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(sink.applied()).hasSize(26).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
    assertThat(sink.applied()).filteredOn(e -> e.eventType() == EventType.RESOLVE)
        .extracting(AlertEvent::ticketId).containsExactly("I 2504 103");
  }

  @Test
  void aNoteOnlyWriteIsRecognisedByItsModifierWhenTheSourceNamesTheApiOperator() {
    WriteBackTable acceptOnly = WriteBackTable.of(Map.of(AlertState.ACCEPTED, "In progress"));
    AlertSource named = source("topdesk-named", b -> b.writeBack(acceptOnly)
        .operatorName(FakeTopdeskApi.DEFAULT_OPERATOR_NAME));
    AlertSource unnamed = source("topdesk-unnamed", b -> b.writeBack(acceptOnly));
    processor = processor(new TopdeskIntegration(), Limits.defaults(), named, unnamed);
    api.incident(NUMBER, "Logged", clock.instant().minusSeconds(30));
    assertThat(processor.poll(named).results()).extracting(ProcessingResult::outcome).containsExactly(Outcome.CREATED);
    assertThat(processor.poll(unnamed).results()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED);
    clock.advance(Duration.ofMinutes(2));

    processor.alertChanged(named, NUMBER, AlertChange.resolved().by("Ada"));
    processor.alertChanged(unnamed, NUMBER, AlertChange.resolved().by("Ada"));
    clock.advance(Duration.ofMinutes(1));
    // TOPdesk's clock dates the note a moment after the host's change
    api.modify(NUMBER, "Logged", clock.instant(), FakeTopdeskApi.DEFAULT_OPERATOR_NAME);

    assertThat(api.processingStatusOf(NUMBER)).isEqualTo("Logged");
    assertThat(api.actionsOf(NUMBER)).hasSize(2);
    ProcessingResult ownNote = processor.poll(named).results().get(0);
    assertThat(ownNote.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(ownNote.message()).contains("own API user");
    // without the operator's name, the incident still open in TOPdesk and changed since opens a new alert
    assertThat(processor.poll(unnamed).results()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.CREATED);
  }
}
