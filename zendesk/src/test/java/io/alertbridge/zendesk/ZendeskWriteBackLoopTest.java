package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.testkit.FaultyWriter;
import io.alertbridge.zendesk.testing.FakeZendeskApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop with Zendesk: a trigger webhook creates the alert, the host accepts or resolves it, the
 * ticket gets its status and a private comment through the (fake) API, and Zendesk's echo webhook changes
 * nothing; failures of the API are retried from the outbox or fail with Zendesk's message.
 */
class ZendeskWriteBackLoopTest {
  private static final String EMAIL = "alertbridge@acme.example";
  private static final String TOKEN = "zd-token-6wiIBWbGkBMo1mRD";
  private static final Secret SIGNING_SECRET = Secret.of("loop-signing-secret");

  private final FakeZendeskApi api = FakeZendeskApi.start(EMAIL, TOKEN).ticket(4711, "new");
  private final MutableClock clock = MutableClock.at("2025-06-10T08:00:00Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final AlertSource source = AlertSource.builder("zendesk-prod", ZendeskIntegration.NAME)
      .authentication(Authentication.signature(SIGNING_SECRET))
      .settings(ZendeskSettings.builder().apiUrl(api.baseUrl()).email(EMAIL).apiToken(Secret.of(TOKEN)).build())
      .build();
  private WebhookProcessor processor = processor(new ZendeskIntegration());
  private long invocations = 9_121_300_100L;

  @AfterEach
  void stop() {
    api.close();
  }

  private WebhookProcessor processor(Integration integration) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).stateStore(store).build();
  }

  /** Zendesk's trigger webhook for ticket 4711 with the status as {@code {{ticket.status}}} renders it. */
  private ProcessingResult webhook(String status) {
    clock.advance(Duration.ofSeconds(5));
    return processor.process(source, Trigger.ticket("4711", status).invocation(Long.toString(++invocations))
        .signed(SIGNING_SECRET, clock.instant()));
  }

  private WriteBackResult accept() {
    return processor.alertChanged(source, "4711", AlertChange.accepted().by("Ada").withNote("on my way"));
  }

  @Test
  void acceptedInTheHostOpensTheTicketWithAPrivateCommentAndTheEchoChangesNothing() {
    assertThat(webhook("New").outcome()).isEqualTo(Outcome.CREATED);

    WriteBackResult written = accept();

    assertThat(written.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(written.state()).contains(AlertState.ACCEPTED);
    assertThat(written.change().orElseThrow().status()).contains("open");
    assertThat(api.status(4711)).contains("open");
    assertThat(api.comments(4711)).containsExactly(
        new FakeZendeskApi.Comment("Accepted in AlertBridge by Ada: on my way", false));

    ProcessingResult echo = webhook("Open");

    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.event()).isEmpty();
    assertThat(echo.state()).contains(AlertState.ACCEPTED);
    assertThat(echo.message()).isEqualTo("status \"Open\" is the echo of the status written back to the ticket;"
        + " nothing changes");
  }

  @Test
  void resolvedInTheHostSolvesTheTicketAndNeitherEchoReopensIt() {
    webhook("New");
    accept();
    clock.advance(Duration.ofMinutes(1));

    WriteBackResult resolved = processor.alertChanged(source, "4711", AlertChange.resolved().by("Ada"));

    assertThat(resolved.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(api.status(4711)).contains("solved");
    assertThat(api.comments(4711)).extracting(FakeZendeskApi.Comment::body)
        .containsExactly("Accepted in AlertBridge by Ada: on my way", "Resolved in AlertBridge by Ada");
    ProcessingResult solvedEcho = webhook("Solved");
    ProcessingResult lateAcceptEcho = webhook("Open");
    assertThat(solvedEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.message()).contains("echo");
    assertThat(lateAcceptEcho.state()).contains(AlertState.RESOLVED);

    clock.advance(Duration.ofMinutes(11));
    ProcessingResult reopened = webhook("Open");

    assertThat(reopened.outcome()).as("a reopened ticket after the echo window is a new alert")
        .isEqualTo(Outcome.CREATED);
    assertThat(reopened.event().orElseThrow().eventType()).isEqualTo(EventType.ALERT);
  }

  @Test
  void anEchoInTheAccountsLanguageChangesNothingEither() {
    webhook("Nuevo");
    accept();
    processor.alertChanged(source, "4711", AlertChange.resolved());

    ProcessingResult lateAcceptEcho = webhook("Abierto");
    ProcessingResult solvedEcho = webhook("R\u00e9solu");

    assertThat(lateAcceptEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.message()).contains("echo");
    assertThat(solvedEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateAcceptEcho.state()).contains(AlertState.RESOLVED);
  }

  @Test
  void everyLocalizedEchoNameIsARowOfTheDefaultTableWithItsStatussRule() {
    StatusMappingTable table = new ZendeskIntegration().defaultTable();
    ZendeskTicketWriter.LOCALIZED_STATUSES.forEach((status, names) -> names.forEach(name ->
        assertThat(table.match(CodedValue.of(name)).rule()).as(name + " for " + status)
            .isEqualTo(table.match(CodedValue.of(status)).rule())));
    assertThat(table.match(CodedValue.of("Abierto")).index()).isNotEqualTo(table.rows().size());
  }

  @Test
  void aServerErrorIsRetriedFromTheOutboxAfterTheBackoff() {
    webhook("New");
    api.failNext(500, 1);

    WriteBackResult first = accept();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("HTTP 500");
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(10));
    assertThat(api.status(4711)).contains("new");
    assertThat(processor.writePendingChanges()).as("not due yet").isEmpty();

    clock.advance(Duration.ofSeconds(10));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(api.status(4711)).contains("open");
    assertThat(store.countPendingChanges()).isZero();
    assertThat(webhook("Open").outcome()).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aRateLimitWaitsAsLongAsZendeskAsks() {
    webhook("New");
    api.failNext(429, 1).retryAfter(90);

    WriteBackResult first = accept();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(90));
    clock.advance(Duration.ofSeconds(60));
    assertThat(processor.writePendingChanges()).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
  }

  @Test
  void aRefusalFailsWithZendesksMessageAndIsNotRetried() {
    webhook("New");
    api.ticket(4711, "closed");

    WriteBackResult failed = accept();

    assertThat(failed.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(failed.message()).isEqualTo("Zendesk answered HTTP 422 to PUT " + api.baseUrl()
        + "/api/v2/tickets/4711.json: RecordInvalid: Record validation errors (status: Status: closed prevents"
        + " ticket update)");
    assertThat(failed.state()).contains(AlertState.ACCEPTED);
    assertThat(store.countPendingChanges()).isZero();
    clock.advance(Duration.ofHours(1));
    assertThat(processor.writePendingChanges()).isEmpty();
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void aSourceWithoutSettingsReceivesWebhooksButCannotWriteBack() {
    AlertSource bare = AlertSource.builder("zendesk-bare", ZendeskIntegration.NAME).build();
    ProcessingResult created = processor.process(bare, Trigger.ticket("77", "New").unsigned());

    WriteBackResult result = processor.alertChanged(bare, "77", AlertChange.accepted());

    assertThat(processor.validate(bare)).isEmpty();
    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(result.message()).contains("ZendeskSettings");
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void anErrorThrownByTheWriterLeavesTheChangeInTheOutboxToBeWrittenLater() {
    AtomicInteger errors = new AtomicInteger(1);
    processor = processor(FaultyWriter.wrapping(new ZendeskIntegration())
        .failNext(new LinkageError("a class failed to load in the middle of a write")).integration());
    webhook("New");

    WriteBackResult first = accept();

    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("LinkageError");
    assertThat(store.countPendingChanges()).isEqualTo(1);
    assertThat(api.requests()).isEmpty();
    assertThat(processor.writePendingChanges()).as("the retry is not due yet").isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(api.status(4711)).contains("open");
    assertThat(api.comments(4711)).hasSize(1);
    assertThat(store.countPendingChanges()).isZero();
  }

  @Test
  void aWriteBackTableFromTheSettingsChoosesTheStatus() {
    AlertSource holding = AlertSource.builder("zendesk-hold", ZendeskIntegration.NAME)
        .settings(ZendeskSettings.builder().apiUrl(api.baseUrl()).email(EMAIL).apiToken(Secret.of(TOKEN))
            .writeBack(WriteBackTable.of(Map.of(AlertState.ACCEPTED, "Pending"))).build())
        .build();
    processor.process(holding, Trigger.ticket("4711", "New").unsigned());

    assertThat(processor.alertChanged(holding, "4711", AlertChange.accepted()).status())
        .isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(processor.alertChanged(holding, "4711", AlertChange.resolved()).status())
        .isEqualTo(WriteBackResult.Status.WRITTEN);

    assertThat(api.status(4711)).as("no status for RESOLVED: a note only").contains("pending");
    assertThat(api.comments(4711)).extracting(FakeZendeskApi.Comment::body)
        .containsExactly("Accepted in AlertBridge", "Resolved in AlertBridge");
  }

  @Test
  void anEventWebhookByTheOwnApiUserIsAnEchoWhateverItsStatus() {
    AlertSource events = AlertSource.builder("zendesk-events", ZendeskIntegration.NAME)
        .authentication(Authentication.signature(SIGNING_SECRET))
        .settings(ZendeskSettings.builder().apiUrl(api.baseUrl()).email(EMAIL).apiToken(Secret.of(TOKEN))
            .apiUserId("8447388090494").build())
        .build();
    processor.process(events, event("ev-1", "ticket.created", "NEW", "361500001", "08:00:05"));
    processor.alertChanged(events, "4711", AlertChange.accepted());

    ProcessingResult own = processor.process(events, event("ev-2", "ticket.status_changed", "PENDING",
        "8447388090494", "08:00:10"));
    ProcessingResult agent = processor.process(events, event("ev-3", "ticket.status_changed", "SOLVED", "361500001",
        "08:00:20"));

    assertThat(own.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(own.message()).isEqualTo("status \"PENDING\" was set by the integration's own API user, an echo of"
        + " a write-back; nothing changes");
    assertThat(agent.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(agent.event().orElseThrow().customDetails()).containsEntry("actor_id", "361500001");
  }

  @Test
  void aTriggerBodyNamingTheOwnApiUserAsCurrentUserIsAnEcho() {
    AlertSource own = AlertSource.builder("zendesk-own", ZendeskIntegration.NAME)
        .settings(ZendeskSettings.builder().apiUrl(api.baseUrl()).email(EMAIL).apiToken(Secret.of(TOKEN))
            .apiUserId("8447388090494").build())
        .build();
    processor.process(own, Trigger.ticket("4711", "New").unsigned());
    processor.alertChanged(own, "4711", AlertChange.accepted());

    ProcessingResult byApiUser = processor.process(own, Trigger.ticket("4711", "Pending")
        .with("current_user", Map.of("email", EMAIL, "name", "AlertBridge")).unsigned());
    ProcessingResult byAgent = processor.process(own, Trigger.ticket("4711", "Solved")
        .with("current_user", Map.of("email", "ada@acme.example", "name", "Ada")).unsigned());

    assertThat(byApiUser.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(byApiUser.message()).contains("own API user");
    assertThat(byAgent.outcome()).isEqualTo(Outcome.RESOLVED);
  }

  /** A signed event webhook for ticket 4711, changed by {@code actor} at 2025-06-10T{@code time}Z. */
  private Delivery event(String id, String type, String status, String actor, String time) {
    clock.advance(Duration.ofSeconds(5));
    byte[] body = """
        {"type": "zen:event-type:%s", "id": "%s", "time": "2025-06-10T%sZ", "subject": "zen:ticket:4711",
         "account_id": 24681357, "zendesk_event_version": "2022-11-06",
         "detail": {"id": "4711", "actor_id": "%s", "subject": "Checkout fails", "status": "%s",
                    "updated_at": "2025-06-10T%sZ"},
         "event": {"current": "%s"}}""".formatted(type, id, time, actor, status, time, status)
        .getBytes(StandardCharsets.UTF_8);
    Map<String, String> signature = ZendeskSigner.headers(SIGNING_SECRET, clock.instant(), body);
    return Delivery.of(Headers.of("Content-Type", "application/json",
        ZendeskSigner.SIGNATURE_HEADER, signature.get(ZendeskSigner.SIGNATURE_HEADER),
        ZendeskSigner.TIMESTAMP_HEADER, signature.get(ZendeskSigner.TIMESTAMP_HEADER)), body);
  }
}
