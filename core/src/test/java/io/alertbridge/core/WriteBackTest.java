package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.example.RecordingSink;
import io.alertbridge.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The way back: the host's alert changes are committed with an outbound change, written to the ticket at
 * once or retried, and the tool's echo of the write changes nothing.
 */
class WriteBackTest {
  private static final AlertSource SOURCE = AlertSource.builder("desk-1", "desk").build();

  private final MutableClock clock = MutableClock.at("2025-03-04T09:15:00Z");
  private final RecordingSink sink = new RecordingSink();
  private final Desk desk = new Desk();
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private WebhookProcessor processor = processor(store);

  private WebhookProcessor processor(AlertStateStore stateStore) {
    return WebhookProcessor.builder(IntegrationRegistry.of(desk)).clock(clock).stateStore(stateStore)
        .eventSink(sink).sources(List.of(SOURCE)).build();
  }

  /** One write the desk's writer was asked for. */
  record Written(String ticketId, Optional<String> status, String note) {}

  /**
   * An integration whose deliveries are {@code id,status[,updated-at]} in plain text, with a writer that
   * records every write and fails as told, and a poller that gives what a test puts in it.
   */
  private static final class Desk implements Integration {
    final List<Written> written = new ArrayList<>();
    final Deque<RuntimeException> failures = new ArrayDeque<>();
    Error error;
    final List<TicketSnapshot> polled = new ArrayList<>();
    final List<Instant> pollsSince = new ArrayList<>();
    RuntimeException pollFailure;
    boolean ownChange;

    @Override
    public String name() {
      return "desk";
    }

    @Override
    public DeliveryParser parser() {
      return (delivery, context) -> {
        String[] parts = new String(delivery.body(), StandardCharsets.UTF_8).split(",");
        TicketSnapshot.Builder snapshot = TicketSnapshot.builder(parts[0], CodedValue.of(parts[1]))
            .summary("Printer on fire");
        if (parts.length > 2) {
          snapshot.sourceUpdatedAt(Instant.parse(parts[2]));
        }
        return List.of(snapshot.build());
      };
    }

    @Override
    public Set<String> mediaTypes() {
      return Set.of("text/plain");
    }

