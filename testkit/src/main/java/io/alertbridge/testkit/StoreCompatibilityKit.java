package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.EventSinkException;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;
import io.alertbridge.core.Link;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.Redelivery;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The checks every {@link AlertStateStore} and {@link DeliveryLog} passes: the in-memory ones, one
 * over a database, yours. Extend it in a test class with factories, and JUnit runs:
 *
 * <ul>
 *   <li>compare-and-set: a write lands only over the expected version, and reads back as written;
 *   <li>status keys read back exactly, so that a status already applied is recognised;
 *   <li>all or nothing: a commit with one stale key writes no key and records no event;
 *   <li>versions never go back for a key, even when its expired alert is forgotten;
 *   <li>an expired resolved alert reads as absent or expired, and an open alert is never dropped;
 *   <li>the outbox: committed events are pending in commit order, per key and oldest first over all
 *       keys, bounded by {@code max}, and read back equal; {@code markApplied} removes one event and
 *       is idempotent; {@code countPendingEvents} agrees; a refused commit records no event;
 *   <li>racing writers of one key: each version has exactly one winner, and only winners' events are
 *       pending;
 *   <li>the delivery log marks an id seen once, per alert source, also under racing callers;
 *   <li>when the stores fail ({@link FaultyStores}: before or after a call, with an exception or an
 *       {@link Error}), a real {@link WebhookProcessor} with an event sink that skips applied event
 *       ids, retried, and after a crash replaced by a new processor that calls
 *       {@code redeliverPending()}, applies every event exactly once, in order per alert key.
 * </ul>
 *
 * <p>Each factory is called once or more per test, and each call must return a store holding nothing
 * (a store over a shared database clears its tables). The checks write instants of whole seconds and
 * short texts, so that any column type keeps them exactly; events must read back equal, their custom
 * details with the Java types JSON reads into (Long, Boolean, String, List, Map).
 */
public abstract class StoreCompatibilityKit {
  /** The time the checks write at: whole seconds. */
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final String SOURCE = "store-kit";
  private static final int WRITERS = 8;
  private static final int ATTEMPTS_PER_WRITER = 300;
  /** How long racing writers keep trying at most, so that a slow store bounds the test's time. */
  private static final Duration RACE_TIME = Duration.ofSeconds(10);

  /** The alert source of the failure scenario; its integration is the kit's own. */
  private static final AlertSource KIT_SOURCE = AlertSource.of("store-kit-source", "store-kit");
  /** The store calls one delivery makes, each of which may fail. */
  private static final List<FaultyStores.Call> PROCESSING_CALLS = List.of(FaultyStores.Call.CONTAINS,
      FaultyStores.Call.PENDING_EVENTS_OF_KEY, FaultyStores.Call.READ, FaultyStores.Call.COMMIT,
      FaultyStores.Call.MARK_SEEN, FaultyStores.Call.MARK_APPLIED);
  /** The store calls {@code redeliverPending()} makes. */
  private static final List<FaultyStores.Call> REDELIVERY_CALLS = List.of(FaultyStores.Call.PENDING_EVENTS,
      FaultyStores.Call.PENDING_EVENTS_OF_KEY, FaultyStores.Call.MARK_APPLIED, FaultyStores.Call.COUNT_PENDING_EVENTS);
  private static final int MAX_ATTEMPTS = 5;
  /** The scenario's deliveries, each answered before the next is sent; retries recognisable by time. */
  private static final List<Sent> DELIVERIES = List.of(
      sent("d-1", ticket("1", "New", 1)),
      sent("d-2", ticket("2", "New", 2), ticket("3", "New", 3)),
      sent("d-3", ticket("1", "Working", 4)),
      sent("d-4", ticket("2", "Working", 5), ticket("2", "Closed", 6)));
  /** The delivery whose events are committed when the process dies. */
  private static final Sent DYING = sent("d-5", ticket("3", "Working", 7), ticket("1", "Closed", 8));
  private static final Map<String, List<EventType>> EXPECTED_EVENTS = Map.of(
      "1", List.of(EventType.ALERT, EventType.ACCEPT, EventType.RESOLVE),
      "2", List.of(EventType.ALERT, EventType.ACCEPT, EventType.RESOLVE),
      "3", List.of(EventType.ALERT, EventType.ACCEPT));

  private volatile long raceEnds;

  /** For subclasses. */
  protected StoreCompatibilityKit() {}

  /** @return a new state store under test, holding nothing */
  protected abstract AlertStateStore newStateStore();

  /** @return a new delivery log under test, holding nothing */
  protected abstract DeliveryLog newDeliveryLog();

  /**
   * Lets a store forget expired alerts now, for stores that purge on demand. The default does
   * nothing: every check holds whether or not expired alerts are purged.
   *
   * @param store a store from {@link #newStateStore()}
   * @param now the time to purge at
   */
  protected void purgeExpired(AlertStateStore store, Instant now) {}

  // ---------------------------------------------------------------------------------- compare-and-set

