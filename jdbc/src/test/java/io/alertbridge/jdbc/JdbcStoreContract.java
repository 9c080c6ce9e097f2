package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Link;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.Priority;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every dialect's stores must do, run against a real server of each: compare-and-set over
 * several keys, exact round trips, the outbox's order and bounds, the sweep and the version floor, the
 * delivery log, concurrency, and clear errors.
 */
abstract class JdbcStoreContract {
  static final Instant T0 = Instant.parse("2025-03-04T09:15:00.123456789Z");

  JdbcStores stores;
  JdbcAlertStateStore store;
  JdbcDeliveryLog log;

  /** @return the database under test */
  abstract DataSource dataSource();

  /** @return the dialect the stores must detect */
  abstract Dialect expectedDialect();

  JdbcStores.Builder builder() {
    return JdbcStores.builder(dataSource()).tablePrefix(Databases.uniquePrefix());
  }

  @BeforeEach
  void createStores() {
    stores = builder().build();
    stores.createSchemaIfMissing();
    store = stores.stateStore();
    log = stores.deliveryLog();
  }

  static AlertKey key(String ticket) {
    return new AlertKey("zendesk-prod", ticket);
  }

  static StoredAlert open(long version, String... deliveryIds) {
    return new StoredAlert(AlertState.PENDING, "alert-" + version, Optional.of(T0.minusSeconds(30)), "new", version,
        T0, Optional.empty(), List.of(deliveryIds));
  }

  static StoredAlert resolved(long version, Instant expires) {
    return new StoredAlert(AlertState.RESOLVED, "alert-r", Optional.empty(), "solved", version, T0,
        Optional.of(expires), List.of("d-" + version));
  }

  static AlertEvent event(String ticket, String id, EventType type) {
    return new AlertEvent(id, "alert-" + ticket, type, ticket, "Checkout down", "", Priority.HIGH, List.of(),
        Map.of(), "zendesk-prod", "New", Set.of());
  }

  static AlertWrite write(String ticket, long expected, StoredAlert next, AlertEvent... events) {
    return new AlertWrite(key(ticket), expected, next, List.of(events));
  }

  @Test
  void detectsTheDialectFromTheConnection() {
    assertThat(stores.dialect()).isEqualTo(expectedDialect());
  }

  @Test
  void readsNothingForAKeyNeverWritten() {
    assertThat(store.read(key("1"))).isEmpty();
    assertThat(store.pendingEvents(key("1"), 10)).isEmpty();
    assertThat(store.countPendingEvents()).isZero();
  }

  @Test
  void readsBackExactlyWhatWasWritten() {
    StoredAlert first = new StoredAlert(AlertState.PENDING, "3f0c6a1e-1111-4a2b-9c3d-000000000001",
        Optional.of(Instant.parse("1969-12-31T23:59:59.999999999Z")), "nouveau \u00e9t\u00e9 \u2603 \ud83d\udea8",
        1, T0, Optional.empty(), List.of("d-1", "D-1", "d-1 ", "\ud83d\udea8"));
    assertThat(store.commit(List.of(write("1", 0, first)))).isTrue();
    assertThat(store.read(key("1"))).contains(first);

    StoredAlert second = new StoredAlert(AlertState.RESOLVED, first.alertId(), Optional.empty(), "solved", 2,
        T0.plusNanos(1), Optional.of(Instant.parse("+10000-01-01T00:00:00.000000001Z")), List.of());
    assertThat(store.commit(List.of(write("1", 1, second)))).isTrue();
    assertThat(store.read(key("1"))).contains(second);
  }

  @Test
  void keysThatDifferOnlyInCaseAreDifferentKeys() {
    assertThat(store.commit(List.of(write("abc", 0, open(1)), write("ABC", 0, open(1)), write("\u00e4bc", 0, open(1)))))
        .isTrue();
    assertThat(store.commit(List.of(write("abc", 1, open(2))))).isTrue();

    assertThat(store.read(key("abc"))).map(StoredAlert::version).contains(2L);
    assertThat(store.read(key("ABC"))).map(StoredAlert::version).contains(1L);
    assertThat(store.read(key("\u00e4bc"))).map(StoredAlert::version).contains(1L);
    assertThat(store.read(key("Abc"))).isEmpty();
    assertThat(log.markSeen("zendesk-prod", "d-1", T0)).isTrue();
    assertThat(log.markSeen("zendesk-prod", "D-1", T0)).isTrue();
  }

