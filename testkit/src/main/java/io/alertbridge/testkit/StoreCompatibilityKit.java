package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.alertbridge.core.AlertChange;
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
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.Redelivery;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackPolicy;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
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
import java.util.function.Function;
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
 *   <li>outbound changes, in a store that {@link AlertStateStore#keepsChanges() keeps them} (the checks are
 *       skipped otherwise): committed with the state or not at all, pending in commit order per key and
 *       oldest first, {@code updateChange} a compare-and-set with exactly one winner among racing claims,
 *       {@code removeChange} idempotent, the count agreeing, echoes read back exactly, and all of it
 *       kept when the store is opened anew ({@link #reopen});
 *   <li>the delivery log marks an id seen once, per alert source, also under racing callers;
 *   <li>when the stores fail ({@link FaultyStores}: before or after a call, with an exception or an
 *       {@link Error}), a real {@link WebhookProcessor} with an event sink that skips applied event
 *       ids, retried, and after a crash replaced by a new processor that calls
 *       {@code redeliverPending()}, applies every event exactly once, in order per alert key;
 *   <li>the way back when the stores fail: {@code alertChanged} and {@code writePendingChanges()} lose no
 *       change, and the ticket hears of it once (twice only when the store failed to remove a change the
 *       tool had taken).
 * </ul>
 *
 * <p>Each factory is called once or more per test, and each call must return a store holding nothing
 * (a store over a shared database clears its tables). The checks write alerts' and events' instants
 * in whole seconds and short texts, so that any column type keeps them exactly; outbound changes' and
 * echoes' instants to the nanosecond, as the processor compares them; events must read back equal, their custom
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
  /** The store calls {@code alertChanged} makes, each of which may fail. */
  private static final List<FaultyStores.Call> CHANGE_CALLS = List.of(FaultyStores.Call.READ,
      FaultyStores.Call.COMMIT, FaultyStores.Call.PENDING_CHANGES_OF_KEY, FaultyStores.Call.UPDATE_CHANGE,
      FaultyStores.Call.REMOVE_CHANGE);
  /** The store calls {@code writePendingChanges()} makes. */
  private static final List<FaultyStores.Call> PENDING_CHANGE_CALLS = List.of(FaultyStores.Call.PENDING_CHANGES,
      FaultyStores.Call.PENDING_CHANGES_OF_KEY, FaultyStores.Call.UPDATE_CHANGE, FaultyStores.Call.REMOVE_CHANGE);
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

  /**
   * Opens the store anew over what {@code store} holds, as a process does after a restart: a store over a
   * database returns a new store object over the same tables. The default returns {@code store} itself,
   * for stores that hold their data in the object.
   *
   * @param store a store from {@link #newStateStore()}
   * @return a store over the same data
   */
  protected AlertStateStore reopen(AlertStateStore store) {
    return store;
  }

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

  // ---------------------------------------------------------------------------------- outbound changes

  /**
   * Outbound changes are committed with the state, or not at all: a refused commit, whichever key was
   * stale, records none of its changes, and a commit that lands records them all.
   */
  @Test
  public void outboundChangesAreCommittedWithTheStateOrNotAtAll() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("a");
    AlertKey b = key("b");
    long version = create(store, a, AlertState.PENDING);
    TicketChange accepted = change(a, "c-accepted", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    AlertWrite write = changing(a, version, alert(AlertState.ACCEPTED, version + 1), accepted);

    assertThat(store.commit(List.of(write))).isTrue();

    assertReadsAsWritten(store, write);
    assertThat(store.pendingChanges(a, 10)).isEqualTo(List.of(PendingChange.of(a, accepted)));
    assertThat(store.countPendingChanges()).isEqualTo(1);

    TicketChange stale = change(a, "c-stale", AlertState.RESOLVED, Optional.empty(), 2);
    TicketChange created = change(b, "c-created", AlertState.ACCEPTED, Optional.of("Working"), 3);
    assertThat(store.commit(List.of(changing(a, version, alert(AlertState.RESOLVED, version + 1), stale))))
        .as("a write over the version before").isFalse();
    assertThat(store.commit(List.of(changing(a, 0, alert(AlertState.RESOLVED, 1), stale))))
        .as("a write over version 0, when one is stored").isFalse();
    assertThat(store.commit(List.of(changing(b, 0, alert(AlertState.ACCEPTED, 1), created),
        changing(a, version, alert(AlertState.RESOLVED, version + 1), stale))))
        .as("a new key's write beside a stale one").isFalse();

    assertThat(store.read(b)).as("the new key of the refused commit").isEmpty();
    assertReadsAsWritten(store, write);
    assertThat(store.pendingChanges(a, 10)).as("after refused commits")
        .isEqualTo(List.of(PendingChange.of(a, accepted)));
    assertThat(store.pendingChanges(b, 10)).as("after refused commits").isEmpty();
    assertThat(store.pendingChanges(10)).as("after refused commits").isEqualTo(List.of(PendingChange.of(a, accepted)));
    assertThat(store.countPendingChanges()).as("after refused commits").isEqualTo(1);
  }

  /**
   * Changes are pending in commit order: per key, and over all keys oldest first (changes of one commit in
   * any order among keys); a bound returns the oldest only. Every field reads back equal: a status or
   * none, a note beyond ASCII, the request time to the nanosecond.
   */
  @Test
  public void outboundChangesAreListedInCommitOrder() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("a");
    AlertKey b = key("b");
    TicketChange a1 = change(a, "a-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    TicketChange a2 = change(a, "a-2", AlertState.ACCEPTED, Optional.empty(), 2);
    TicketChange b1 = change(b, "b-1", AlertState.ACCEPTED, Optional.of("Working"), 3);
    TicketChange a3 = change(a, "a-3", AlertState.RESOLVED, Optional.of("Completed"), 4);
    TicketChange b2 = change(b, "b-2", AlertState.RESOLVED, Optional.empty(), 5);
    assertThat(store.commit(List.of(changing(a, 0, alert(AlertState.ACCEPTED, 1), a1, a2),
        changing(b, 0, alert(AlertState.ACCEPTED, 1), b1)))).isTrue();
    long aVersion = store.read(a).orElseThrow().version();
    long bVersion = store.read(b).orElseThrow().version();
    assertThat(store.commit(List.of(changing(a, aVersion, alert(AlertState.RESOLVED, aVersion + 1), a3)))).isTrue();
    assertThat(store.commit(List.of(changing(b, bVersion, alert(AlertState.RESOLVED, bVersion + 1), b2)))).isTrue();
    List<List<PendingChange>> commits = List.of(concat(changes(a, a1, a2), changes(b, b1)), changes(a, a3),
        changes(b, b2));

    assertThat(store.pendingChanges(a, 10)).isEqualTo(changes(a, a1, a2, a3));
    assertThat(store.pendingChanges(a, 2)).isEqualTo(changes(a, a1, a2));
    assertThat(store.pendingChanges(a, 1)).isEqualTo(changes(a, a1));
    assertThat(store.pendingChanges(b, 10)).isEqualTo(changes(b, b1, b2));
    assertThat(store.pendingChanges(key("none"), 10)).isEmpty();
    for (int max = 1; max <= 6; max++) {
      assertOldestFirst(store.pendingChanges(max), commits, PendingChange::key, "pendingChanges(" + max + ")", max);
    }
    assertThat(store.countPendingChanges()).isEqualTo(5);
  }

  /**
   * updateChange replaces attempts, next attempt time and error only while the stored change still has
   * the attempts and next attempt time read (to the nanosecond), and answers false when it is gone.
   */
  @Test
  public void updateChangeIsACompareAndSetOnAttemptsAndNextAttemptTime() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("a");
    AlertKey b = key("b");
    TicketChange change = change(a, "c-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    TicketChange sameIdOtherKey = change(b, "c-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    assertThat(store.commit(List.of(changing(a, 0, alert(AlertState.ACCEPTED, 1), change),
        changing(b, 0, alert(AlertState.ACCEPTED, 1), sameIdOtherKey)))).isTrue();
    PendingChange read = store.pendingChanges(a, 1).get(0);
    assertThat(read).isEqualTo(PendingChange.of(a, change));

    PendingChange claimed = read.attempted(change.requestedAt().plusSeconds(120).plusNanos(1), null);
    assertThat(store.updateChange(read, claimed)).as("claiming the change as read").isTrue();
    assertThat(store.pendingChanges(a, 10)).as("after the claim").containsExactly(claimed);
    assertThat(store.updateChange(read, read.attempted(NOW.plusSeconds(1), null)))
        .as("claiming it again with what was read before").isFalse();
    PendingChange oneNanoLater = new PendingChange(a, change, claimed.attempts(), claimed.nextAttemptAt().plusNanos(1),
        Optional.empty());
    assertThat(store.updateChange(oneNanoLater, oneNanoLater.attempted(NOW, null)))
        .as("the same attempts, a next attempt time one nanosecond off").isFalse();
    assertThat(store.pendingChanges(a, 10)).as("after the stale claims").containsExactly(claimed);

    PendingChange failed = new PendingChange(a, change, claimed.attempts(), NOW.plusSeconds(10).plusNanos(999_999_999),
        Optional.of("503 from the tool: \u00e9t\u00e9 \u2603\nsecond line"));
    assertThat(store.updateChange(claimed, failed)).as("rescheduling the claimed attempt").isTrue();
    assertThat(store.pendingChanges(a, 10)).as("after rescheduling").containsExactly(failed);
    assertThat(store.pendingChanges(10)).as("after rescheduling").containsExactly(failed,
        PendingChange.of(b, sameIdOtherKey));
    PendingChange again = failed.attempted(NOW.plusSeconds(200), null);
    assertThat(store.updateChange(failed, again)).as("claiming the next attempt").isTrue();
    assertThat(store.pendingChanges(a, 10)).as("the error is cleared").containsExactly(again);

    store.removeChange(a, change.changeId());
    assertThat(store.updateChange(again, again.attempted(NOW.plusSeconds(300), null))).as("a removed change").isFalse();
    assertThat(store.pendingChanges(a, 10)).as("a removed change is not written back").isEmpty();
    assertThat(store.pendingChanges(b, 10)).as("the same change id of another key")
        .containsExactly(PendingChange.of(b, sameIdOtherKey));
  }

  /**
   * Threads race to claim the same change as read, round after round: exactly one claim wins each round,
   * and the change ends as the winner wrote it.
   *
   * @throws Exception when a thread fails or is interrupted
   */
  @Test
  public void racingClaimsOfOneChangeHaveExactlyOneWinner() throws Exception {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("claimed");
    TicketChange change = change(a, "c-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    assertThat(store.commit(List.of(changing(a, 0, alert(AlertState.ACCEPTED, 1), change)))).isTrue();

    for (int round = 1; round <= 5; round++) {
      PendingChange read = store.pendingChanges(a, 1).get(0);
      Map<Integer, PendingChange> winners = new ConcurrentHashMap<>();
      int thisRound = round;
      race(WRITERS, thread -> {
        PendingChange claim = new PendingChange(a, change, read.attempts() + 1,
            NOW.plusSeconds(thisRound * 60L).plusNanos(thread), Optional.of("claimed by " + thread));
        if (store.updateChange(read, claim)) {
          winners.put(thread, claim);
        }
      });

      assertThat(winners).as("round %d: the claims that won", round).hasSize(1);
      assertThat(store.pendingChanges(a, 10)).as("round %d: the change after the race", round)
          .containsExactly(winners.values().iterator().next());
    }
    assertThat(store.countPendingChanges()).isEqualTo(1);
  }

  /** removeChange removes the one change named, does nothing when repeated, and the count follows. */
  @Test
  public void removeChangeRemovesExactlyOneChangeAndIsIdempotent() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("a");
    AlertKey b = key("b");
    TicketChange a1 = change(a, "a-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    TicketChange a2 = change(a, "a-2", AlertState.ACCEPTED, Optional.empty(), 2);
    TicketChange a3 = change(a, "a-3", AlertState.RESOLVED, Optional.of("Completed"), 3);
    TicketChange b1 = change(b, "b-1", AlertState.ACCEPTED, Optional.of("Working"), 4);
    assertThat(store.commit(List.of(changing(a, 0, alert(AlertState.ACCEPTED, 1), a1, a2, a3),
        changing(b, 0, alert(AlertState.ACCEPTED, 1), b1)))).isTrue();

    for (int repeat = 0; repeat < 2; repeat++) {
      store.removeChange(a, a2.changeId());
      assertThat(store.pendingChanges(a, 10)).as("after removing a-2").isEqualTo(changes(a, a1, a3));
      assertThat(store.pendingChanges(10)).as("after removing a-2").containsExactlyInAnyOrderElementsOf(
          concat(changes(a, a1, a3), changes(b, b1)));
      assertThat(store.countPendingChanges()).as("after removing a-2").isEqualTo(3);
    }
    store.removeChange(a, "never-recorded");
    store.removeChange(b, a1.changeId());
    store.removeChange(key("none"), a1.changeId());
    assertThat(store.countPendingChanges()).as("after removing unknown ids and another key's id").isEqualTo(3);
    store.removeChange(a, a1.changeId());
    store.removeChange(a, a3.changeId());
    store.removeChange(b, b1.changeId());
    assertThat(store.pendingChanges(a, 10)).isEmpty();
    assertThat(store.pendingChanges(10)).isEmpty();
    assertThat(store.countPendingChanges()).isZero();

    long version = store.read(a).orElseThrow().version();
    TicketChange a4 = change(a, "a-4", AlertState.RESOLVED, Optional.empty(), 5);
    assertThat(store.commit(List.of(changing(a, version, alert(AlertState.RESOLVED, version + 1), a4)))).isTrue();
    assertThat(store.pendingChanges(a, 10)).as("a key's changes after all were removed").isEqualTo(changes(a, a4));
    assertThat(store.countPendingChanges()).isEqualTo(1);
  }

  /**
   * The echo a stored alert expects reads back exactly: several status keys in order, beyond ASCII and
   * longer than 255 characters, the time to the nanosecond; and a write without one reads back without.
   */
  @Test
  public void echoesReadBackExactly() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("echo");
    StoredAlert.Echo one = new StoredAlert.Echo(List.of("inprogress"), NOW.plusSeconds(600).plusNanos(1));
    StoredAlert.Echo several = new StoredAlert.Echo(List.of("inprogress", "r\u00e9solu", "x".repeat(300), "#7"),
        Instant.parse("2025-03-04T09:25:00.999999999Z"));
    AlertWrite created = write(a, 0, withEcho(alert(AlertState.ACCEPTED, 1), Optional.of(one)));
    assertThat(store.commit(List.of(created))).isTrue();
    long version = assertReadsAsWritten(store, created).version();

    AlertWrite second = write(a, version, withEcho(alert(AlertState.ACCEPTED, version + 1), Optional.of(several)));
    assertThat(store.commit(List.of(second))).isTrue();
    assertReadsAsWritten(store, second);
    assertThat(store.read(a).orElseThrow().echo()).contains(several);

    AlertWrite without = write(a, version + 1, alert(AlertState.RESOLVED, version + 2));
    assertThat(store.commit(List.of(without))).isTrue();
    assertThat(store.read(a).orElseThrow().echo()).as("after a write without an echo").isEmpty();
    assertReadsAsWritten(store, without);
  }

  /**
   * Outbound changes, their attempts and errors, and echoes outlive the store object: a store opened
   * anew over the same data ({@link #reopen}) lists and claims them as the first one left them.
   */
  @Test
  public void outboundChangesSurviveReopeningTheStore() {
    AlertStateStore store = newStateStore();
    assumeTrue(store.keepsChanges(), "the store keeps no outbound changes");
    AlertKey a = key("a");
    AlertKey b = key("b");
    TicketChange a1 = change(a, "a-1", AlertState.ACCEPTED, Optional.of("In progress"), 1);
    TicketChange b1 = change(b, "b-1", AlertState.RESOLVED, Optional.empty(), 2);
    StoredAlert.Echo echo = new StoredAlert.Echo(List.of("inprogress", "completed"), NOW.plusNanos(7));
    AlertWrite aWrite = changing(a, 0, withEcho(alert(AlertState.ACCEPTED, 1), Optional.of(echo)), a1);
    assertThat(store.commit(List.of(aWrite, changing(b, 0, alert(AlertState.RESOLVED, 1), b1)))).isTrue();
    PendingChange claimed = PendingChange.of(a, a1).attempted(NOW.plusSeconds(120).plusNanos(3), "timed out");
    assertThat(store.updateChange(PendingChange.of(a, a1), claimed)).isTrue();

    AlertStateStore reopened = reopen(store);

    assertReadsAsWritten(reopened, aWrite);
    assertThat(reopened.keepsChanges()).isTrue();
    assertThat(reopened.pendingChanges(10)).containsExactly(claimed, PendingChange.of(b, b1));
    assertThat(reopened.countPendingChanges()).isEqualTo(2);
    PendingChange next = claimed.attempted(NOW.plusSeconds(240), null);
    assertThat(reopened.updateChange(claimed, next)).as("claiming, through the reopened store, what was read before")
        .isTrue();
    reopened.removeChange(b, b1.changeId());
    assertThat(reopened.pendingChanges(10)).containsExactly(next);
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

  // ---------------------------------------------------------------------------------- the way back, failing

  /**
   * The commit of the host's change fails before it reaches the store (with an exception or an {@link
   * Error}, which the processor reports as a {@link StoreException}): nothing is recorded, the alert is
   * as it was, and the host's retry records the change and writes it to the ticket once.
   */
  @Test
  public void aChangeWhoseCommitFailsBeforeTheStoreIsNotRecordedAndItsRetryIsWrittenOnce() {
    for (FaultyStores.Fault fault : List.of(FaultyStores.Fault.BEFORE, FaultyStores.Fault.ERROR_BEFORE)) {
      WriteBackRun run = new WriteBackRun(newStateStore());
      assumeTrue(run.store.keepsChanges(), "the store keeps no outbound changes");
      StoredAlert before = run.store.read(run.key).orElseThrow();
      run.faulty.failNext(FaultyStores.Call.COMMIT, fault);

      assertThatThrownBy(run::accept).as("%s on the commit", fault).isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(injected(e)).as("caused by the injected fault: %s", e).isTrue());

      assertThat(run.store.read(run.key)).as("%s: the alert", fault).contains(before);
      assertThat(run.store.countPendingChanges()).as("%s: the outbox", fault).isZero();
      assertThat(run.writer.written()).as("%s: written to the ticket", fault).isEmpty();
      WriteBackResult retried = run.accept();
      assertThat(retried.status()).as("%s: the retry, %s", fault, retried.message())
          .isEqualTo(WriteBackResult.Status.WRITTEN);
      run.assertWrittenOnce(retried.change().orElseThrow());
    }
  }

  /**
   * The commit of the host's change lands and then fails: the change is in the outbox, the host's retry
   * records no second one, and {@code writePendingChanges()} of a new processor over the reopened store
   * writes it to the ticket exactly once.
   */
  @Test
  public void aChangeWhoseCommitFailsAfterTheStoreIsInTheOutboxAndWrittenOnce() {
    for (FaultyStores.Fault fault : List.of(FaultyStores.Fault.AFTER, FaultyStores.Fault.ERROR_AFTER)) {
      WriteBackRun run = new WriteBackRun(newStateStore());
      assumeTrue(run.store.keepsChanges(), "the store keeps no outbound changes");
      run.faulty.failNext(FaultyStores.Call.COMMIT, fault);

      assertThatThrownBy(run::accept).as("%s on the commit", fault).isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(injected(e)).as("caused by the injected fault: %s", e).isTrue());

      assertThat(run.store.read(run.key).orElseThrow().state()).as("%s: the alert", fault)
          .isEqualTo(AlertState.ACCEPTED);
      List<PendingChange> pending = run.store.pendingChanges(10);
      assertThat(pending).as("%s: the outbox", fault).hasSize(1);
      assertThat(pending.get(0).attempts()).as("%s: attempts", fault).isZero();
      assertThat(run.accept().status()).as("%s: the host's retry", fault).isEqualTo(WriteBackResult.Status.UNCHANGED);
      assertThat(run.writer.written()).as("%s: written before writePendingChanges", fault).isEmpty();

      WebhookProcessor restarted = run.restart();
      assertThat(restarted.writePendingChanges()).as("%s: writePendingChanges", fault)
          .extracting(WriteBackResult::status).containsExactly(WriteBackResult.Status.WRITTEN);
      assertThat(restarted.writePendingChanges()).as("%s: writePendingChanges again", fault).isEmpty();
      run.assertWrittenOnce(pending.get(0).change());
    }
  }

  /**
   * The process dies in the middle of a write (the ticket writer throws a {@link VirtualMachineError}, which
   * the processor lets through; other errors are retried like any failed write): the change stays in the
   * outbox, claimed, and {@code writePendingChanges()} writes it once the claim ({@link WriteBackPolicy#claim()})
   * has run out, not before.
   */
  @Test
  public void aChangeWhoseWriteThrowsAnErrorIsWrittenOnceTheClaimRunsOut() {
    WriteBackRun run = new WriteBackRun(newStateStore());
    assumeTrue(run.store.keepsChanges(), "the store keeps no outbound changes");
    run.writer.failNext(new InternalError("the process died in the middle of a write"));

    assertThatThrownBy(run::accept).isInstanceOf(InternalError.class)
        .hasMessage("the process died in the middle of a write");

    List<PendingChange> pending = run.store.pendingChanges(10);
    assertThat(pending).as("the outbox").hasSize(1);
    assertThat(pending.get(0).attempts()).as("attempts").isEqualTo(1);
    Instant claimEnds = NOW.plus(WriteBackPolicy.DEFAULT.claim());
    assertThat(pending.get(0).nextAttemptAt()).as("the claim").isEqualTo(claimEnds);
    WebhookProcessor restarted = run.restart();
    run.clock.set(claimEnds.minusNanos(1));
    assertThat(restarted.writePendingChanges()).as("while the claim runs").isEmpty();
    assertThat(run.writer.written()).as("written while the claim runs").isEmpty();
    run.clock.set(claimEnds);
    assertThat(restarted.writePendingChanges()).as("once the claim ran out").extracting(WriteBackResult::status)
        .containsExactly(WriteBackResult.Status.WRITTEN);
    run.assertWrittenOnce(pending.get(0).change());
  }

  /**
   * Every store call of the way back fails once, before or after it completes, with an exception or an
   * {@link Error}: while the host changes the alert (retrying while it fails), or while the outbox is
   * written after the tool failed for a while. The alert ends accepted and the outbox empty, and the
   * ticket hears of the change once; twice only when the store failed to remove a change the tool had
   * taken, as {@link io.alertbridge.core.TicketWriter} allows.
   */
  @Test
  public void everyStoreFailureOnTheWayBackLosesNoChange() {
    assumeTrue(newStateStore().keepsChanges(), "the store keeps no outbound changes");
    for (FaultyStores.Fault fault : FaultyStores.Fault.values()) {
      for (FaultyStores.Call call : CHANGE_CALLS) {
        assertChangeReachesTheTicket(new Injected(call, fault), Injected.NOTHING);
      }
      for (FaultyStores.Call call : PENDING_CHANGE_CALLS) {
        assertChangeReachesTheTicket(Injected.NOTHING, new Injected(call, fault));
      }
    }
  }

  private void assertChangeReachesTheTicket(Injected whileChanging, Injected whileWritingPending) {
    String scenario = whileChanging + " while the host changes the alert, " + whileWritingPending
        + " while the outbox is written";
    WriteBackRun run = new WriteBackRun(newStateStore());
    if (whileWritingPending.call() != null) {
      run.writer.failNext(new ApiException(ApiException.Reason.SERVER_ERROR, "503 from the kit's tool", 503, null,
          null));
    }
    whileChanging.planOn(run.faulty);
    for (int attempt = 1; ; attempt++) {
      try {
        WriteBackResult result = run.accept();
        assertThat(result.status()).as("%s: %s", scenario, result.message()).isIn(WriteBackResult.Status.WRITTEN,
            WriteBackResult.Status.RETRYING, WriteBackResult.Status.UNCHANGED);
        break;
      } catch (StoreException e) {
        if (attempt == MAX_ATTEMPTS || !injected(e)) {
          throw e;
        }
      }
    }
    assertThat(run.faulty.waiting()).as("%s: the fault planned while changing fired", scenario).isZero();
    WebhookProcessor restarted = run.restart();
    whileWritingPending.planOn(run.faulty);
    for (int round = 0; round < MAX_ATTEMPTS && run.store.countPendingChanges() > 0; round++) {
      run.clock.advance(WriteBackPolicy.DEFAULT.claim().plusSeconds(1));
      try {
        restarted.writePendingChanges();
      } catch (StoreException e) {
        if (!injected(e)) {
          throw e;
        }
      }
    }
    assertThat(run.faulty.waiting()).as("%s: the fault planned while writing fired", scenario).isZero();
    assertThat(run.store.countPendingChanges()).as("%s: the outbox", scenario).isZero();
    StoredAlert alert = run.store.read(run.key).orElseThrow();
    assertThat(alert.state()).as("%s: the alert", scenario).isEqualTo(AlertState.ACCEPTED);
    assertThat(alert.echo()).as("%s: the echo expected", scenario)
        .hasValueSatisfying(echo -> assertThat(echo.statusKeys()).containsExactly("working"));
    List<TicketChange> written = run.writer.written();
    assertThat(written).as("%s: written to the ticket", scenario).isNotEmpty()
        .allSatisfy(change -> assertThat(change).isEqualTo(written.get(0)));
    boolean toolTookItUnheard = removalFailedBefore(whileChanging) || removalFailedBefore(whileWritingPending);
    assertThat(written).as("%s: how often the ticket heard of the change", scenario)
        .hasSize(toolTookItUnheard ? 2 : 1);
    assertThat(written.get(0).status()).as(scenario).contains("Working");
  }

  /** @return whether the fault keeps the store from removing a change that the tool took */
  private static boolean removalFailedBefore(Injected injected) {
    return injected.call() == FaultyStores.Call.REMOVE_CHANGE
        && (injected.fault() == FaultyStores.Fault.BEFORE || injected.fault() == FaultyStores.Fault.ERROR_BEFORE);
  }

  /** @return whether a fault that {@link FaultyStores} injected caused the failure (the processor wraps some) */
  private static boolean injected(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).startsWith("injected ")) {
        return true;
      }
    }
    return false;
  }

  /**
   * One run of the way back: an open alert of the kit's source in the store under test, a processor over
   * it wrapped in {@link FaultyStores}, a clock, and the kit's ticket writer.
   */
  private final class WriteBackRun {
    final AlertStateStore store;
    final DeliveryLog log = newDeliveryLog();
    final TestClock clock = TestClock.at(NOW);
    final KitWriter writer = new KitWriter();
    final AlertKey key = new AlertKey(KIT_SOURCE.id(), "42");
    FaultyStores faulty;
    WebhookProcessor processor;

    WriteBackRun(AlertStateStore store) {
      this.store = store;
      assertThat(store.commit(List.of(write(key, 0, alert(AlertState.PENDING, 1))))).as("the open alert").isTrue();
      this.faulty = FaultyStores.wrap(store, log);
      this.processor = processor();
    }

    private WebhookProcessor processor() {
      return WebhookProcessor.builder(IntegrationRegistry.of(new KitIntegration(writer))).clock(clock)
          .stateStore(faulty.stateStore()).deliveryLog(faulty.deliveryLog()).sources(List.of(KIT_SOURCE)).build();
    }

    WriteBackResult accept() {
      return processor.alertChanged(KIT_SOURCE, key.ticketId(), AlertChange.accepted().by("Ada").withNote("on my way"));
    }

    /** A new processor over the store opened anew, as after the process stopped; faults planned later apply. */
    WebhookProcessor restart() {
      faulty = FaultyStores.wrap(reopen(store), log);
      processor = processor();
      return processor;
    }

    void assertWrittenOnce(TicketChange change) {
      assertThat(writer.written()).as("written to the ticket").containsExactly(change);
      assertThat(change.status()).contains("Working");
      assertThat(change.note()).isEqualTo("Accepted in AlertBridge by Ada: on my way");
      assertThat(store.countPendingChanges()).as("the outbox after the write").isZero();
      StoredAlert alert = store.read(key).orElseThrow();
      assertThat(alert.state()).isEqualTo(AlertState.ACCEPTED);
      assertThat(alert.echo()).as("the echo expected").hasValueSatisfying(echo -> {
        assertThat(echo.statusKeys()).containsExactly("working");
        assertThat(echo.until()).isEqualTo(change.requestedAt().plus(WriteBackPolicy.DEFAULT.echoWindow()));
      });
    }
  }

  /** The kit's way back: records what it writes, and fails as told. */
  private static final class KitWriter implements TicketWriter {
    private static final WriteBackTable TABLE = WriteBackTable.of(Map.of(AlertState.ACCEPTED, "Working",
        AlertState.RESOLVED, "Closed"));
    private final List<TicketChange> written = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    void failNext(Throwable failure) {
      failures.add(failure);
    }

    synchronized List<TicketChange> written() {
      return List.copyOf(written);
    }

    @Override
    public WriteBackTable table(AlertSource source) {
      return TABLE;
    }

    @Override
    public synchronized void write(String ticketId, TicketChange change, ParseContext context) {
      Throwable failure = failures.poll();
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      written.add(change);
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
    return alert.withVersion(version);
  }

  private static StoredAlert withEcho(StoredAlert alert, Optional<StoredAlert.Echo> echo) {
    return new StoredAlert(alert.state(), alert.alertId(), alert.lastSourceUpdate(), alert.lastStatusKey(),
        alert.version(), alert.updatedAt(), alert.expiresAt(), alert.recentDeliveryIds(), echo);
  }

  private static AlertWrite changing(AlertKey key, long expectedVersion, StoredAlert next, TicketChange... changes) {
    return new AlertWrite(key, expectedVersion, next, List.of(), List.of(changes));
  }

  /**
   * An outbound change with every field used: a status or none, a note beyond ASCII over two lines, and a
   * request time to the nanosecond.
   */
  private static TicketChange change(AlertKey key, String changeId, AlertState state, Optional<String> status,
      int nanos) {
    return new TicketChange(changeId, "alert-of-" + key.ticketId(), state, status,
        (state == AlertState.ACCEPTED ? "Accepted" : "Resolved") + " in AlertBridge by Ad\u00e8le: on my way \u2603\n"
            + "\"quoted\" line two", NOW.plusNanos(nanos));
  }

  private static List<PendingChange> changes(AlertKey key, TicketChange... changes) {
    List<PendingChange> pending = new ArrayList<>();
    for (TicketChange change : changes) {
      pending.add(PendingChange.of(key, change));
    }
    return pending;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
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
    assertOldestFirst(listed, commits, PendingEvent::key, "pendingEvents(" + max + ")", max);
  }

  /** {@link #assertOldestFirst(List, List, int)} for any kind of pending entry. */
  private static <T> void assertOldestFirst(List<T> listed, List<List<T>> commits, Function<T, AlertKey> keyOf,
      String what, int max) {
    List<T> all = commits.stream().flatMap(List::stream).toList();
    List<T> oldest = all.subList(0, Math.min(max, all.size()));
    assertThat(listed).as(what).hasSize(oldest.size()).doesNotHaveDuplicates();
    assertThat(listed).as("%s, by commit", what).extracting(pending -> commitOf(pending, commits))
        .isEqualTo(oldest.stream().map(pending -> commitOf(pending, commits)).toList());
    for (T pending : listed) {
      AlertKey key = keyOf.apply(pending);
      List<T> ofKey = listed.stream().filter(p -> keyOf.apply(p).equals(key)).toList();
      List<T> allOfKey = all.stream().filter(p -> keyOf.apply(p).equals(key)).toList();
      assertThat(ofKey).as("%s of %s", what, key).isEqualTo(allOfKey.subList(0, ofKey.size()));
    }
  }

  private static <T> int commitOf(T pending, List<List<T>> commits) {
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
   * header is the delivery id. Changes go back to the ticket through a {@link KitWriter}.
   */
  private static final class KitIntegration implements Integration {
    private static final StatusMappingTable TABLE = StatusMappingTable.builder()
        .row(LifecycleRule.of(WhenAbsent.CREATE, WhenOpen.KEEP), "New")
        .row(LifecycleRule.of(WhenAbsent.CREATE, WhenOpen.ACCEPT), "Working")
        .row(LifecycleRule.of(WhenAbsent.IGNORE, WhenOpen.RESOLVE), "Closed")
        .otherwise(LifecycleRule.of(WhenAbsent.IGNORE, WhenOpen.KEEP))
        .build();
    private final KitWriter writer;

    KitIntegration() {
      this(new KitWriter());
    }

    KitIntegration(KitWriter writer) {
      this.writer = writer;
    }

    @Override
    public Optional<TicketWriter> ticketWriter() {
      return Optional.of(writer);
    }

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