  /** The first write of a key lands once; a write over a stale version lands never. */
  @Test
  public void compareAndSetWritesOnlyOverTheExpectedVersion() {
    AlertStateStore store = newStateStore();
    AlertKey key = key("cas");
    AlertWrite created = write(key, 0, alert(AlertState.PENDING, 1));

    assertThat(store.read(key)).as("a key never written").isEmpty();
    assertThat(store.commit(List.of(created))).as("the first write over version 0").isTrue();
    StoredAlert first = assertReadsAsWritten(store, created);
    assertThat(store.commit(List.of(write(key, 0, alert(AlertState.ACCEPTED, 1))))).as("version 0 again").isFalse();
    assertThat(store.read(key)).as("after a stale write over version 0").contains(first);

    AlertWrite accepted = write(key, first.version(), alert(AlertState.ACCEPTED, first.version() + 1));
    assertThat(store.commit(List.of(accepted))).as("a write over the version read").isTrue();
    assertReadsAsWritten(store, accepted);
    for (long stale : new long[] {first.version(), first.version() + 2}) {
      AlertWrite lost = write(key, stale, alert(AlertState.RESOLVED, stale + 1));
      assertThat(store.commit(List.of(lost))).as("a write over version %d, not the stored one", stale).isFalse();
      assertThat(store.read(key)).as("after the stale write over version %d", stale).contains(accepted.next());
    }
  }

  /** Every field reads back equal: states, empty and present times, texts beyond ASCII. */
  @Test
  public void readReturnsExactlyWhatWasWritten() {
    AlertStateStore store = newStateStore();
    List<StoredAlert> shapes = List.of(
        new StoredAlert(AlertState.PENDING, "0b7e-4f1a", Optional.empty(), "new", 1, NOW, Optional.empty(),
            List.of()),
        new StoredAlert(AlertState.ACCEPTED, "alert/2", Optional.of(NOW.minusSeconds(90)), "in bearbeitung", 1,
            NOW, Optional.empty(), List.of()),
        new StoredAlert(AlertState.RESOLVED, "\u00e9t\u00e9 \u2014 \u4e2d", Optional.of(NOW.minusSeconds(30)),
            "r\u00e9solu", 1, NOW.plusSeconds(1), Optional.of(NOW.plusSeconds(86_400)), List.of()));
    List<AlertWrite> writes = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      writes.add(write(key("shape-" + i), 0, shapes.get(i)));
    }