  @Test
  void idsThatDifferOnlyInTrailingSpacesAreDifferent() {
    assertThat(store.commit(List.of(write("abc", 0, open(1)), write("abc ", 0, open(1))))).isTrue();
    assertThat(store.commit(List.of(write("abc", 1, open(2))))).isTrue();

    assertThat(store.read(key("abc"))).map(StoredAlert::version).contains(2L);
    assertThat(store.read(key("abc "))).map(StoredAlert::version).contains(1L);
    assertThat(log.markSeen("zendesk-prod", "d-1", T0)).isTrue();
    assertThat(log.markSeen("zendesk-prod", "d-1 ", T0)).isTrue();
  }

  @Test
  void aCommitOverAnotherVersionWritesNothing() {
    assertThat(store.commit(List.of(write("1", 0, open(1))))).isTrue();
    AlertEvent event = event("2", "alert-2/alert", EventType.ALERT);

    // key 2 is new and would be written, but key 1 is no longer at version 5: neither is written.
    assertThat(store.commit(List.of(write("2", 0, open(1), event), write("1", 5, open(6))))).isFalse();
    assertThat(store.commit(List.of(write("1", 0, open(1))))).as("key 1 exists").isFalse();

    assertThat(store.read(key("1"))).contains(open(1));
    assertThat(store.read(key("2"))).isEmpty();
    assertThat(store.countPendingEvents()).isZero();
  }

  @Test
  void aBatchOverSeveralKeysIsWrittenWhole() {
    store.commit(List.of(write("1", 0, open(1))));
    AlertEvent accept = event("1", "alert-1/accept", EventType.ACCEPT);
    AlertEvent created = event("2", "alert-2/alert", EventType.ALERT);

    assertThat(store.commit(List.of(write("2", 0, open(1), created), write("1", 1, open(2), accept)))).isTrue();

    assertThat(store.read(key("1"))).contains(open(2));
    assertThat(store.read(key("2"))).contains(open(1));
    assertThat(store.pendingEvents(10)).extracting(p -> p.event().eventId())
        .as("in the order of the writes").containsExactly("alert-2/alert", "alert-1/accept");
  }

