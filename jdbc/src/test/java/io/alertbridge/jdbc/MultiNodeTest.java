package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ExampleIntegration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each a processor with its own pool of connections, over one PostgreSQL database. Many
 * threads on both race the deliveries of the same tickets, each sent twice by the tool and each
 * retried: every ticket opens one alert, and every transition is decided once and applied once.
 */
class MultiNodeTest {
  private static final AlertSource SOURCE = AlertSource.of("service-desk", ExampleIntegration.NAME);
  private static final int TICKETS = 12;
  private static final int THREADS_PER_NODE = 4;
  private static final List<String> PHASES = List.of("New", "Working", "Solved");
  private static final Map<String, Outcome> DECIDING = Map.of(
      "New", Outcome.CREATED, "Working", Outcome.ACCEPTED, "Solved", Outcome.RESOLVED);

  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  /** The host's side, shared by both nodes: applies each event id once (a unique key in its table). */
  static final class HostAlerts implements AlertEventSink {
    final Map<String, AlertEvent> applied = new LinkedHashMap<>();
    final Map<String, List<EventType>> appliedPerKey = new LinkedHashMap<>();
    final AtomicInteger handOvers = new AtomicInteger();

    @Override
    public synchronized void apply(AlertEvent event) {
      handOvers.incrementAndGet();
      if (applied.putIfAbsent(event.eventId(), event) == null) {
        appliedPerKey.computeIfAbsent(event.ticketId(), k -> new ArrayList<>()).add(event.eventType());
      }
    }
  }

  private WebhookProcessor node(String prefix, TestClock clock, HostAlerts host) {
    HikariDataSource pool = Databases.postgresNode(THREADS_PER_NODE);
    pools.add(pool);
    JdbcStores stores = JdbcStores.builder(pool).tablePrefix(prefix).build();
    stores.createSchemaIfMissing();
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration())).clock(clock)
        .stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog()).eventSink(host).build();
  }

  private static Delivery delivery(String id, String ticket, String status) {
    String body = "{\"id\": \"" + ticket + "\", \"status\": \"" + status + "\"}";
    return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void twoNodesRacingTheSameTicketsOpenOneAlertEachAndApplyEveryTransitionOnce() throws Exception {
    String prefix = Databases.uniquePrefix();
    TestClock clock = TestClock.at("2025-03-04T09:15:00Z");
    HostAlerts host = new HostAlerts();
    List<WebhookProcessor> nodes = List.of(node(prefix, clock, host), node(prefix, clock, host));
    ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
    Random random = new Random(15);
    AtomicInteger unavailable = new AtomicInteger();
    try {
      for (String status : PHASES) {
        // Every ticket's status change, sent twice by the tool (two delivery ids), each retried twice.
        List<Delivery> sends = new ArrayList<>();
        for (int t = 0; t < TICKETS; t++) {
          for (String copy : List.of("a", "b")) {
            Delivery delivery = delivery("t" + t + "-" + status + "-" + copy, "t" + t, status);
            sends.addAll(Collections.nCopies(3, delivery));
          }
        }
        Collections.shuffle(sends, random);
        ConcurrentLinkedQueue<ProcessingResult> results = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
          WebhookProcessor node = nodes.get(i % 2);
          Delivery delivery = sends.get(i);
          running.add(threads.submit(() -> {
            for (int attempt = 0; ; attempt++) {
              try {
                results.add(node.process(SOURCE, delivery));
                return null;
              } catch (UnavailableException e) {
                unavailable.incrementAndGet();
                if (attempt == 5) {
                  throw e;
                }
              }
            }
          }));
        }
        for (Future<?> done : running) {
          done.get(2, TimeUnit.MINUTES);
        }

        Map<String, Integer> deciding = new ConcurrentHashMap<>();
        for (ProcessingResult result : results) {
          if (result.outcome() == DECIDING.get(status)) {
            deciding.merge(result.ticketId().orElseThrow(), 1, Integer::sum);
          }
        }
        assertThat(results).as(status + ": every send answered").hasSize(sends.size());
        assertThat(deciding).as(status + ": one " + DECIDING.get(status) + " per ticket").hasSize(TICKETS)
            .allSatisfy((ticket, count) -> assertThat(count).as(ticket).isEqualTo(1));
      }
    } finally {
      threads.shutdownNow();
    }
    nodes.forEach(WebhookProcessor::redeliverPending);

    JdbcStores reader = JdbcStores.builder(Databases.postgresPool()).tablePrefix(prefix).build();
    assertThat(reader.stateStore().countPendingEvents()).isZero();
    assertThat(host.appliedPerKey).hasSize(TICKETS).allSatisfy((ticket, types) ->
        assertThat(types).as(ticket).containsExactly(EventType.ALERT, EventType.ACCEPT, EventType.RESOLVE));
    assertThat(host.applied).hasSize(3 * TICKETS);
    Map<String, String> alertOfTicket = new LinkedHashMap<>();
    host.applied.values().forEach(event -> {
      String first = alertOfTicket.putIfAbsent(event.ticketId(), event.alertId());
      assertThat(first == null ? event.alertId() : first).as("one alert id for " + event.ticketId())
          .isEqualTo(event.alertId());
    });
    for (int t = 0; t < TICKETS; t++) {
      StoredAlert stored = reader.stateStore().read(new AlertKey(SOURCE.id(), "t" + t)).orElseThrow();
      assertThat(stored.state()).isEqualTo(AlertState.RESOLVED);
      assertThat(stored.alertId()).isEqualTo(alertOfTicket.get("t" + t));
    }
    assertThat(host.handOvers.get()).as("hand-overs, some repeated across the nodes")
        .isGreaterThanOrEqualTo(3 * TICKETS);
    assertThat(unavailable.get()).as("conflicts are retried inside the processor, not answered 503").isZero();
  }
}
