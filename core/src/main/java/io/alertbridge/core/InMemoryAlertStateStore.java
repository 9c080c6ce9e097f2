package io.alertbridge.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The embedded {@link AlertStateStore}: a concurrent map. Thread-safe; reads and writes take constant
 * time however many alerts it holds. Resolved alerts are dropped once their retention has passed; until
 * then each key has at most one entry in the expiry queue, however often it is resolved.
 */
public final class InMemoryAlertStateStore implements AlertStateStore {
  private final ConcurrentHashMap<AlertKey, StoredAlert> alerts = new ConcurrentHashMap<>();
  private final Queue<Expiry> expiries = new ConcurrentLinkedQueue<>();
  /** The keys with an entry in {@link #expiries}: at most one each, however often they are resolved. */
  private final Set<AlertKey> queued = ConcurrentHashMap.newKeySet();

  private record Expiry(AlertKey key, Instant at) {}

  /** Creates an empty store. */
  public InMemoryAlertStateStore() {}

  @Override
  public Optional<StoredAlert> read(AlertKey key) {
    return Optional.ofNullable(alerts.get(key));
  }

  @Override
  public boolean compareAndSet(AlertKey key, long expectedVersion, StoredAlert next) {
    if (next.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", got " + next.version());
    }
    boolean[] written = {false};
    alerts.compute(key, (k, current) -> {
      long currentVersion = current == null ? 0 : current.version();
      if (currentVersion != expectedVersion) {
        return current;
      }
      written[0] = true;
      return next;
    });
    if (written[0]) {
      if (next.expiresAt().isPresent() && queued.add(key)) {
        expiries.add(new Expiry(key, next.expiresAt().get()));
      }
      purgeExpired(next.updatedAt());
    }
    return written[0];
  }

  /**
   * Drops resolved alerts whose retention has passed. Called on every write; hosts may also call it.
   *
   * @param now the current time
   */
  public void purgeExpired(Instant now) {
    for (Expiry head = expiries.peek(); head != null && !now.isBefore(head.at()); head = expiries.peek()) {
      if (!expiries.remove(head)) {
        continue;
      }
      StoredAlert kept = alerts.computeIfPresent(head.key(), (k, stored) -> stored.isExpired(now) ? null : stored);
      if (kept != null && kept.expiresAt().isPresent()) {
        expiries.add(new Expiry(head.key(), kept.expiresAt().get()));
      } else {
        queued.remove(head.key());
      }
    }
  }

  /** @return how many alert keys are stored, expired ones included until purged */
  public int size() {
    return alerts.size();
  }

  /** @return a sorted copy of everything stored */
  public Map<AlertKey, StoredAlert> snapshot() {
    Map<AlertKey, StoredAlert> copy = new TreeMap<>(
        java.util.Comparator.comparing(AlertKey::sourceId).thenComparing(AlertKey::ticketId));
    copy.putAll(alerts);
    return copy;
  }
}