  @Test
  void pendingEventsAreListedPerKeyInCommitOrderAndOldestFirstAndBounded() {
    store.commit(List.of(write("1", 0, open(1), event("1", "a/alert", EventType.ALERT))));
    store.commit(List.of(write("2", 0, open(1), event("2", "b/alert", EventType.ALERT))));
    store.commit(List.of(write("1", 1, open(2), event("1", "a/accept", EventType.ACCEPT),
        event("1", "a/resolve", EventType.RESOLVE))));

    assertThat(store.pendingEvents(key("1"), 10)).extracting(p -> p.event().eventId())
        .containsExactly("a/alert", "a/accept", "a/resolve");
    assertThat(store.pendingEvents(key("1"), 2)).extracting(p -> p.event().eventId())
        .containsExactly("a/alert", "a/accept");
    assertThat(store.pendingEvents(10)).extracting(p -> p.key().ticketId() + ":" + p.event().eventId())
        .containsExactly("1:a/alert", "2:b/alert", "1:a/accept", "1:a/resolve");
    assertThat(store.pendingEvents(1)).hasSize(1);
    assertThat(store.countPendingEvents()).isEqualTo(4);

    store.markApplied(key("1"), "a/accept");
    store.markApplied(key("1"), "a/accept");
    store.markApplied(key("2"), "a/alert"); // another key's event id: nothing
    store.markApplied(key("3"), "nothing");

    assertThat(store.pendingEvents(key("1"), 10)).extracting(p -> p.event().eventId())
        .containsExactly("a/alert", "a/resolve");
    assertThat(store.countPendingEvents()).isEqualTo(3);
    assertThatThrownBy(() -> store.pendingEvents(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.pendingEvents(key("1"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventComesBackExactlyAsItWasCommitted() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("int", 7);
    nested.put("long", 7L);
    nested.put("double", 2.5);
    nested.put("nan", Double.NaN);
    nested.put("float", 1.25f);
    nested.put("short", (short) 3);
    nested.put("big", new BigInteger("123456789012345678901234567890"));
    nested.put("smallBig", BigInteger.TEN);
    nested.put("decimal", new BigDecimal("1.50"));
    nested.put("wholeDecimal", new BigDecimal("42"));
    nested.put("huge", new BigDecimal("1E+500"));
    nested.put("tiny", 1e-300);
    nested.put("manyDigits", new BigInteger("9".repeat(150)));
    nested.put("null", null);
    nested.put("list", Arrays.asList(1, "two", null, List.of(3.0, Map.of("deep", true))));
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("requester", "Ada \"Lovelace\" <ada@example.com>\n\t\u0001");
    custom.put("fields", nested);
    AlertEvent event = new AlertEvent("x/alert", "x", EventType.ALERT, "4711", "S\u00fcmmary \ud83d\udea8",
        "line 1\nline 2", Priority.LOW, List.of(new Link("https://example.com/t/4711", "Ticket"),
            Link.of("https://example.com")),
        custom, "zendesk-prod", "New", Set.of(AlertEvent.Field.SUMMARY, AlertEvent.Field.DETAILS));

    store.commit(List.of(write("4711", 0, open(1), event)));

    PendingEvent pending = store.pendingEvents(key("4711"), 1).get(0);
    assertThat(pending).isEqualTo(new PendingEvent(key("4711"), event));
    assertThat(((Map<?, ?>) pending.event().customDetails().get("fields")).get("int")).isInstanceOf(Integer.class);
    assertThat(store.pendingEvents(1).get(0)).isEqualTo(pending);
  }

  @Test
  void theSweepRemovesForgottenAlertsAndVersionsNeverGoBack() {
    Instant expires = T0.plus(Duration.ofDays(7));
    store.commit(List.of(write("1", 0, open(1))));
    store.commit(List.of(write("1", 1, open(2))));
    store.commit(List.of(write("1", 2, resolved(3, expires))));
    store.commit(List.of(write("2", 0, resolved(1, expires.plusSeconds(60)))));
    store.commit(List.of(write("3", 0, open(1))));

    assertThat(stores.sweepExpired(expires.minusNanos(1), 100).alerts()).as("not yet expired").isZero();
    SweepResult swept = stores.sweepExpired(expires, 100);

    assertThat(swept.alerts()).isEqualTo(1);
    assertThat(swept.mayHaveMore()).isFalse();
    assertThat(store.read(key("1"))).isEmpty();
    assertThat(store.read(key("2"))).isPresent();
    assertThat(store.read(key("3"))).contains(open(1));

    // A new alert for key 1 starts above every version key 1 ever had ...
    assertThat(store.commit(List.of(write("1", 0, open(1))))).isTrue();
    long reborn = store.read(key("1")).orElseThrow().version();
    assertThat(reborn).isGreaterThan(3);
    assertThat(store.read(key("1")).orElseThrow()).isEqualTo(open(1).withVersion(reborn));
    // ... so a writer that read version 3 before the sweep cannot write over it, however far it goes.
    for (long v = reborn; v < 6; v++) {
      store.commit(List.of(write("1", v, open(v + 1))));
    }
    assertThat(store.commit(List.of(write("1", 3, open(4))))).isFalse();
    // Keys never swept keep their versions exactly.
    assertThat(store.commit(List.of(write("4", 0, open(1))))).isTrue();
    assertThat(store.read(key("4")).orElseThrow().version()).isGreaterThan(3);
    assertThat(store.commit(List.of(write("3", 1, open(2))))).isTrue();
    assertThat(store.read(key("3"))).contains(open(2));
  }

  @Test
  void theSweepDoesBoundedWork() {
    Instant expires = T0.plusSeconds(60);
    for (int i = 0; i < 7; i++) {
      store.commit(List.of(write("t" + i, 0, resolved(1, expires.plusSeconds(i)))));
      log.markSeen("zendesk-prod", "d-" + i, T0);
    }
    Instant later = T0.plus(Duration.ofDays(2));

    SweepResult first = stores.sweepExpired(later, 3);
    SweepResult second = stores.sweepExpired(later, 3);
    SweepResult third = stores.sweepExpired(later, 3);

    assertThat(List.of(first.alerts(), second.alerts(), third.alerts())).containsExactly(3, 3, 1);
    assertThat(List.of(first.deliveryIds(), second.deliveryIds(), third.deliveryIds())).containsExactly(3, 3, 1);
    assertThat(first.mayHaveMore()).isTrue();
    assertThat(third.mayHaveMore()).isFalse();
    assertThat(store.read(key("t0"))).as("oldest first").isEmpty();
    assertThat(log.contains("zendesk-prod", "d-6", T0)).as("removed, even when asked at an earlier time").isFalse();
    assertThatThrownBy(() -> stores.sweepExpired(later, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pendingEventsOutliveTheirSweptAlert() {
    Instant expires = T0.plusSeconds(60);
    store.commit(List.of(write("1", 0, resolved(1, expires), event("1", "a/resolve", EventType.RESOLVE))));

    stores.sweepExpired(expires, 10);

    assertThat(store.read(key("1"))).isEmpty();
    assertThat(store.pendingEvents(key("1"), 10)).extracting(p -> p.event().eventId()).containsExactly("a/resolve");
  }

  @Test
  void theDeliveryLogRemembersIdsForTheirTimeToLive() {
    JdbcDeliveryLog shortLog = builder().deliveryIdTtl(Duration.ofMinutes(5)).build().deliveryLog();
    stores = builder().deliveryIdTtl(Duration.ofMinutes(5)).build();
    stores.createSchemaIfMissing();
    log = stores.deliveryLog();

    assertThat(log.markSeen("zendesk-prod", "d-1", T0)).isTrue();
    assertThat(log.markSeen("zendesk-prod", "d-1", T0.plusSeconds(1))).isFalse();
    assertThat(log.markSeen("topdesk", "d-1", T0)).as("per source").isTrue();
    assertThat(log.contains("zendesk-prod", "d-1", T0.plus(Duration.ofMinutes(5)).minusNanos(1))).isTrue();
    assertThat(log.contains("zendesk-prod", "d-1", T0.plus(Duration.ofMinutes(5)))).isFalse();
    assertThat(log.contains("zendesk-prod", "d-2", T0)).isFalse();

    assertThat(log.markSeen("zendesk-prod", "d-1", T0.plus(Duration.ofMinutes(6)))).as("expired: new again").isTrue();
    assertThat(log.contains("zendesk-prod", "d-1", T0.plus(Duration.ofMinutes(10)))).isTrue();
    assertThat(shortLog.ttl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void racingWritersOfOneKeyWinOncePerVersion() throws Exception {
    int threads = 8;
    int rounds = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        long expected = round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String id = "e-" + round + "-" + t;
          Callable<Boolean> attempt = () -> {
            start.await();
            return store.commit(List.of(write("race", expected, open(expected + 1),
                event("race", id, EventType.ACCEPT))));
          };
          results.add(pool.submit(attempt));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> result : results) {
          won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(won).as("round " + round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.read(key("race")).orElseThrow().version()).isEqualTo(rounds);
    assertThat(store.countPendingEvents()).as("one event per winning write").isEqualTo(rounds);
  }

  /**
   * Writers race to open, read and resolve alerts of one key while a sweeper removes each resolved
   * alert: every new alert of the key starts above the versions of the alert before it.
   */
  @Test
  void sweepsRacingNewAlertsOfOneKeyNeverLetAVersionComeBack() throws Exception {
    record Incarnation(long createdAt, long version) {}
    List<Incarnation> incarnations = java.util.Collections.synchronizedList(new ArrayList<>());
    long ends = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    java.util.concurrent.atomic.AtomicInteger alertIds = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        running.add(pool.submit(() -> {
          while (System.nanoTime() < ends) {
            String alertId = "a-" + alertIds.incrementAndGet();
            StoredAlert created = new StoredAlert(AlertState.PENDING, alertId, Optional.empty(), "new", 1, T0,
                Optional.empty(), List.of());
            if (store.read(key("k")).isPresent() || !store.commit(List.of(write("k", 0, created)))) {
              continue;
            }
            long createdAt = System.nanoTime();
            StoredAlert read = store.read(key("k")).orElseThrow();
            assertThat(read.alertId()).isEqualTo(alertId);
            incarnations.add(new Incarnation(createdAt, read.version()));
            StoredAlert resolved = new StoredAlert(AlertState.RESOLVED, alertId, Optional.empty(), "solved",
                read.version() + 1, T0, Optional.of(T0.minusSeconds(1)), List.of());
            assertThat(store.commit(List.of(write("k", read.version(), resolved)))).isTrue();
          }
          return null;
        }));
      }
      running.add(pool.submit(() -> {
        while (System.nanoTime() < ends) {
          stores.sweepExpired(T0, 10);
        }
        return null;
      }));
      for (Future<?> done : running) {
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Incarnation> inOrder = new ArrayList<>(incarnations);
    inOrder.sort(java.util.Comparator.comparingLong(Incarnation::createdAt));
    assertThat(inOrder).as("alerts opened and swept").hasSizeGreaterThan(5);
    for (int i = 1; i < inOrder.size(); i++) {
      assertThat(inOrder.get(i).version()).as("alert %d opened above alert %d's resolved version", i, i - 1)
          .isGreaterThan(inOrder.get(i - 1).version() + 1);
    }
  }

  @Test
  void idsLongerThanTheColumnsAreRefusedNamingTheField() {
    String longId = "x".repeat(JdbcAlertStateStore.MAX_ID_LENGTH + 1);

    assertThatThrownBy(() -> store.commit(List.of(write(longId, 0, open(1)))))
        .isInstanceOf(StoreException.class).hasMessageContaining("ticket id of 256 characters");
    assertThatThrownBy(() -> log.markSeen("zendesk-prod", longId, T0))
        .isInstanceOf(StoreException.class).hasMessageContaining("delivery id of 256 characters");
    String fits = "\ud83d\udea8".repeat(JdbcAlertStateStore.MAX_ID_LENGTH / 2) + "x";
    assertThat(store.commit(List.of(write(fits, 0, open(1))))).as("255 Java characters").isTrue();
    assertThat(store.read(key(fits))).contains(open(1));
  }

  @Test
  void creatingTheSchemaAgainChangesNothing() {
    store.commit(List.of(write("1", 0, open(1), event("1", "a/alert", EventType.ALERT))));

    stores.createSchemaIfMissing();
    builder().tablePrefix(stores.tablePrefix()).build().createSchemaIfMissing();

    assertThat(store.read(key("1"))).contains(open(1));
    assertThat(store.countPendingEvents()).isEqualTo(1);
  }

  @Test
  void nodesCreatingTheSchemaAtOnceAllSucceed() throws Exception {
    String prefix = Databases.uniquePrefix();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JdbcStores>> nodes = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        nodes.add(pool.submit(() -> {
          start.await();
          JdbcStores node = builder().tablePrefix(prefix).build();
          node.createSchemaIfMissing();
          return node;
        }));
      }
      start.countDown();
      for (Future<JdbcStores> node : nodes) {
        assertThat(node.get(60, TimeUnit.SECONDS).stateStore().commit(List.of(write("1", 0, open(1))))).isIn(true, false);
      }
    } finally {
      pool.shutdownNow();
    }
    JdbcStores created = builder().tablePrefix(prefix).build();
    assertThat(created.stateStore().read(key("1"))).contains(open(1));
  }

  @Test
  void aMissingTableIsReportedNamingTheStoreAndTheStep() {
    JdbcStores missing = builder().build();

    assertThatThrownBy(() -> missing.stateStore().read(key("1")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("JDBC store (" + expectedDialect().name().toLowerCase(java.util.Locale.ROOT))
        .hasMessageContaining("read of an alert failed")
        .hasMessageContaining("SQLState");
  }
}
