package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Priority;
import io.alertbridge.core.StoredAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks every {@link AlertStateStore} and {@link DeliveryLog} passes: the in-memory ones, one
 * over a database, yours. Extend it in a test class with factories, and JUnit runs:
 *
 * <ul>
 *   <li>compare-and-set: a write lands only over the expected version, and reads back as written;
 *   <li>all or nothing: a commit with one stale key writes no key and records no event;
 *   <li>versions never go back for a key, even when its expired alert is forgotten;
 *   <li>an expired resolved alert reads as absent or expired, and an open alert is never dropped;
 *   <li>the delivery log marks an id seen once, per alert source.
 * </ul>
 *
 * <p>Each factory is called once or more per test, and each call must return a store holding nothing
 * (a store over a shared database clears its tables). The checks write instants of whole seconds and
 * short texts, so that any column type keeps them exactly.
 */
public abstract class StoreCompatibilityKit {
  /** The time the checks write at: whole seconds. */
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final String SOURCE = "store-kit";

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
        new StoredAlert(AlertState.PENDING, "0b7e-4f1a", Optional.empty(), "new", 1, NOW, Optional.empty()),
        new StoredAlert(AlertState.ACCEPTED, "alert/2", Optional.of(NOW.minusSeconds(90)), "in bearbeitung", 1,
            NOW, Optional.empty()),
        new StoredAlert(AlertState.RESOLVED, "\u00e9t\u00e9 \u2014 \u4e2d", Optional.of(NOW.minusSeconds(30)),
            "r\u00e9solu", 1, NOW.plusSeconds(1), Optional.of(NOW.plusSeconds(86_400))));
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
      assertThat(versions).as("round %d: the versions before %d", round, reopened).allMatch(old -> old < reopened);
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

    assertThat(versions).as("the versions before %d", latest).allMatch(old -> old < latest);
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
    AlertWrite resolvedRecently = write(recent, 0, alert(AlertState.RESOLVED, 1, NOW, Optional.of(NOW.plusSeconds(3600))));
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

  // ---------------------------------------------------------------------------------- helpers

  private static AlertKey key(String ticketId) {
    return new AlertKey(SOURCE, ticketId);
  }

  private static StoredAlert alert(AlertState state, long version) {
    return alert(state, version, NOW, Optional.empty());
  }

  private static StoredAlert alert(AlertState state, long version, Instant updatedAt, Optional<Instant> expiresAt) {
    return new StoredAlert(state, "alert-" + updatedAt.getEpochSecond(), Optional.of(updatedAt.minusSeconds(5)),
        state.name().toLowerCase(Locale.ROOT), version, updatedAt, expiresAt);
  }

  private static StoredAlert withVersion(StoredAlert alert, long version) {
    return new StoredAlert(alert.state(), alert.alertId(), alert.lastSourceUpdate(), alert.lastStatus(), version,
        alert.updatedAt(), alert.expiresAt());
  }

  private static AlertWrite write(AlertKey key, long expectedVersion, StoredAlert next, AlertEvent... events) {
    return new AlertWrite(key, expectedVersion, next, List.of(events));
  }

  private static AlertEvent event(AlertKey key, String eventId) {
    return new AlertEvent(eventId, "alert-of-" + key.ticketId(), EventType.ALERT,
        key.ticketId(), "Disk full", "", Priority.HIGH, List.of(), Map.of(),
        key.sourceId(), "New", Set.of());
  }

  /** Writes a key's first alert and returns the version the store gave it. */
  private static long create(AlertStateStore store, AlertKey key, AlertState state) {
    AlertWrite created = write(key, 0, alert(state, 1));
    assertThat(store.commit(List.of(created))).as("creating %s", key).isTrue();
    return assertReadsAsWritten(store, created).version();
  }

  /** Writes over whatever is read (nothing, or an expired alert), and returns what was written. */
  private static StoredAlert writeOver(AlertStateStore store, AlertKey key, AlertState state, Instant now,
      Optional<Instant> expiresAt) {
    long expected = store.read(key).map(StoredAlert::version).orElse(0L);
    AlertWrite next = write(key, expected, alert(state, expected + 1, now, expiresAt));
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
}
