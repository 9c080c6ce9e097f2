package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Many threads race deliveries for a few keys; the store sees every write and checks it. */
class ConcurrencyTest {
  private static final AlertSource SOURCE = AlertSource.of("race", ExampleIntegration.NAME);
  private static final String[] STATUSES = {"New", "Open", "Working", "Closed"};

  /** Records every committed write, and fails the race if an open alert is ever opened again. */
  private static final class CheckingStore extends ForwardingAlertStateStore {
    private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger creations = new AtomicInteger();

    CheckingStore() {
      super(new InMemoryAlertStateStore());
    }

    @Override
    public boolean commit(List<AlertWrite> writes) {
      synchronized (this) {
        List<Optional<StoredAlert>> before = writes.stream().map(write -> read(write.key())).toList();
        boolean written = super.commit(writes);
        for (int i = 0; written && i < writes.size(); i++) {
          StoredAlert next = writes.get(i).next();
          if (before.get(i).isPresent() && before.get(i).get().state().isOpen()
              && !before.get(i).get().alertId().equals(next.alertId())) {
            violations.add("second open alert for " + writes.get(i).key().ticketId());
          }
          if (!before.get(i).map(StoredAlert::alertId).orElse("").equals(next.alertId())) {
            creations.incrementAndGet();
          }
        }
        return written;
      }
    }
  }

  @Test
  void racingNewDeliveriesCreateExactlyOneAlert() throws Exception {
    CheckingStore store = new CheckingStore();
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .stateStore(store).clock(MutableClock.at("2025-03-04T09:15:00Z")).build();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ProcessingResult>> results = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return processor.process(SOURCE, Deliveries.json("{\"id\": \"42\", \"status\": \"New\"}"));
      }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    long created = 0;
    for (Future<ProcessingResult> result : results) {
      if (result.get().outcome() == Outcome.CREATED) {
        created++;
      } else {
        assertThat(result.get().outcome()).isEqualTo(Outcome.UNCHANGED);
      }
    }
    assertThat(created).isEqualTo(1);
    assertThat(store.creations.get()).isEqualTo(1);
  }

  @Test
  void neverTwoOpenAlertsForOneKeyAndTheLastStatusWins() throws Exception {
    CheckingStore store = new CheckingStore();
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .stateStore(store).clock(MutableClock.at("2025-03-04T09:15:00Z")).build();
    AtomicLong sequence = new AtomicLong();
    Map<String, String> newestStatus = new ConcurrentHashMap<>();
    Map<String, Long> newestTime = new ConcurrentHashMap<>();
    Instant base = Instant.parse("2025-03-04T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int thread = 0; thread < 8; thread++) {
      int seed = thread;
      pool.submit(() -> {
        start.await();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 500; i++) {
          String key = "T" + random.nextInt(3);
          String status = STATUSES[random.nextInt(STATUSES.length)];
          long at;
          synchronized (newestTime) {
            at = sequence.incrementAndGet();
            newestTime.merge(key, at, Math::max);
            if (newestTime.get(key) == at) {
              newestStatus.put(key, status);
            }
          }
          processor.process(SOURCE, Deliveries.json("{\"id\": \"" + key + "\", \"status\": \"" + status
              + "\", \"updatedAt\": \"" + base.plusSeconds(at) + "\"}"));
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

    assertThat(store.violations).isEmpty();
    newestStatus.forEach((key, status) -> {
      Optional<StoredAlert> stored = store.read(new AlertKey("race", key));
      if (stored.isEmpty()) {
        assertThat(status).as(key).isEqualTo("Closed");
        return;
      }
      assertThat(stored.get().lastSourceUpdate()).as(key).contains(base.plusSeconds(newestTime.get(key)));
      assertThat(stored.get().lastStatusKey()).as(key).isEqualTo(status.toLowerCase(java.util.Locale.ROOT));
      AlertState expected = switch (status) {
        case "Closed" -> AlertState.RESOLVED;
        case "Working" -> stored.get().state() == AlertState.PENDING ? AlertState.PENDING : AlertState.ACCEPTED;
        default -> stored.get().state() == AlertState.ACCEPTED ? AlertState.ACCEPTED : AlertState.PENDING;
      };
      assertThat(stored.get().state()).as(key + " after " + status).isEqualTo(expected);
    });
  }

  @Test
  void racingDeliveriesHandEveryEventToTheSinkOnceAndInOrderPerKey() throws Exception {
    io.alertbridge.core.example.RecordingSink sink = new io.alertbridge.core.example.RecordingSink();
    InMemoryAlertStateStore store = new InMemoryAlertStateStore();
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .stateStore(store).eventSink(sink).clock(MutableClock.at("2025-03-04T09:15:00Z")).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int thread = 0; thread < 8; thread++) {
      int seed = thread;
      pool.submit(() -> {
        start.await();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 300; i++) {
          String body = "{\"id\": \"T" + random.nextInt(3) + "\", \"status\": \"" + STATUSES[random.nextInt(STATUSES.length)]
              + "\"}";
          processor.process(SOURCE, Deliveries.json(body));
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

    assertThat(store.countPendingEvents()).isZero();
    assertThat(sink.handedOver()).hasSameSizeAs(sink.applied());
    Map<String, AlertEvent> last = new java.util.HashMap<>();
    java.util.Set<String> alertIds = new java.util.HashSet<>();
    for (AlertEvent event : sink.applied()) {
      AlertEvent before = last.put(event.ticketId(), event);
      if (event.eventType() == EventType.ALERT) {
        assertThat(before == null || before.eventType() == EventType.RESOLVE).as("an ALERT follows a RESOLVE").isTrue();
        assertThat(alertIds.add(event.alertId())).isTrue();
      } else {
        assertThat(before).as(event.eventId() + " follows its ALERT").isNotNull();
        assertThat(before.alertId()).isEqualTo(event.alertId());
        assertThat(before.eventType()).isNotEqualTo(EventType.RESOLVE);
      }
    }
    last.forEach((key, event) -> assertThat(store.read(new AlertKey("race", key)).orElseThrow().state())
        .isEqualTo(event.eventType() == EventType.RESOLVE ? AlertState.RESOLVED
            : event.eventType() == EventType.ACCEPT ? AlertState.ACCEPTED : AlertState.PENDING));
  }
}