    assertThat(store.commit(writes)).isTrue();
    for (AlertWrite created : writes) {
      StoredAlert read = assertReadsAsWritten(store, created);
      AlertWrite next = write(created.key(), read.version(), withVersion(created.next(), read.version() + 1));
      assertThat(store.commit(List.of(next))).as("rewriting %s", created.key()).isTrue();
      assertReadsAsWritten(store, next);
    }
  }

  /**
   * Status keys ({@link StoredAlert#lastStatusKey()}) read back exactly in every shape core writes,
   * and earlier releases wrote: a folded label with and without an id, an id alone, a label beyond
   * ASCII and one longer than 255 characters. A processor reading the key back recognises a status it
   * already applied, however the tool spells it, and writes nothing.
   */
  @Test
  public void statusKeysReadBackExactlyAndRecogniseAStatusAlreadyApplied() {
    AlertStateStore store = newStateStore();
    List<String> statusKeys = List.of("inprogress#3", "#7", "new", "inbearbeitung", "r\u00e9solu#12",
        "x".repeat(300) + "#1");
    List<AlertWrite> writes = new ArrayList<>();
    for (int i = 0; i < statusKeys.size(); i++) {
      writes.add(write(key("status-" + i), 0, new StoredAlert(AlertState.ACCEPTED,
          "5b32a824-0f14-493e-9909-0a2aefd0e7" + (10 + i), Optional.of(NOW.minusSeconds(60)), statusKeys.get(i), 1,
          NOW, Optional.empty(), List.of())));
    }
    assertThat(store.commit(writes)).isTrue();
    writes.forEach(written -> assertReadsAsWritten(store, written));

    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new KitIntegration()))
        .clock(TestClock.at(NOW)).stateStore(store).deliveryLog(newDeliveryLog()).build();
    AlertKey ticket = new AlertKey(KIT_SOURCE.id(), "status");
    assertThat(processor.process(KIT_SOURCE, sent("status-1", ticket("status", "Working", 1)).delivery()).outcome())
        .isEqualTo(Outcome.CREATED);
    StoredAlert created = store.read(ticket).orElseThrow();
    assertThat(created.lastStatusKey()).isEqualTo("working");
    ProcessingResult again = processor.process(KIT_SOURCE, sent("status-2", ticket("status", "WORKING", 1)).delivery());
    assertThat(again.outcome()).as(again.explanation().toText()).isEqualTo(Outcome.UNCHANGED);
    assertThat(store.read(ticket)).as("a status already applied writes nothing").contains(created);
  }

  // ---------------------------------------------------------------------------------- all or nothing

  /** Wherever the stale key stands in the commit, no key is written and no event recorded. */
  @Test
  public void aCommitWithOneStaleKeyWritesNothing() {
    for (int stalePosition = 0; stalePosition < 3; stalePosition++) {
      AlertStateStore store = newStateStore();
      AlertKey absent = key("absent");
      AlertKey open = key("open");
      AlertKey raced = key("raced");
      long openVersion = create(store, open, AlertState.PENDING);
      long racedVersion = create(store, raced, AlertState.PENDING);
      AlertWrite racer = write(raced, racedVersion, alert(AlertState.ACCEPTED, racedVersion + 1));
      assertThat(store.commit(List.of(racer))).isTrue();
      List<AlertWrite> batch = new ArrayList<>(List.of(
          write(absent, 0, alert(AlertState.PENDING, 1), event(absent, "e-absent")),
          write(open, openVersion, alert(AlertState.ACCEPTED, openVersion + 1), event(open, "e-open"))));
      batch.add(stalePosition, write(raced, racedVersion, alert(AlertState.RESOLVED, racedVersion + 1),
          event(raced, "e-raced")));
      StoredAlert openBefore = store.read(open).orElseThrow();

      assertThat(store.commit(batch)).as("a commit whose key %d is stale", stalePosition).isFalse();

      String after = "after the commit whose key " + stalePosition + " was stale";
      assertThat(store.read(absent)).as(after).isEmpty();
      assertThat(store.read(open)).as(after).contains(openBefore);
      assertThat(store.read(raced)).as(after).contains(racer.next());
      assertThat(store.countPendingEvents()).as(after).isZero();
      assertThat(store.pendingEvents(100)).as(after).isEmpty();
    }
  }

  /** The same commit without the stale key writes every key. */
  @Test
  public void aCommitOfSeveralKeysWritesThemAll() {
    AlertStateStore store = newStateStore();
    AlertKey open = key("open");
    long openVersion = create(store, open, AlertState.PENDING);
    List<AlertWrite> batch = List.of(
        write(key("new"), 0, alert(AlertState.PENDING, 1)),
        write(open, openVersion, alert(AlertState.RESOLVED, openVersion + 1)),
        write(key("other"), 0, alert(AlertState.ACCEPTED, 1)));

    assertThat(store.commit(batch)).isTrue();

    batch.forEach(written -> assertReadsAsWritten(store, written));
  }

  // ---------------------------------------------------------------------------------- versions and expiry

  /**
   * A resolved alert expires and may be forgotten; the key's next alert, written over what is read
   * then, gets a version above every version the key had, so a writer holding an old version fails.
   * Three rounds, so that a floor that rises once is not enough.
   */
  @Test
  public void versionsNeverGoBackWhenAnExpiredAlertIsForgotten() {
    AlertStateStore store = newStateStore();
    AlertKey key = key("expiring");
    List<Long> versions = new ArrayList<>();
    Instant now = NOW;
    for (int round = 1; round <= 3; round++) {
      long reopened = writeOver(store, key, AlertState.PENDING, now, Optional.empty()).version();
      assertThat(versions).as("round %d: the versions the key had", round)
          .allMatch(old -> old < reopened, "below the new alert's version " + reopened);
      versions.add(reopened);
      versions.add(writeOver(store, key, AlertState.ACCEPTED, now, Optional.empty()).version());
      StoredAlert resolved = writeOver(store, key, AlertState.RESOLVED, now, Optional.of(now.plusSeconds(60)));
      versions.add(resolved.version());
      now = now.plusSeconds(120);

      purgeExpired(store, now);

      assertThat(store.read(key)).as("round %d: the expired alert, forgotten or kept as it was", round)
          .satisfiesAnyOf(read -> assertThat(read).isEmpty(), read -> assertThat(read).contains(resolved));
    }
    long latest = writeOver(store, key, AlertState.PENDING, now, Optional.empty()).version();

    assertThat(versions).as("the versions the key had").allMatch(old -> old < latest, "below the latest " + latest);
    for (long old : versions) {
      AlertWrite stale = write(key, old, alert(AlertState.RESOLVED, old + 1));
      assertThat(store.commit(List.of(stale))).as("a write holding old version %d", old).isFalse();
    }
    assertThat(store.commit(List.of(write(key, 0, alert(AlertState.PENDING, 1))))).as("a write over absent").isFalse();
    assertThat(store.read(key).map(StoredAlert::version)).contains(latest);
  }

  /** An alert resolved long enough ago reads as absent or as expired; one resolved lately does not. */
  @Test
  public void anExpiredResolvedAlertReadsAsAbsentOrExpired() {
    AlertStateStore store = newStateStore();
    AlertKey expired = key("expired");
    AlertKey recent = key("recent");
    AlertWrite resolvedRecently =
        write(recent, 0, alert(AlertState.RESOLVED, 1, NOW, Optional.of(NOW.plusSeconds(3600))));
    assertThat(store.commit(List.of(
        write(expired, 0, alert(AlertState.RESOLVED, 1, NOW.minusSeconds(600), Optional.of(NOW.minusSeconds(1)))),
        resolvedRecently))).isTrue();

    purgeExpired(store, NOW);

    assertThat(store.read(expired)).as("a resolved alert past its expiry").satisfiesAnyOf(
        read -> assertThat(read).isEmpty(),
        read -> assertThat(read).hasValueSatisfying(stored -> assertThat(stored.isExpired(NOW)).isTrue()));
    StoredAlert kept = assertReadsAsWritten(store, resolvedRecently);
    assertThat(kept.isExpired(NOW)).isFalse();
  }

  /** Open alerts have no expiry, and no purge, however late, drops them. */
  @Test
  public void anOpenAlertIsNeverDropped() {
    AlertStateStore store = newStateStore();
    Instant longAgo = NOW.minusSeconds(400L * 86_400);
    List<AlertWrite> open = List.of(
        write(key("pending"), 0, alert(AlertState.PENDING, 1, longAgo, Optional.empty())),
        write(key("accepted"), 0, alert(AlertState.ACCEPTED, 1, longAgo, Optional.empty())));
    assertThat(store.commit(open)).isTrue();

    for (Instant later : List.of(NOW, NOW.plusSeconds(365L * 86_400))) {
      purgeExpired(store, later);
      assertThat(store.commit(List.of(write(key("unrelated-" + later.getEpochSecond()), 0,
          alert(AlertState.RESOLVED, 1, later, Optional.of(later)))))).isTrue();

      open.forEach(written -> assertReadsAsWritten(store, written));
    }
  }

  // ---------------------------------------------------------------------------------- the outbox

  /**
   * Committed events are pending in commit order: per key, and over all keys oldest first (events of
   * one commit in any order among keys); a bound returns the oldest only.
   */
  @Test
  public void pendingEventsAreListedInCommitOrder() {
    AlertStateStore store = newStateStore();
    AlertKey a = key("a");
    AlertKey b = key("b");
    AlertEvent a1 = event(a, "a-1", EventType.ALERT);
    AlertEvent a2 = event(a, "a-2", EventType.ACCEPT);
    AlertEvent b1 = event(b, "b-1", EventType.ALERT);
    AlertEvent a3 = event(a, "a-3", EventType.RESOLVE);
    AlertEvent b2 = event(b, "b-2", EventType.ACCEPT);
    assertThat(store.commit(List.of(write(a, 0, alert(AlertState.PENDING, 1), a1, a2),
        write(b, 0, alert(AlertState.PENDING, 1), b1)))).isTrue();
    writeOver(store, a, AlertState.RESOLVED, NOW, Optional.of(NOW.plusSeconds(3600)), a3);
    writeOver(store, b, AlertState.ACCEPTED, NOW, Optional.empty(), b2);
    List<List<PendingEvent>> commits = List.of(pending(a1, a2, b1), pending(a3), pending(b2));

    assertThat(store.pendingEvents(a, 10)).isEqualTo(pending(a1, a2, a3));
    assertThat(store.pendingEvents(a, 2)).isEqualTo(pending(a1, a2));
    assertThat(store.pendingEvents(a, 1)).isEqualTo(pending(a1));
    assertThat(store.pendingEvents(b, 10)).isEqualTo(pending(b1, b2));
    assertThat(store.pendingEvents(key("none"), 10)).isEmpty();
    for (int max = 1; max <= 6; max++) {
      assertOldestFirst(store.pendingEvents(max), commits, max);
    }
    assertThat(store.countPendingEvents()).isEqualTo(5);
  }

  /** markApplied removes the one event named, does nothing when repeated, and the count follows. */
  @Test
  public void markAppliedRemovesExactlyOneEventAndIsIdempotent() {
    AlertStateStore store = newStateStore();
    AlertKey a = key("a");
    AlertKey b = key("b");
    AlertEvent a1 = event(a, "a-1", EventType.ALERT);
    AlertEvent a2 = event(a, "a-2", EventType.ACCEPT);
    AlertEvent a3 = event(a, "a-3", EventType.RESOLVE);
    AlertEvent b1 = event(b, "b-1", EventType.ALERT);
    assertThat(store.commit(List.of(write(a, 0, alert(AlertState.PENDING, 1), a1, a2, a3),
        write(b, 0, alert(AlertState.PENDING, 1), b1)))).isTrue();

    for (int repeat = 0; repeat < 2; repeat++) {
      store.markApplied(a, a2.eventId());
      assertThat(store.pendingEvents(a, 10)).as("after marking a-2 applied").isEqualTo(pending(a1, a3));
      assertThat(store.pendingEvents(10)).as("after marking a-2 applied").containsExactlyInAnyOrderElementsOf(
          pending(a1, a3, b1));
      assertThat(store.countPendingEvents()).as("after marking a-2 applied").isEqualTo(3);
    }
    store.markApplied(a, "never-recorded");
    assertThat(store.countPendingEvents()).as("after marking an unknown id applied").isEqualTo(3);
    store.markApplied(b, b1.eventId());
    assertThat(store.pendingEvents(b, 10)).isEmpty();
    store.markApplied(a, a1.eventId());
    store.markApplied(a, a3.eventId());
    assertThat(store.pendingEvents(a, 10)).isEmpty();
    assertThat(store.pendingEvents(10)).isEmpty();
    assertThat(store.countPendingEvents()).isZero();

    AlertEvent a4 = event(a, "a-4", EventType.ALERT);
    writeOver(store, a, AlertState.PENDING, NOW, Optional.empty(), a4);
    assertThat(store.pendingEvents(a, 10)).as("a key's events after all were applied").isEqualTo(pending(a4));
    assertThat(store.countPendingEvents()).isEqualTo(1);
  }

  /** A commit that is refused records none of its events, whatever was stale. */
  @Test
  public void aRefusedCommitRecordsNoPendingEvent() {
    AlertStateStore store = newStateStore();
    AlertKey a = key("a");
    AlertEvent a1 = event(a, "a-1", EventType.ALERT);
    writeOver(store, a, AlertState.PENDING, NOW, Optional.empty(), a1);
    long version = store.read(a).orElseThrow().version();

    assertThat(store.commit(List.of(write(a, 0, alert(AlertState.PENDING, 1), event(a, "x-1", EventType.ALERT)))))
        .as("over version 0, when one is stored").isFalse();
    assertThat(store.commit(List.of(write(a, version + 1, alert(AlertState.ACCEPTED, version + 2),
        event(a, "x-2", EventType.ACCEPT))))).as("over a version not yet written").isFalse();
    assertThat(store.commit(List.of(write(key("absent"), 3, alert(AlertState.ACCEPTED, 4),
        event(key("absent"), "x-3", EventType.ACCEPT))))).as("over a version, when nothing is stored").isFalse();

    assertThat(store.pendingEvents(a, 10)).isEqualTo(pending(a1));
    assertThat(store.pendingEvents(key("absent"), 10)).isEmpty();
    assertThat(store.pendingEvents(10)).isEqualTo(pending(a1));
    assertThat(store.countPendingEvents()).isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------- concurrency

  /**
   * Writers race on one key, each reading and then writing the next version with an event: every
   * version has exactly one winner, the key ends at its first version plus the number of wins, and
   * exactly the winners' events are pending, in version order.
   *
   * @throws Exception when a writer fails or is interrupted
   */
  @Test
  public void concurrentWritersOfOneKeyWinOncePerVersion() throws Exception {
    AlertStateStore store = newStateStore();
    AlertKey key = key("contended");
    long first = create(store, key, AlertState.PENDING);
    Map<Long, String> winners = new ConcurrentHashMap<>();
    Queue<String> doubleWins = new ConcurrentLinkedQueue<>();

    race(WRITERS, writer -> {
      for (int attempt = 0; attempt < ATTEMPTS_PER_WRITER && stillRacing(); attempt++) {
        long read = store.read(key).orElseThrow().version();
        String id = "writer-" + writer + "-" + attempt;
        StoredAlert next = new StoredAlert(AlertState.ACCEPTED, id, Optional.empty(), "working", read + 1, NOW,
            Optional.empty(), List.of());
        if (store.commit(List.of(write(key, read, next, event(key, id, EventType.ACCEPT))))) {
          String earlier = winners.putIfAbsent(read + 1, id);
          if (earlier != null) {
            doubleWins.add("version " + (read + 1) + " won by " + earlier + " and " + id);
          }
        }
      }
    });

    assertThat(doubleWins).as("versions won twice").isEmpty();
    assertThat(winners).as("wins").isNotEmpty();
    StoredAlert last = store.read(key).orElseThrow();
    assertThat(last.version()).as("the last version, first written as %d", first).isEqualTo(first + winners.size());
    assertThat(new TreeMap<>(winners).firstKey()).isEqualTo(first + 1);
    assertThat(last.alertId()).as("the last winner's alert").isEqualTo(winners.get(last.version()));
    List<String> winningEvents = new TreeMap<>(winners).values().stream().toList();
    assertThat(store.pendingEvents(key, winners.size() + 1)).as("the pending events, in version order")
        .extracting(pending -> pending.event().eventId()).isEqualTo(winningEvents);
    assertThat(store.countPendingEvents()).isEqualTo(winners.size());
  }

  /**
   * Racing threads mark the same delivery ids seen: each id is new to exactly one of them.
   *
   * @throws Exception when a thread fails or is interrupted
   */
  @Test
  public void markSeenIsNewToExactlyOneOfConcurrentCallers() throws Exception {
    DeliveryLog log = newDeliveryLog();
    int ids = 100;
    AtomicIntegerArray firsts = new AtomicIntegerArray(ids);

    race(WRITERS, thread -> {
      for (int i = 0; i < ids; i++) {
        int id = (i + thread * 13) % ids;
        if (log.markSeen(SOURCE, "d-" + id, NOW)) {
          firsts.incrementAndGet(id);
        }
      }
    });

    for (int id = 0; id < ids; id++) {
      assertThat(firsts.get(id)).as("callers to whom d-%d was new", id).isEqualTo(1);
      assertThat(log.contains(SOURCE, "d-" + id, NOW)).isTrue();
    }
  }

  // ---------------------------------------------------------------------------------- delivery log

  /** The first markSeen of an id is true and every later one false; contains agrees. */
  @Test
  public void deliveryLogMarksAnIdSeenOnce() {
    DeliveryLog log = newDeliveryLog();

    assertThat(log.contains(SOURCE, "d-1", NOW)).as("before markSeen").isFalse();
    assertThat(log.markSeen(SOURCE, "d-1", NOW)).as("first markSeen").isTrue();
    assertThat(log.contains(SOURCE, "d-1", NOW)).as("after markSeen").isTrue();
    assertThat(log.markSeen(SOURCE, "d-1", NOW)).as("second markSeen").isFalse();
    assertThat(log.markSeen(SOURCE, "d-1", NOW.plusSeconds(1))).as("markSeen a second later").isFalse();
    assertThat(log.contains(SOURCE, "d-2", NOW)).as("another id").isFalse();
    assertThat(log.markSeen(SOURCE, "d-2", NOW)).as("another id").isTrue();
  }

  /** The same delivery id from two sources is two deliveries, however the two ids could be joined. */
  @Test
  public void deliveryIdsAreScopedBySource() {
    DeliveryLog log = newDeliveryLog();
    assertThat(log.markSeen("source-a", "d-1", NOW)).isTrue();

    assertThat(log.contains("source-b", "d-1", NOW)).isFalse();
    assertThat(log.markSeen("source-b", "d-1", NOW)).isTrue();
    assertThat(log.markSeen("ab", "c", NOW)).isTrue();
    assertThat(log.contains("a", "bc", NOW)).as("\"a\" + \"bc\" after \"ab\" + \"c\"").isFalse();
    assertThat(log.markSeen("a", "bc", NOW)).isTrue();
    assertThat(log.contains("source-a", "d-1", NOW)).isTrue();
  }

  // ---------------------------------------------------------------------------------- when the stores fail

  /**
   * A store call fails before it reaches the store, once in every delivery, for each kind of call a
   * delivery makes: after retries, and a crash repaired by a new processor, every event reaches the
   * sink once, in order per key, and nothing else does.
   */
  @Test
  public void failuresBeforeAStoreCallLoseNoEvent() {
    for (FaultyStores.Call call : PROCESSING_CALLS) {
      assertEveryEventAppliedOnce(new Injected(call, FaultyStores.Fault.BEFORE), Injected.NOTHING);
    }
  }

  /**
   * A store call completes and then fails, so the processor does not know it happened, once in every
   * delivery: no event is lost, and none is applied twice or decided again under a new alert.
   */
  @Test
  public void failuresAfterAStoreCallCompletedRepeatNoEvent() {
    for (FaultyStores.Call call : PROCESSING_CALLS) {
      assertEveryEventAppliedOnce(new Injected(call, FaultyStores.Fault.AFTER), Injected.NOTHING);
    }
  }

  /** A store throws an {@link Error}, before or after the call completes: the same holds. */
  @Test
  public void errorsThrownByAStoreLoseAndRepeatNoEvent() {
    for (FaultyStores.Call call : PROCESSING_CALLS) {
      assertEveryEventAppliedOnce(new Injected(call, FaultyStores.Fault.ERROR_BEFORE), Injected.NOTHING);
      assertEveryEventAppliedOnce(new Injected(call, FaultyStores.Fault.ERROR_AFTER), Injected.NOTHING);
    }
  }

  /**
   * The process dies with events committed but not handed over; a new processor over the same
   * stores hands them over with {@code redeliverPending()}, also when its first attempts fail.
   */
  @Test
  public void eventsPendingAtACrashReachTheSinkThroughANewProcessor() {
    assertEveryEventAppliedOnce(Injected.NOTHING, Injected.NOTHING);
    for (FaultyStores.Call call : REDELIVERY_CALLS) {
      for (FaultyStores.Fault fault : FaultyStores.Fault.values()) {
        assertEveryEventAppliedOnce(Injected.NOTHING, new Injected(call, fault));
      }
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  private static AlertKey key(String ticketId) {
    return new AlertKey(SOURCE, ticketId);
  }

  private static StoredAlert alert(AlertState state, long version) {
    return alert(state, version, NOW, Optional.empty());
  }

  private static StoredAlert alert(AlertState state, long version, Instant updatedAt, Optional<Instant> expiresAt) {
    return new StoredAlert(state, "alert-" + updatedAt.getEpochSecond(), Optional.of(updatedAt.minusSeconds(5)),
        state.name().toLowerCase(Locale.ROOT), version, updatedAt, expiresAt, List.of());
  }

  private static StoredAlert withVersion(StoredAlert alert, long version) {
    return new StoredAlert(alert.state(), alert.alertId(), alert.lastSourceUpdate(), alert.lastStatusKey(), version,
        alert.updatedAt(), alert.expiresAt(), List.of());
  }

  private static AlertWrite write(AlertKey key, long expectedVersion, StoredAlert next, AlertEvent... events) {
    return new AlertWrite(key, expectedVersion, next, List.of(events));
  }

  private static AlertEvent event(AlertKey key, String eventId) {
    return event(key, eventId, EventType.ALERT);
  }

  /** An event with every field used, so that a store that serialises events must keep them all. */
  private static AlertEvent event(AlertKey key, String eventId, EventType type) {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("team", "Datenbank \u00e9quipe");
    custom.put("count", 3L);
    custom.put("urgent", true);
    custom.put("tags", List.of("db", "eu-west"));
    custom.put("owner", Map.of("name", "Ana"));
    return new AlertEvent(eventId, "alert-of-" + key.ticketId(), type, key.ticketId(), "Disk full on db-" + eventId,
        "Line one\nline \"two\"", type == EventType.ALERT ? Priority.HIGH : Priority.LOW,
        List.of(new Link("https://tickets.example/" + key.ticketId(), "ticket")), custom, key.sourceId(), "New",
        switch (type) {
          case ALERT -> Set.of();
          case ACCEPT -> Set.of(AlertEvent.Field.SUMMARY, AlertEvent.Field.DETAILS);
          case RESOLVE -> Set.of(AlertEvent.Field.DETAILS);
        });
  }

  private static List<PendingEvent> pending(AlertEvent... events) {
    List<PendingEvent> pending = new ArrayList<>();
    for (AlertEvent event : events) {
      pending.add(new PendingEvent(new AlertKey(event.sourceId(), event.ticketId()), event));
    }
    return pending;
  }

  /**
   * Checks a listing of at most {@code max} pending events over all keys: the oldest first, that is
   * whole commits in commit order (any order among the keys of one commit), each key's events in order.
   */
  private static void assertOldestFirst(List<PendingEvent> listed, List<List<PendingEvent>> commits, int max) {
    List<PendingEvent> all = commits.stream().flatMap(List::stream).toList();
    List<PendingEvent> oldest = all.subList(0, Math.min(max, all.size()));
    assertThat(listed).as("pendingEvents(%d)", max).hasSize(oldest.size()).doesNotHaveDuplicates();
    assertThat(listed).as("pendingEvents(%d), by commit", max).extracting(pending -> commitOf(pending, commits))
        .isEqualTo(oldest.stream().map(pending -> commitOf(pending, commits)).toList());
    for (PendingEvent pending : listed) {
      AlertKey key = pending.key();
      List<PendingEvent> ofKey = listed.stream().filter(p -> p.key().equals(key)).toList();
      List<PendingEvent> allOfKey = all.stream().filter(p -> p.key().equals(key)).toList();
      assertThat(ofKey).as("pendingEvents(%d) of %s", max, key).isEqualTo(allOfKey.subList(0, ofKey.size()));
    }
  }

  private static int commitOf(PendingEvent pending, List<List<PendingEvent>> commits) {
    for (int i = 0; i < commits.size(); i++) {
      if (commits.get(i).contains(pending)) {
        return i;
      }
    }
    throw new AssertionError("a pending event never committed: " + pending);
  }

  /** Runs {@code body} on {@code threads} threads started together, and rethrows what any of them threw. */
  private void race(int threads, ThrowingIntConsumer body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int thread = i;
        running.add(pool.submit(() -> {
          start.await();
          body.accept(thread);
          return null;
        }));
      }
      raceEnds = System.nanoTime() + RACE_TIME.toNanos();
      start.countDown();
      for (Future<?> thread : running) {
        thread.get(RACE_TIME.toSeconds() * 6, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean stillRacing() {
    return System.nanoTime() - raceEnds < 0;
  }

  /** A thread's part in {@link #race}. */
  @FunctionalInterface
  private interface ThrowingIntConsumer {
    void accept(int thread) throws Exception;
  }

  /** Writes a key's first alert and returns the version the store gave it. */
  private static long create(AlertStateStore store, AlertKey key, AlertState state) {
    AlertWrite created = write(key, 0, alert(state, 1));
    assertThat(store.commit(List.of(created))).as("creating %s", key).isTrue();
    return assertReadsAsWritten(store, created).version();
  }

  /** Writes over whatever is read (nothing, or an expired alert), and returns what was written. */
  private static StoredAlert writeOver(AlertStateStore store, AlertKey key, AlertState state, Instant now,
      Optional<Instant> expiresAt, AlertEvent... events) {
    long expected = store.read(key).map(StoredAlert::version).orElse(0L);
    AlertWrite next = write(key, expected, alert(state, expected + 1, now, expiresAt), events);
    assertThat(store.commit(List.of(next))).as("writing %s over version %d", state, expected).isTrue();
    return assertReadsAsWritten(store, next);
  }

  /**
   * Reads the key back: exactly {@code next} when written over a version; over version 0, the store
   * may have given a greater version (to stay above a forgotten alert's), but nothing else differs.
   */
  private static StoredAlert assertReadsAsWritten(AlertStateStore store, AlertWrite write) {
    Optional<StoredAlert> read = store.read(write.key());
    assertThat(read).as("%s after it was written over version %d", write.key(), write.expectedVersion()).isPresent();
    StoredAlert stored = read.get();
    if (write.expectedVersion() == 0) {
      assertThat(stored.version()).as("version of %s, first written as %d", write.key(), write.next().version())
          .isGreaterThanOrEqualTo(write.next().version());
      assertThat(withVersion(stored, write.next().version())).as("%s read back", write.key()).isEqualTo(write.next());
    } else {
      assertThat(stored).as("%s read back", write.key()).isEqualTo(write.next());
    }
    return stored;
  }

  // ---------------------------------------------------------------------------------- the failure scenario

  /**
   * Sends the scenario's deliveries through a processor over the stores under test, planning a fault
   * before each; retries each delivery until it is answered, and sends it once more, as a sender that
   * missed the answer does. The last delivery's events are committed and the process dies before the
   * sink applies them; a new processor redelivers them. The sink, which skips event ids it has
   * applied, must then have applied exactly the expected events, in order per ticket.
   */
  private void assertEveryEventAppliedOnce(Injected whileProcessing, Injected afterRestart) {
    String scenario = whileProcessing + " in every delivery, " + afterRestart + " after the restart";
    AlertStateStore store = newStateStore();
    DeliveryLog log = newDeliveryLog();
    DedupingSink sink = new DedupingSink();
    FaultyStores dying = FaultyStores.wrap(store, log);
    WebhookProcessor processor = processor(dying, sink);
    for (Sent sent : DELIVERIES) {
      whileProcessing.planOn(dying);
      retried(() -> processor.process(KIT_SOURCE, sent.delivery()), scenario + ", delivery " + sent.id());
      assertThat(dying.waiting()).as("%s: the fault planned for delivery %s fired", scenario, sent.id()).isZero();
      processor.process(KIT_SOURCE, sent.delivery());
    }
    sink.down = true;
    assertThatThrownBy(() -> processor.process(KIT_SOURCE, DYING.delivery())).as(scenario)
        .isInstanceOf(EventSinkException.class);
    sink.down = false;

    FaultyStores restarted = FaultyStores.wrap(store, log);
    afterRestart.planOn(restarted);
    WebhookProcessor newProcessor = processor(restarted, sink);
    Redelivery redelivery = retried(newProcessor::redeliverPending, scenario + ", redelivery");

    assertThat(restarted.waiting()).as("%s: the fault planned for the redelivery fired", scenario).isZero();
    assertThat(redelivery.pending()).as("%s: pending after the redelivery", scenario).isZero();
    assertThat(store.countPendingEvents()).as("%s: pending in the store", scenario).isZero();
    List<AlertEvent> applied = sink.applied();
    Map<String, List<EventType>> byTicket = new TreeMap<>();
    Map<String, Set<String>> alertsByTicket = new TreeMap<>();
    for (AlertEvent event : applied) {
      byTicket.computeIfAbsent(event.ticketId(), ticket -> new ArrayList<>()).add(event.eventType());
      alertsByTicket.computeIfAbsent(event.ticketId(), ticket -> new TreeSet<>()).add(event.alertId());
    }
    assertThat(byTicket).as("%s: the events applied per ticket, in order; applied were %s", scenario,
        applied.stream().map(e -> e.ticketId() + ":" + e.eventType() + " of alert " + e.alertId()).toList())
        .isEqualTo(EXPECTED_EVENTS);
    assertThat(alertsByTicket).as("%s: the alerts per ticket", scenario).allSatisfy((ticket, alerts) ->
        assertThat(alerts).as("the alerts of ticket %s", ticket).hasSize(1));
  }

  private static WebhookProcessor processor(FaultyStores stores, AlertEventSink sink) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new KitIntegration())).clock(TestClock.at(NOW))
        .stateStore(stores.stateStore()).deliveryLog(stores.deliveryLog()).eventSink(sink).build();
  }

  /** Calls until no {@link UnavailableException} is thrown (the host answers 503 and the sender retries). */
  private static <T> T retried(Supplier<T> call, String what) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (UnavailableException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new AssertionError(what + ": still failing after " + attempt + " attempts", e);
        }
      }
    }
  }

  private static Sent sent(String id, String... tickets) {
    return new Sent(id, tickets.length == 1 ? tickets[0] : "[" + String.join(", ", tickets) + "]");
  }

  private static String ticket(String id, String status, int minute) {
    return String.format(Locale.ROOT, "{\"id\": \"%s\", \"status\": \"%s\", \"updatedAt\": \"2025-03-04T09:%02d:00Z\"}",
        id, status, minute);
  }

  /** One delivery of the scenario. */
  private record Sent(String id, String body) {
    Delivery delivery() {
      return Delivery.of(Headers.of("X-Delivery-Id", id), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A fault planned on each delivery, or on the restarted processor; or none. */
  private record Injected(FaultyStores.Call call, FaultyStores.Fault fault) {
    static final Injected NOTHING = new Injected(null, null);

    void planOn(FaultyStores stores) {
      if (call != null) {
        stores.failNext(call, fault);
      }
    }

    @Override
    public String toString() {
      return call == null ? "no fault" : fault + " on " + call;
    }
  }

  /** The host's sink as the guarantee asks for: it skips event ids it has already applied. */
  private static final class DedupingSink implements AlertEventSink {
    private final Map<String, AlertEvent> applied = new LinkedHashMap<>();
    private volatile boolean down;

    @Override
    public synchronized void apply(AlertEvent event) {
      if (down) {
        throw new IllegalStateException("the host's database is down");
      }
      applied.putIfAbsent(event.eventId(), event);
    }

    synchronized List<AlertEvent> applied() {
      return List.copyOf(applied.values());
    }
  }

  /**
   * The smallest integration: a JSON object {@code {"id": "1", "status": "New", "updatedAt": "..."}}
   * or an array of them; New creates, Working accepts, Closed resolves; the {@code X-Delivery-Id}
   * header is the delivery id.
   */
  private static final class KitIntegration implements Integration {
    private static final StatusMappingTable TABLE = StatusMappingTable.builder()
        .row(LifecycleRule.of(WhenAbsent.CREATE, WhenOpen.KEEP), "New")
        .row(LifecycleRule.of(WhenAbsent.CREATE, WhenOpen.ACCEPT), "Working")
        .row(LifecycleRule.of(WhenAbsent.IGNORE, WhenOpen.RESOLVE), "Closed")
        .otherwise(LifecycleRule.of(WhenAbsent.IGNORE, WhenOpen.KEEP))
        .build();

    @Override
    public String name() {
      return KIT_SOURCE.integration();
    }

    @Override
    public DeliveryParser parser() {
      return (delivery, context) -> {
        Object body = Json.parse(delivery.body(), context.limits());
        List<TicketSnapshot> snapshots = new ArrayList<>();
        for (Object ticket : body instanceof List<?> batch ? batch : List.of(body)) {
          JsonObject fields = JsonObject.root(ticket);
          snapshots.add(TicketSnapshot.builder(fields.requiredId("id"), CodedValue.of(fields.requiredString("status")))
              .sourceUpdatedAt(Instant.parse(fields.requiredString("updatedAt"))).build());
        }
        return snapshots;
      };
    }

    @Override
    public StatusMappingTable defaultTable() {
      return TABLE;
    }

    @Override
    public PriorityMapping priorityMapping() {
      return PriorityMapping.builder().build();
    }

    @Override
    public Optional<String> deliveryId(Delivery delivery) {
      return delivery.headers().first("X-Delivery-Id");
    }
  }
}
