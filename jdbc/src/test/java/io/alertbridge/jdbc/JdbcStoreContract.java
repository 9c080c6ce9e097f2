package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Link;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.Priority;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
 * several keys, exact round trips, the outbox's order and bounds, outbound changes and echoes, the
 * sweep and the version floor, the delivery log, concurrency, the upgrade of an earlier schema, and
 * clear errors.
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

  static TicketChange change(String id, AlertState state, java.util.Optional<String> status, Instant requestedAt) {
    return new TicketChange(id, "alert-1", state, status, "Accepted in AlertBridge by Ada: on my way", requestedAt);
  }

  static AlertWrite changing(String ticket, long expected, StoredAlert next, TicketChange... changes) {
    return new AlertWrite(key(ticket), expected, next, List.of(), List.of(changes));
  }

  static StoredAlert withEcho(StoredAlert alert, StoredAlert.Echo echo) {
    return new StoredAlert(alert.state(), alert.alertId(), alert.lastSourceUpdate(), alert.lastStatusKey(),
        alert.version(), alert.updatedAt(), alert.expiresAt(), alert.recentDeliveryIds(), Optional.of(echo));
  }

  @Test
  void outboundChangesAndEchoesReadBackExactlyAtTheEdges() {
    Instant before1970 = Instant.parse("1969-12-31T23:59:59.999999999Z");
    Instant farAway = Instant.parse("+10000-01-01T00:00:00.000000001Z");
    String longId = "\ud83d\udea8".repeat(JdbcAlertStateStore.MAX_ID_LENGTH / 2) + "x";
    TicketChange noteOnly = new TicketChange(longId, "3f0c6a1e-1111-4a2b-9c3d-000000000001", AlertState.RESOLVED,
        Optional.empty(), "Resolved in AlertBridge by \u00c5sa \"the fixer\" <asa@example.com>:\n\tline \u2603 "
            + "\ud83d\udea8 " + "x".repeat(20_000), before1970);
    TicketChange withStatus = change("c-2", AlertState.ACCEPTED, Optional.of("In Bearbeitung \u00e9"), farAway);
    StoredAlert.Echo echo = new StoredAlert.Echo(List.of("inbearbeitung\u00e9", "", "#x", "y".repeat(1_000)), farAway);
    StoredAlert next = withEcho(open(1), echo);

    assertThat(store.commit(List.of(changing("1", 0, next, noteOnly, withStatus)))).isTrue();

    assertThat(store.read(key("1"))).contains(next);
    assertThat(store.pendingChanges(key("1"), 10)).containsExactly(PendingChange.of(key("1"), noteOnly),
        PendingChange.of(key("1"), withStatus));
    PendingChange failed = new PendingChange(key("1"), noteOnly, Integer.MAX_VALUE, before1970,
        Optional.of("x".repeat(70_000)));
    assertThat(store.updateChange(PendingChange.of(key("1"), noteOnly), failed)).isTrue();
    assertThat(store.pendingChanges(1)).containsExactly(failed);
    PendingChange emptyError = new PendingChange(key("1"), noteOnly, 0, farAway, Optional.of(""));
    assertThat(store.updateChange(PendingChange.of(key("1"), noteOnly), emptyError)).as("over what was read before")
        .isFalse();
    assertThat(store.updateChange(failed, emptyError)).isTrue();
    assertThat(store.pendingChanges(1)).as("an empty error is not no error").containsExactly(emptyError);

    String tooLong = "x".repeat(JdbcAlertStateStore.MAX_ID_LENGTH + 1);
    assertThatThrownBy(() -> store.commit(List.of(changing("2", 0, open(1), change(tooLong, AlertState.ACCEPTED,
        Optional.empty(), T0))))).isInstanceOf(StoreException.class)
        .hasMessageContaining("change id of 256 characters");
    assertThat(store.read(key("2"))).isEmpty();
    assertThatThrownBy(() -> store.updateChange(failed, new PendingChange(key("2"), noteOnly, 1, T0, Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same change");
  }

  @Test
  void aChangeRecordedTwiceInOneCommitIsKeptOnce() {
    TicketChange once = change("c-1", AlertState.ACCEPTED, Optional.of("Working"), T0);

    assertThat(store.commit(List.of(changing("1", 0, open(1), once, once)))).isTrue();

    assertThat(store.pendingChanges(10)).containsExactly(PendingChange.of(key("1"), once));
    assertThat(store.countPendingChanges()).isEqualTo(1);
  }

  @Test
  void pendingChangesOutliveTheirSweptAlert() {
    Instant expires = T0.plusSeconds(60);
    TicketChange resolved = change("c-1", AlertState.RESOLVED, Optional.of("Completed"), T0);
    store.commit(List.of(changing("1", 0, resolved(1, expires), resolved)));

    stores.sweepExpired(expires, 10);

    assertThat(store.read(key("1"))).isEmpty();
    assertThat(store.pendingChanges(key("1"), 10)).containsExactly(PendingChange.of(key("1"), resolved));
  }

  @Test
  void anOutboundChangeThatCannotBeReadIsReportedNamingItsTable() throws Exception {
    store.commit(List.of(changing("1", 0, open(1), change("c-1", AlertState.ACCEPTED, Optional.empty(), T0))));
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE " + stores.tablePrefix() + "pending_changes SET change_json = '{\"format\": 9}'");
    }

    assertThatThrownBy(() -> store.pendingChanges(10)).isInstanceOf(StoreException.class)
        .hasMessageContaining(stores.tablePrefix() + "pending_changes").hasMessageContaining("format 9");
  }

  /**
   * A node starting while another holds a transaction that read the alerts table creates the schema at
   * once: the upgrade of a column that is there already locks nothing.
   */
  @Test
  void creatingTheSchemaAgainWaitsForNoOpenTransaction() throws Exception {
    store.commit(List.of(write("1", 0, open(1))));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection reader = dataSource().getConnection()) {
      reader.setAutoCommit(false);
      try (Statement statement = reader.createStatement();
          java.sql.ResultSet rows = statement.executeQuery("SELECT * FROM " + stores.tablePrefix() + "alerts")) {
        assertThat(rows.next()).isTrue();
      }
      Future<?> starting = pool.submit(() -> builder().tablePrefix(stores.tablePrefix()).build().createSchemaIfMissing());
      starting.get(20, TimeUnit.SECONDS);
      reader.rollback();
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.read(key("1"))).contains(open(1));
  }

  /**
   * Tables created before outbound changes existed: no echo column, no table of changes, rows of alerts.
   * Nodes creating the schema at once all succeed, the rows read back without an echo, and changes and
   * echoes are kept from then on.
   */
  @Test
  void creatingTheSchemaUpgradesTablesFromBeforeOutboundChanges() throws Exception {
    String prefix = Databases.uniquePrefix();
    JdbcStores old = builder().tablePrefix(prefix).build();
    old.createSchemaIfMissing();
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE " + prefix + "pending_changes");
      statement.execute("ALTER TABLE " + prefix + "alerts DROP COLUMN echo");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "alerts (source_id, "
          + "ticket_id, state, alert_id, last_source_update, last_status, version, updated_at, expires_at, "
          + "recent_delivery_ids) VALUES ('zendesk-prod', '1', 'PENDING', 'alert-1', 1741079670, 'new', 1, "
          + "1741079700.123456789, NULL, '[]')")) {
        insert.executeUpdate();
      }
    }
    assertThatThrownBy(() -> old.stateStore().read(key("1"))).as("the old tables lack the echo column")
        .isInstanceOf(StoreException.class);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JdbcStores>> nodes = new ArrayList<>();
      for (int n = 0; n < 3; n++) {
        nodes.add(pool.submit(() -> {
          start.await();
          JdbcStores node = builder().tablePrefix(prefix).build();
          node.createSchemaIfMissing();
          return node;
        }));
      }
      start.countDown();
      for (Future<JdbcStores> node : nodes) {
        assertThat(node.get(60, TimeUnit.SECONDS).stateStore().read(key("1"))).as("read by a node that upgraded")
            .contains(new StoredAlert(AlertState.PENDING, "alert-1",
                Optional.of(T0.minusSeconds(30).minusNanos(123_456_789)), "new", 1, T0, Optional.empty(), List.of()));
      }
    } finally {
      pool.shutdownNow();
    }

    JdbcAlertStateStore upgraded = builder().tablePrefix(prefix).build().stateStore();
    StoredAlert.Echo echo = new StoredAlert.Echo(List.of("working"), T0.plusSeconds(600));
    TicketChange accepted = change("c-1", AlertState.ACCEPTED, Optional.of("Working"), T0);
    StoredAlert next = withEcho(open(2), echo);
    assertThat(upgraded.commit(List.of(changing("1", 1, next, accepted)))).isTrue();
    assertThat(upgraded.read(key("1"))).contains(next);
    assertThat(upgraded.pendingChanges(10)).containsExactly(PendingChange.of(key("1"), accepted));
    builder().tablePrefix(prefix).build().createSchemaIfMissing();
    assertThat(upgraded.read(key("1"))).as("after creating the schema once more").contains(next);
    assertThat(upgraded.countPendingChanges()).isEqualTo(1);
  }
}