    @Override
    public StatusMappingTable defaultTable() {
      return StatusMappingTable.builder()
          .row(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.KEEP), "New")
          .row(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.ACCEPT), "In progress")
          .row(LifecycleRule.of(LifecycleRule.WhenAbsent.REJECT, LifecycleRule.WhenOpen.RESOLVE), "Done")
          .otherwise(LifecycleRule.of(LifecycleRule.WhenAbsent.CREATE, LifecycleRule.WhenOpen.KEEP))
          .build();
    }

    @Override
    public PriorityMapping priorityMapping() {
      return PriorityMapping.builder().otherwise(Priority.HIGH).build();
    }

    @Override
    public Optional<TicketWriter> ticketWriter() {
      return Optional.of(new TicketWriter() {
        @Override
        public WriteBackTable table(AlertSource source) {
          return WriteBackTable.of(Map.of(AlertState.ACCEPTED, "In progress", AlertState.RESOLVED, "Done"));
        }

        @Override
        public void write(String ticketId, TicketChange change, ParseContext context) {
          if (error != null) {
            Error thrown = error;
            error = null;
            throw thrown;
          }
          if (!failures.isEmpty()) {
            throw failures.poll();
          }
          written.add(new Written(ticketId, change.status(), change.note()));
        }

        @Override
        public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
          return ownChange;
        }
      });
    }

    @Override
    public Optional<TicketPoller> ticketPoller() {
      return Optional.of(new TicketPoller() {
        @Override
        public Optional<Duration> interval(AlertSource source) {
          return Optional.of(Duration.ofMinutes(1));
        }

        @Override
        public void poll(Instant since, int max, ParseContext context, Consumer<TicketSnapshot> each) {
          pollsSince.add(since);
          polled.stream().limit(max).forEach(each);
          if (pollFailure != null) {
            throw pollFailure;
          }
        }
      });
    }
  }

  private ProcessingResult deliver(String body) {
    return processor.process(SOURCE, Delivery.of(Headers.of("Content-Type", "text/plain"),
        body.getBytes(StandardCharsets.UTF_8)));
  }

  private static ApiException serverError() {
    return new ApiException(ApiException.Reason.SERVER_ERROR, "Desk answered HTTP 503 to PATCH http://desk/42", 503,
        null, null);
  }

  @Test
  void acceptingWritesTheTablesStatusAndANoteAtOnceAndEmitsNothing() {
    assertThat(deliver("42,New").outcome()).isEqualTo(Outcome.CREATED);

    WriteBackResult result = processor.alertChanged(SOURCE, "42",
        AlertChange.accepted().by("Ada").withNote("on my way"));

    assertThat(result.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(result.state()).contains(AlertState.ACCEPTED);
    assertThat(desk.written).containsExactly(
        new Written("42", Optional.of("In progress"), "Accepted in AlertBridge by Ada: on my way"));
    assertThat(store.read(new AlertKey("desk-1", "42")).orElseThrow().state()).isEqualTo(AlertState.ACCEPTED);
    assertThat(store.countPendingChanges()).isZero();
    assertThat(sink.applied()).extracting(AlertEvent::eventType).containsExactly(EventType.ALERT);
  }

  @Test
  void theEchoOfAWriteChangesNothingEvenAfterALaterResolve() {
    deliver("42,New");
    processor.alertChanged(SOURCE, "42", AlertChange.accepted());
    ProcessingResult echo = deliver("42,In progress");
    assertThat(echo.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(echo.message()).contains("echo");

    processor.alertChanged(SOURCE, "42", AlertChange.resolved().by("Ada"));
    assertThat(desk.written).extracting(Written::status)
        .containsExactly(Optional.of("In progress"), Optional.of("Done"));
    assertThat(deliver("42,Done").outcome()).isEqualTo(Outcome.UNCHANGED);
    ProcessingResult lateEcho = deliver("42,In progress");

    assertThat(lateEcho.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(lateEcho.state()).contains(AlertState.RESOLVED);
    assertThat(sink.applied()).extracting(AlertEvent::eventType).containsExactly(EventType.ALERT);
  }

  @Test
  void afterTheEchoWindowTheStatusIsATicketChangeAgain() {
    deliver("42,New");
    processor.alertChanged(SOURCE, "42", AlertChange.resolved());
    clock.advance(WriteBackPolicy.DEFAULT.echoWindow());

    ProcessingResult reopened = deliver("42,In progress");

    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void aTicketChangedByTheIntegrationsOwnUserIsAnEcho() {
    deliver("42,New");
    desk.ownChange = true;

    ProcessingResult result = deliver("42,Done");

    assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(result.message()).contains("own API user");
    assertThat(result.state()).contains(AlertState.PENDING);
  }

  @Test
  void aToolDownForAWhileIsRetriedWithBackoff() {
    deliver("42,New");
    desk.failures.add(serverError());
    desk.failures.add(serverError());

    WriteBackResult first = processor.alertChanged(SOURCE, "42", AlertChange.accepted());
    assertThat(first.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(first.message()).contains("HTTP 503");
    assertThat(first.nextAttemptAt()).contains(clock.instant().plusSeconds(10));
    assertThat(first.state()).contains(AlertState.ACCEPTED);

    assertThat(processor.writePendingChanges()).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    List<WriteBackResult> second = processor.writePendingChanges();
    assertThat(second).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(WriteBackResult.Status.RETRYING);
      assertThat(r.nextAttemptAt()).contains(clock.instant().plusSeconds(20));
    });
    clock.advance(Duration.ofSeconds(20));

    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).hasSize(1);
    assertThat(store.countPendingChanges()).isZero();
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsWaited() {
    deliver("42,New");
    desk.failures.add(new ApiException(ApiException.Reason.RATE_LIMITED, "Desk answered HTTP 429", 429,
        Duration.ofSeconds(90), null));

    WriteBackResult result = processor.alertChanged(SOURCE, "42", AlertChange.accepted());

    assertThat(result.nextAttemptAt()).contains(clock.instant().plusSeconds(90));
  }

  @Test
  void aRefusalFailsAtOnceWithTheToolsMessageAndDropsTheChange() {
    deliver("42,New");
    desk.failures.add(new ApiException(ApiException.Reason.REJECTED,
        "Desk answered HTTP 400 to PATCH http://desk/42: [{\"message\":\"unknown processing status\"}]", 400, null,
        null));

    WriteBackResult result = processor.alertChanged(SOURCE, "42", AlertChange.accepted());

    assertThat(result.status()).isEqualTo(WriteBackResult.Status.FAILED);
    assertThat(result.message()).contains("HTTP 400", "unknown processing status");
    assertThat(store.countPendingChanges()).isZero();
    assertThat(result.state()).contains(AlertState.ACCEPTED);
  }

  @Test
  void aChangeStillFailingWhenItsTimeIsUpIsGivenUp() {
    processor = WebhookProcessor.builder(IntegrationRegistry.of(desk)).clock(clock).stateStore(store)
        .sources(List.of(SOURCE)).writeBack(new WriteBackPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofMinutes(10), "Pager"))
        .build();
    deliver("42,New");
    for (int i = 0; i < 5; i++) {
      desk.failures.add(serverError());
    }

    assertThat(processor.alertChanged(SOURCE, "42", AlertChange.accepted()).status())
        .isEqualTo(WriteBackResult.Status.RETRYING);
    clock.advance(Duration.ofSeconds(10));
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.RETRYING);
    clock.advance(Duration.ofSeconds(10));
    List<WriteBackResult> last = processor.writePendingChanges();

    assertThat(last).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(WriteBackResult.Status.FAILED);
      assertThat(r.message()).startsWith("gave up after 3 attempts: ").contains("HTTP 503");
    });
    assertThat(store.countPendingChanges()).isZero();
  }

  @Test
  void changesOfOneAlertAreWrittenInOrder() {
    deliver("42,New");
    desk.failures.add(serverError());
    processor.alertChanged(SOURCE, "42", AlertChange.accepted());

    WriteBackResult resolve = processor.alertChanged(SOURCE, "42", AlertChange.resolved());
    assertThat(resolve.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(desk.written).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    List<WriteBackResult> results = processor.writePendingChanges();

    assertThat(results).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN, WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).extracting(Written::status)
        .containsExactly(Optional.of("In progress"), Optional.of("Done"));
  }

  @Test
  void anErrorDuringTheWriteLeavesTheChangeToBeWrittenLater() {
    deliver("42,New");
    desk.error = new AssertionError("the writer broke");

    WriteBackResult result = processor.alertChanged(SOURCE, "42", AlertChange.accepted());
    assertThat(result.status()).isEqualTo(WriteBackResult.Status.RETRYING);
    assertThat(result.message()).contains("AssertionError");
    clock.advance(Duration.ofSeconds(10));

    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).hasSize(1);
  }

  @Test
  void aProcessThatDiesDuringTheWriteLeavesItToTheNextAfterTheClaim() {
    deliver("42,New");
    // the process stops after claiming the attempt and before the tool answered: the claim stays
    AlertStateStore dying = new ForwardingAlertStateStore(store) {
      @Override
      public boolean updateChange(PendingChange expected, PendingChange next) {
        super.updateChange(expected, next);
        throw new StoreException("the process stopped");
      }
    };
    assertThatThrownBy(() -> processor(dying).alertChanged(SOURCE, "42", AlertChange.accepted()))
        .isInstanceOf(StoreException.class);
    assertThat(desk.written).isEmpty();
    assertThat(store.read(new AlertKey("desk-1", "42")).orElseThrow().state()).isEqualTo(AlertState.ACCEPTED);

    WebhookProcessor restarted = processor(store);
    assertThat(restarted.writePendingChanges()).isEmpty();
    clock.advance(WriteBackPolicy.DEFAULT.claim());

    assertThat(restarted.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).hasSize(1);
  }

  @Test
  void aStoreThatFailsAfterCommittingLeavesTheChangeInTheOutbox() {
    deliver("42,New");
    AlertStateStore failsAfter = new ForwardingAlertStateStore(store) {
      @Override
      public boolean commit(List<AlertWrite> writes) {
        super.commit(writes);
        throw new StoreException("connection lost after commit");
      }
    };
    assertThatThrownBy(() -> processor(failsAfter).alertChanged(SOURCE, "42", AlertChange.accepted()))
        .isInstanceOf(StoreException.class);

    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).hasSize(1);
    assertThat(processor.writePendingChanges()).isEmpty();
  }

  @Test
  void aStoreThatFailsBeforeCommittingChangesNothing() {
    deliver("42,New");
    AlertStateStore failsBefore = new ForwardingAlertStateStore(store) {
      @Override
      public boolean commit(List<AlertWrite> writes) {
        throw new StoreException("connection lost");
      }
    };
    assertThatThrownBy(() -> processor(failsBefore).alertChanged(SOURCE, "42", AlertChange.accepted()))
        .isInstanceOf(StoreException.class);

    assertThat(store.read(new AlertKey("desk-1", "42")).orElseThrow().state()).isEqualTo(AlertState.PENDING);
    assertThat(store.countPendingChanges()).isZero();
    assertThat(processor.alertChanged(SOURCE, "42", AlertChange.accepted()).status())
        .isEqualTo(WriteBackResult.Status.WRITTEN);
  }

  @Test
  void twoNodesWriteAChangeOnce() {
    deliver("42,New");
    desk.failures.add(serverError());
    processor.alertChanged(SOURCE, "42", AlertChange.accepted());
    clock.advance(Duration.ofSeconds(10));
    WebhookProcessor other = processor(store);
    // the other node claims the attempt between this node's read and its claim
    AlertStateStore racing = new ForwardingAlertStateStore(store) {
      @Override
      public boolean updateChange(PendingChange expected, PendingChange next) {
        other.writePendingChanges();
        return super.updateChange(expected, next);
      }
    };

    List<WriteBackResult> results = processor(racing).writePendingChanges();

    assertThat(results).extracting(WriteBackResult::status).containsExactly(WriteBackResult.Status.RETRYING);
    assertThat(results.get(0).message()).contains("another writer");
    assertThat(desk.written).hasSize(1);
  }

  @Test
  void changesThatCannotApplyAreNotRecorded() {
    assertThat(processor.alertChanged(SOURCE, "7", AlertChange.accepted()).status())
        .isEqualTo(WriteBackResult.Status.UNKNOWN_ALERT);
    deliver("42,New");
    processor.alertChanged(SOURCE, "42", AlertChange.accepted());
    assertThat(processor.alertChanged(SOURCE, "42", AlertChange.accepted()).status())
        .isEqualTo(WriteBackResult.Status.UNCHANGED);
    processor.alertChanged(SOURCE, "42", AlertChange.resolved());

    WriteBackResult refused = processor.alertChanged(SOURCE, "42", AlertChange.accepted());

    assertThat(refused.status()).isEqualTo(WriteBackResult.Status.REFUSED);
    assertThat(refused.message()).contains("resolved");
    assertThat(desk.written).hasSize(2);
  }

  @Test
  void aStoreThatKeepsNoChangesIsRefusedBeforeAnythingIsWritten() {
    deliver("42,New");
    AlertStateStore old = new ForwardingAlertStateStore(store) {
      @Override
      public boolean keepsChanges() {
        return false;
      }
    };

    assertThatThrownBy(() -> processor(old).alertChanged(SOURCE, "42", AlertChange.accepted()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("keeps no outbound changes");
    assertThat(store.read(new AlertKey("desk-1", "42")).orElseThrow().state()).isEqualTo(AlertState.PENDING);
  }

  @Test
  void anIntegrationWithoutWriterCannotTakeChanges() {
    Integration plain = new AbstractIntegration("plain", desk.parser(), desk.defaultTable(),
        desk.priorityMapping()) {};
    AlertSource source = AlertSource.builder("plain-1", "plain").build();
    WebhookProcessor p = WebhookProcessor.builder(IntegrationRegistry.of(plain)).build();

    assertThatThrownBy(() -> p.alertChanged(source, "42", AlertChange.accepted()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("cannot write changes back");
  }

  @Test
  void theNoteNamesTheProductAndIsCutToTheDetailsLimit() {
    processor = WebhookProcessor.builder(IntegrationRegistry.of(desk)).clock(clock).stateStore(store)
        .writeBack(WriteBackPolicy.DEFAULT.withProductName("Pager")).build();
    deliver("42,New");

    processor.alertChanged(SOURCE, "42", AlertChange.resolved().withNote("x".repeat(100_000)));

    String note = desk.written.get(0).note();
    assertThat(note).startsWith("Resolved in Pager: xxx").endsWith("\u2026");
    assertThat(note.length()).isEqualTo(Limits.defaults().maxDetailsChars());
  }

  @Test
  void pollingDecidesEachTicketAndRunsBesideWebhooksWithoutDuplicates() {
    Instant modified = Instant.parse("2025-03-04T09:10:00Z");
    deliver("42,New," + modified);
    desk.polled.add(TicketSnapshot.builder("42", CodedValue.of("New")).sourceUpdatedAt(modified).build());
    desk.polled.add(TicketSnapshot.builder("43", CodedValue.of("New")).sourceUpdatedAt(modified).build());

    PollResult first = processor.poll(SOURCE);

    assertThat(first.since()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
    assertThat(first.results()).extracting(ProcessingResult::outcome)
        .containsExactly(Outcome.UNCHANGED, Outcome.CREATED);
    assertThat(sink.applied()).extracting(AlertEvent::ticketId).containsExactly("42", "43");
    Instant secondStart = clock.advance(Duration.ofMinutes(5)).instant();
    processor.poll(SOURCE);
    assertThat(desk.pollsSince).last().isEqualTo(first.since().plus(Duration.ofHours(1)).minus(Duration.ofMinutes(1)));
    assertThat(sink.applied()).hasSize(2);

    desk.pollFailure = serverError();
    clock.advance(Duration.ofMinutes(5));
    assertThatThrownBy(() -> processor.poll(SOURCE)).isInstanceOf(ApiException.class);
    desk.pollFailure = null;
    processor.poll(SOURCE);
    assertThat(desk.pollsSince).last().isEqualTo(secondStart.minus(Duration.ofMinutes(1)));
  }

  @Test
  void aPollCutShortAtTheMostTicketsGoesOnFromTheNewestItRead() {
    processor = WebhookProcessor.builder(IntegrationRegistry.of(desk)).clock(clock).stateStore(store)
        .limits(Limits.builder().maxBatchElements(2).build()).build();
    Instant first = Instant.parse("2025-03-04T09:00:00Z");
    for (int i = 0; i < 25; i++) {
      desk.polled.add(TicketSnapshot.builder("t" + i, CodedValue.of("New")).sourceUpdatedAt(first.plusSeconds(i))
          .build());
    }

    assertThat(processor.poll(SOURCE).results()).hasSize(20);
    processor.poll(SOURCE);

    assertThat(desk.pollsSince).last().isEqualTo(first.plusSeconds(19).minusSeconds(1));
  }

  @Test
  void aPolledUpdateOlderThanTheHostsChangeIsStaleSoItCannotReopenTheAlert() {
    Instant created = clock.instant().minus(Duration.ofMinutes(5));
    deliver("42,New," + created);
    desk.failures.add(serverError());
    assertThat(processor.alertChanged(SOURCE, "42", AlertChange.resolved()).status())
        .isEqualTo(WriteBackResult.Status.RETRYING);
    // the ticket still says New: a poll reads a change made before the host resolved the alert
    desk.polled.add(TicketSnapshot.builder("42", CodedValue.of("New")).sourceUpdatedAt(created.plusSeconds(60))
        .build());

    ProcessingResult polled = processor.poll(SOURCE).results().get(0);

    assertThat(polled.outcome()).isEqualTo(Outcome.STALE);
    assertThat(polled.state()).contains(AlertState.RESOLVED);
    assertThat(sink.applied()).extracting(AlertEvent::eventType).containsExactly(EventType.ALERT);
  }

  @Test
  void aWriteTheOutboxCannotDropIsWrittenAndWrittenAgainAfterTheClaim() {
    deliver("42,New");
    AlertStateStore cannotDrop = new ForwardingAlertStateStore(store) {
      @Override
      public void removeChange(AlertKey key, String changeId) {
        throw new StoreException("connection lost");
      }
    };

    WriteBackResult result = processor(cannotDrop).alertChanged(SOURCE, "42", AlertChange.accepted());

    assertThat(result.status()).isEqualTo(WriteBackResult.Status.WRITTEN);
    assertThat(result.message()).contains("will be written again", "connection lost");
    assertThat(store.countPendingChanges()).isEqualTo(1);
    clock.advance(WriteBackPolicy.DEFAULT.claim());
    assertThat(processor.writePendingChanges()).extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    assertThat(desk.written).hasSize(2);
    assertThat(store.countPendingChanges()).isZero();
  }
}
