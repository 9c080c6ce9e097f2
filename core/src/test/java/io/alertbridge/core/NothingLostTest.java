package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import io.alertbridge.core.example.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each way an event used to be lost, reproduced, and shown to reach the host exactly once by event id. */
class NothingLostTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);

  private final MutableClock clock = MutableClock.at("2025-03-04T09:15:00Z");
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final RecordingSink sink = new RecordingSink();

  private WebhookProcessor processor(AlertStateStore stateStore, DeliveryLog deliveryLog) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(stateStore).deliveryLog(deliveryLog).eventSink(sink).build();
  }

  private static Delivery delivery(String id, String body) {
    return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> types(List<AlertEvent> events) {
    return events.stream().map(e -> e.ticketId() + ":" + e.eventType()).toList();
  }

  /** Fails commits as told: before writing, after writing, or with an Error. */
  private static final class FaultyStore extends ForwardingAlertStateStore {
    enum Fault { NONE, BEFORE, AFTER, ERROR, AFTER_ERROR }

    Fault next = Fault.NONE;

    FaultyStore(AlertStateStore delegate) {
      super(delegate);
    }

    @Override
    public boolean commit(List<AlertWrite> writes) {
      Fault fault = next;
      next = Fault.NONE;
      switch (fault) {
        case BEFORE -> throw new IllegalStateException("connection reset");
        case ERROR -> throw new AssertionError("driver bug");
        default -> { }
      }
      boolean written = super.commit(writes);
      switch (fault) {
        case AFTER -> throw new IllegalStateException("timeout after commit");
        case AFTER_ERROR -> throw new LinkageError("driver bug after commit");
        default -> { }
      }
      return written;
    }
  }

  @Test
  void aSinkThatFailsLeavesTheEventPendingAndTheRetryHandsItOver() {
    WebhookProcessor processor = processor(store, log);
    Delivery created = delivery("d-1", "{\"id\": 1, \"status\": \"New\"}");
    sink.failNext(2);

    assertThatThrownBy(() -> processor.process(SOURCE, created))
        .isInstanceOf(EventSinkException.class).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("the event sink did not apply event").hasMessageContaining("IllegalStateException");
    assertThatThrownBy(() -> processor.process(SOURCE, created)).isInstanceOf(EventSinkException.class);
    ProcessingResult retry = processor.process(SOURCE, created);

    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(types(sink.applied())).containsExactly("1:ALERT");
    assertThat(sink.handedOver()).hasSize(3).extracting(AlertEvent::eventId).containsOnly(sink.applied().get(0).eventId());
    assertThat(store.countPendingEvents()).isZero();
  }

  @Test
  void withASinkTheResultStillListsWhatWasDecidedAndApplied() {
    ProcessingResult result = processor(store, log).process(SOURCE, delivery("d-1", "{\"id\": 1, \"status\": \"New\"}"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.events()).isEqualTo(sink.applied());
    assertThat(store.countPendingEvents()).isZero();
  }

  @Test
  void aBatchIsCommittedWholeOrNotAtAll() {
    FaultyStore faulty = new FaultyStore(store);
    WebhookProcessor processor = processor(faulty, log);
    Delivery batch = delivery("b-1", "[{\"id\": 1, \"status\": \"New\"}, {\"id\": 2, \"status\": \"New\"}]");
    faulty.next = FaultyStore.Fault.BEFORE;

    assertThatThrownBy(() -> processor.process(SOURCE, batch)).isInstanceOf(StoreException.class);
    assertThat(store.size()).isZero();
    ProcessingResult retry = processor.process(SOURCE, batch);

    assertThat(retry.items()).extracting(ProcessingResult::outcome).containsExactly(Outcome.CREATED, Outcome.CREATED);
    assertThat(types(sink.applied())).containsExactly("1:ALERT", "2:ALERT");
  }

  @Test
  void aStoreThatWritesAndThenThrowsHandsTheCreatedEventOverOnTheRetry() {
    FaultyStore faulty = new FaultyStore(store);
    WebhookProcessor processor = processor(faulty, log);
    Delivery created = delivery("d-1", "{\"id\": 1, \"status\": \"Working\"}");
    faulty.next = FaultyStore.Fault.AFTER;

    assertThatThrownBy(() -> processor.process(SOURCE, created)).isInstanceOf(StoreException.class);
    assertThat(sink.applied()).isEmpty();
    ProcessingResult retry = processor.process(SOURCE, created);

    assertThat(retry.outcome()).as("the retry is recognised by the id written with the alert").isEqualTo(Outcome.DUPLICATE);
    assertThat(types(sink.applied())).as("the ALERT, and no ACCEPT decided twice").containsExactly("1:ALERT");
    assertThat(log.contains(SOURCE.id(), "d-1", clock.instant())).isTrue();
  }

  @Test
  void anErrorFromTheStoreNeverLosesTheDelivery() {
    for (FaultyStore.Fault fault : List.of(FaultyStore.Fault.ERROR, FaultyStore.Fault.AFTER_ERROR)) {
      InMemoryAlertStateStore fresh = new InMemoryAlertStateStore();
      FaultyStore faulty = new FaultyStore(fresh);
      RecordingSink hostSink = new RecordingSink();
      WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
          .clock(clock).stateStore(faulty).eventSink(hostSink).build();
      Delivery created = delivery("d-" + fault, "{\"id\": 1, \"status\": \"New\"}");
      faulty.next = fault;

      assertThatThrownBy(() -> processor.process(SOURCE, created)).as(fault.name())
          .isInstanceOf(StoreException.class).hasMessageContaining("the alert state store failed");
      ProcessingResult retry = processor.process(SOURCE, created);

      assertThat(retry.outcome()).as(fault.name())
          .isEqualTo(fault == FaultyStore.Fault.ERROR ? Outcome.CREATED : Outcome.DUPLICATE);
      assertThat(types(hostSink.applied())).as(fault.name()).containsExactly("1:ALERT");
    }
  }

  @Test
  void aStoreThatWritesABatchAndThenThrowsAnswersTheRetryAsDuplicateWithEveryEvent() {
    FaultyStore faulty = new FaultyStore(store);
    WebhookProcessor processor = processor(faulty, log);
    Delivery batch = delivery("b-1", "[{\"id\": 1, \"status\": \"New\"}, {\"id\": 1, \"status\": \"Closed\"},"
        + " {\"id\": 2, \"status\": \"Working\"}]");
    faulty.next = FaultyStore.Fault.AFTER;

    assertThatThrownBy(() -> processor.process(SOURCE, batch)).isInstanceOf(StoreException.class);
    ProcessingResult retry = processor.process(SOURCE, batch);

    assertThat(retry.items()).extracting(ProcessingResult::outcome).containsOnly(Outcome.DUPLICATE);
    assertThat(types(sink.applied())).containsExactly("1:ALERT", "1:RESOLVE", "2:ALERT");
  }

  @Test
  void aDeliveryLogThatRecordsAndThenThrowsLosesNothing() {
    AtomicInteger calls = new AtomicInteger();
    DeliveryLog recordsThenThrows = new DeliveryLog() {
      @Override
      public boolean markSeen(String sourceId, String deliveryId, Instant now) {
        log.markSeen(sourceId, deliveryId, now);
        if (calls.incrementAndGet() == 1) {
          throw new IllegalStateException("timeout after insert");
        }
        return true;
      }

      @Override
      public boolean contains(String sourceId, String deliveryId, Instant now) {
        return log.contains(sourceId, deliveryId, now);
      }
    };
    WebhookProcessor processor = processor(store, recordsThenThrows);
    Delivery created = delivery("d-1", "{\"id\": 1, \"status\": \"New\"}");

    ProcessingResult first = processor.process(SOURCE, created);
    ProcessingResult retry = processor.process(SOURCE, created);

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(retry.outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(types(sink.applied())).containsExactly("1:ALERT");
  }

  @Test
  void aFailingDeliveryLogNeverMakesAFailedDeliveryADuplicate() {
    DeliveryLog down = new DeliveryLog() {
      @Override
      public boolean markSeen(String sourceId, String deliveryId, Instant now) {
        throw new IllegalStateException("log unreachable");
      }

      @Override
      public boolean contains(String sourceId, String deliveryId, Instant now) {
        return log.contains(sourceId, deliveryId, now);
      }
    };
    FaultyStore faulty = new FaultyStore(store);
    WebhookProcessor processor = processor(faulty, down);
    Delivery created = delivery("d-1", "{\"id\": 1, \"status\": \"New\"}");
    faulty.next = FaultyStore.Fault.BEFORE;

    assertThatThrownBy(() -> processor.process(SOURCE, created)).isInstanceOf(StoreException.class);
    ProcessingResult retry = processor.process(SOURCE, created);

    assertThat(retry.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(types(sink.applied())).containsExactly("1:ALERT");
  }

  @Test
  void aCrashBetweenCommitAndSinkIsRepairedByRedeliverPending() {
    FaultyStore faulty = new FaultyStore(store);
    RecordingSink crashed = new RecordingSink();
    crashed.failNext(Integer.MAX_VALUE);
    WebhookProcessor dying = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(faulty).deliveryLog(log).eventSink(crashed).build();
    assertThatThrownBy(() -> dying.process(SOURCE, delivery("d-1", "[{\"id\": 1, \"status\": \"New\"},"
        + " {\"id\": 1, \"status\": \"Working\"}, {\"id\": 2, \"status\": \"New\"}]")))
        .isInstanceOf(EventSinkException.class);
    assertThat(store.countPendingEvents()).isEqualTo(3);

    WebhookProcessor restarted = processor(store, log);
    Redelivery redelivery = restarted.redeliverPending();

    assertThat(redelivery).isEqualTo(new Redelivery(3, 0));
    assertThat(types(sink.applied())).containsExactly("1:ALERT", "1:ACCEPT", "2:ALERT");
    assertThat(restarted.redeliverPending()).isEqualTo(new Redelivery(0, 0));
  }

  @Test
  void redeliverPendingStopsAtAFailingSinkAndReportsWhatIsLeft() {
    RecordingSink failing = new RecordingSink();
    failing.failNext(Integer.MAX_VALUE);
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(store).eventSink(failing).build();
    assertThatThrownBy(() -> processor.process(SOURCE, delivery("d-1", "{\"id\": 1, \"status\": \"New\"}")))
        .isInstanceOf(EventSinkException.class);

    assertThat(processor.redeliverPending()).isEqualTo(new Redelivery(0, 1));
  }

  @Test
  void withoutASinkThereIsNoOutbox() {
    WebhookProcessor plain = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(store).build();

    ProcessingResult result = plain.process(SOURCE, delivery("d-1", "{\"id\": 1, \"status\": \"New\"}"));

    assertThat(result.events()).hasSize(1);
    assertThat(store.countPendingEvents()).isZero();
    assertThat(plain.redeliverPending()).isEqualTo(new Redelivery(0, 0));
  }

  @Test
  void eventsNameTheirAlertAndAReopenedTicketGetsANewOne() {
    WebhookProcessor processor = processor(store, log);
    processor.process(SOURCE, delivery("1", "{\"id\": 7, \"status\": \"New\"}"));
    processor.process(SOURCE, delivery("2", "{\"id\": 7, \"status\": \"Working\"}"));
    processor.process(SOURCE, delivery("3", "{\"id\": 7, \"status\": \"Closed\"}"));
    processor.process(SOURCE, delivery("4", "{\"id\": 7, \"status\": \"New\"}"));

    List<AlertEvent> events = sink.applied();
    assertThat(types(events)).containsExactly("7:ALERT", "7:ACCEPT", "7:RESOLVE", "7:ALERT");
    assertThat(events.subList(0, 3)).extracting(AlertEvent::alertId).containsOnly(events.get(0).alertId());
    assertThat(events.get(3).alertId()).isNotEqualTo(events.get(0).alertId());
    assertThat(events).extracting(AlertEvent::eventId).doesNotHaveDuplicates();
  }

  @Test
  void versionsNeverGoBackAfterAnExpiredAlertIsPurged() {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(store).retention(Duration.ZERO).eventSink(sink).build();
    AlertKey key = new AlertKey(SOURCE.id(), "7");
    processor.process(SOURCE, delivery("1", "{\"id\": 7, \"status\": \"New\"}"));
    long resolvedVersion = store.read(key).orElseThrow().version() + 1;
    processor.process(SOURCE, delivery("2", "{\"id\": 7, \"status\": \"Closed\"}"));
    assertThat(store.read(key)).as("purged as soon as it is resolved").isEmpty();

    processor.process(SOURCE, delivery("4", "{\"id\": 7, \"status\": \"New\"}"));

    assertThat(store.read(key).orElseThrow().version()).isGreaterThan(resolvedVersion);
    assertThat(types(sink.applied())).containsExactly("7:ALERT", "7:RESOLVE", "7:ALERT");
    assertThat(sink.applied().get(2).alertId()).isNotEqualTo(sink.applied().get(0).alertId());
  }

  @Test
  void aStoreAnsweringNullIsAStoreFailure() {
    AlertStateStore nulls = new ForwardingAlertStateStore(store) {
      @Override
      public Optional<StoredAlert> read(AlertKey key) {
        return null;
      }
    };

    assertThatThrownBy(() -> processor(nulls, log).process(SOURCE, delivery("1", "{\"id\": 7, \"status\": \"New\"}")))
        .isInstanceOf(StoreException.class).hasMessage("the alert state store returned null from read");
  }

  @Test
  void explainAgreesWithProcessWhenOneBatchNamesATicketTwice() {
    WebhookProcessor processor = processor(store, log);
    Delivery batch = delivery("b", "[{\"id\": 1, \"status\": \"New\"}, {\"id\": 1, \"status\": \"Closed\"},"
        + " {\"id\": 1, \"status\": \"New\"}]");

    ProcessingResult explained = processor.explain(SOURCE, batch);
    ProcessingResult processed = processor.process(SOURCE, batch);

    List<Outcome> expected = List.of(Outcome.CREATED, Outcome.RESOLVED, Outcome.CREATED);
    assertThat(explained.items()).extracting(ProcessingResult::outcome).isEqualTo(expected);
    assertThat(processed.items()).extracting(ProcessingResult::outcome).isEqualTo(expected);
    assertThat(types(sink.applied())).containsExactly("1:ALERT", "1:RESOLVE", "1:ALERT");
    assertThat(store.read(new AlertKey(SOURCE.id(), "1")).orElseThrow().state()).isEqualTo(AlertState.PENDING);
  }
}
