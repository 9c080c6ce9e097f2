package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Redelivery;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ExampleIntegration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away in the middle of a run and comes back: deliveries meanwhile are answered
 * 503 (a {@link StoreException}), nothing is half-written, and the senders' retries and {@code
 * redeliverPending()} then complete every alert, each event applied once.
 */
class DatabaseOutageTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);
  private static final int SENDERS = 2;
  private static final int TICKETS_PER_SENDER = 6;
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

  private EmbeddedPostgres server;
  private HikariDataSource pool;

  @AfterEach
  void stop() throws IOException {
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static EmbeddedPostgres start(File data, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Each sender's deliveries: its tickets two by two in one delivery (a batch), then one by one. */
  private static List<Delivery> deliveries(int sender) {
    List<Delivery> deliveries = new ArrayList<>();
    for (String status : List.of("New", "Working", "Solved")) {
      for (int t = 0; t < TICKETS_PER_SENDER; t += 2) {
        String a = "s" + sender + "-t" + t;
        String b = "s" + sender + "-t" + (t + 1);
        String body = "[{\"id\": \"" + a + "\", \"status\": \"" + status + "\"}, {\"id\": \"" + b
            + "\", \"status\": \"" + status + "\"}]";
        deliveries.add(Delivery.of(Headers.of("X-Delivery-Id", a + "+" + b + "-" + status),
            body.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return deliveries;
  }

  @Test
  void deliveriesDuringAnOutageAreAnswered503AndCompletedAfterTheRestart() throws Exception {
    File data = new File("target/outage-pg-" + ProcessHandle.current().pid());
    int port = freePort();
    server = start(data, port);
    pool = Databases.pool(server.getJdbcUrl("postgres", "postgres"), "postgres", "", 4);
    pool.setConnectionTimeout(500);
    JdbcStores stores = JdbcStores.builder(pool).build();
    stores.createSchemaIfMissing();
    MultiNodeTest.HostAlerts host = new MultiNodeTest.HostAlerts();
    TestClock clock = TestClock.at("2025-03-04T09:15:00Z");
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(clock).stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog()).eventSink(host).build();

    AtomicInteger answered = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    Map<String, Integer> otherFailures = new ConcurrentHashMap<>();
    CountDownLatch someAnswered = new CountDownLatch(SENDERS * 2);
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      List<Delivery> mine = deliveries(s);
      running.add(senders.submit(() -> {
        for (Delivery delivery : mine) {
          // The sender retries until it gets an answer, pausing between attempts.
          while (System.nanoTime() < deadline) {
            try {
              processor.process(SOURCE, delivery);
              answered.incrementAndGet();
              someAnswered.countDown();
              break;
            } catch (StoreException e) {
              unavailable.incrementAndGet();
            } catch (RuntimeException e) { // the sink never fails here: any other failure is a bug
              otherFailures.merge(e.getClass().getName(), 1, Integer::sum);
            }
            Thread.sleep(50);
          }
          Thread.sleep(20);
        }
        return null;
      }));
    }

    assertThat(someAnswered.await(30, TimeUnit.SECONDS)).as("deliveries answered before the outage").isTrue();
    server.close(); // fast shutdown: open transactions are cut off
    server = null;
    Thread.sleep(1_500);
    int duringOutage = unavailable.get();
    server = start(data, port);
    for (Future<?> sender : running) {
      sender.get(GIVE_UP_AFTER.toSeconds() + 10, TimeUnit.SECONDS);
    }
    senders.shutdownNow();
    Redelivery redelivery = processor.redeliverPending();

    assertThat(duringOutage).as("deliveries answered 503 during the outage").isPositive();
    assertThat(otherFailures).as("failures other than StoreException").isEmpty();
    assertThat(answered.get()).as("every delivery answered in the end").isEqualTo(SENDERS * deliveries(0).size());
    assertThat(redelivery.pending()).isZero();
    assertThat(stores.stateStore().countPendingEvents()).isZero();
    assertThat(host.appliedPerKey).hasSize(SENDERS * TICKETS_PER_SENDER).allSatisfy((ticket, types) ->
        assertThat(types).as(ticket).containsExactly(EventType.ALERT, EventType.ACCEPT, EventType.RESOLVE));
    for (int s = 0; s < SENDERS; s++) {
      for (int t = 0; t < TICKETS_PER_SENDER; t++) {
        StoredAlert stored = stores.stateStore().read(new AlertKey(SOURCE.id(), "s" + s + "-t" + t)).orElseThrow();
        assertThat(stored.state()).isEqualTo(AlertState.RESOLVED);
      }
    }
  }
}
