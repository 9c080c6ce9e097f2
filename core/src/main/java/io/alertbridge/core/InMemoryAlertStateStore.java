package io.alertbridge.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link AlertStateStore}: maps in memory. Thread-safe: reads take no lock, and commits
 * are serialised by one lock, so a batch's writes are all-or-nothing. Reads and writes take constant
 * time however many alerts it holds (an expiry costs a logarithm). Resolved alerts are dropped on the
 * first commit whose time is past their retention, or by {@link #purgeExpired}; each key has at most
 * one entry in the expiry queue, however often it is resolved. Versions go on
 * from one store-wide floor, the highest version ever dropped, so they never go back for a key.
 */
public final class InMemoryAlertStateStore implements AlertStateStore {
  private final ConcurrentHashMap<AlertKey, StoredAlert> alerts = new ConcurrentHashMap<>();
  /** Pending events per key, as unmodifiable lists replaced under {@link #lock}. */
  private final ConcurrentHashMap<AlertKey, List<PendingEvent>> pendingByKey = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  // Guarded by lock:
  private final LinkedHashMap<EventRef, PendingEvent> pendingInOrder = new LinkedHashMap<>();
  /** Soonest expiry first, whatever order alerts were resolved in. */
  private final PriorityQueue<Expiry> expiries = new PriorityQueue<>(Comparator.comparing(Expiry::at));
  private final Set<AlertKey> queued = new HashSet<>();
  /** Outbound changes in commit order. */
  private final LinkedHashMap<EventRef, PendingChange> changes = new LinkedHashMap<>();
  /** The same changes by key, each key's in commit order. */
  private final java.util.HashMap<AlertKey, LinkedHashMap<String, PendingChange>> changesByKey =
      new java.util.HashMap<>();
  private long versionFloor;

  private record Expiry(AlertKey key, Instant at) {}

  private record EventRef(AlertKey key, String eventId) {}

  /** Creates an empty store. */
  public InMemoryAlertStateStore() {}

  @Override
  public Optional<StoredAlert> read(AlertKey key) {
    return Optional.ofNullable(alerts.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public boolean commit(List<AlertWrite> writes) {
    if (writes.isEmpty()) {
      return true;
    }
    synchronized (lock) {
      for (AlertWrite write : writes) {
        StoredAlert current = alerts.get(write.key());
        if ((current == null ? 0 : current.version()) != write.expectedVersion()) {
          return false;
        }
      }
      Instant latest = null;
      for (AlertWrite write : writes) {
        StoredAlert next = write.next();
        if (write.expectedVersion() == 0 && versionFloor > 0) {
          next = next.withVersion(next.version() + versionFloor);
        }
        alerts.put(write.key(), next);
        if (next.expiresAt().isPresent() && queued.add(write.key())) {
          expiries.add(new Expiry(write.key(), next.expiresAt().get()));
        }
        if (!write.events().isEmpty()) {
          addPending(write.key(), write.events());
        }
        for (TicketChange change : write.changes()) {
          PendingChange pending = PendingChange.of(write.key(), change);
          if (changes.putIfAbsent(new EventRef(write.key(), change.changeId()), pending) == null) {
            changesByKey.computeIfAbsent(write.key(), key -> new LinkedHashMap<>()).put(change.changeId(), pending);
          }
        }
        latest = latest == null || next.updatedAt().isAfter(latest) ? next.updatedAt() : latest;
      }
      purge(latest);
      return true;
    }
  }

  private void addPending(AlertKey key, List<AlertEvent> events) {
    List<PendingEvent> list = new ArrayList<>(pendingByKey.getOrDefault(key, List.of()));
    for (AlertEvent event : events) {
      PendingEvent pending = new PendingEvent(key, event);
      if (pendingInOrder.putIfAbsent(new EventRef(key, event.eventId()), pending) == null) {
        list.add(pending);
      }
    }
    pendingByKey.put(key, List.copyOf(list));
  }

  @Override
  public List<PendingEvent> pendingEvents(AlertKey key, int max) {
    positive(max);
    List<PendingEvent> pending = pendingByKey.getOrDefault(Objects.requireNonNull(key, "key"), List.of());
    return pending.size() <= max ? pending : pending.subList(0, max);
  }

  @Override
  public List<PendingEvent> pendingEvents(int max) {
    positive(max);
    synchronized (lock) {
      List<PendingEvent> oldest = new ArrayList<>(Math.min(max, pendingInOrder.size()));
      for (PendingEvent pending : pendingInOrder.values()) {
        if (oldest.size() == max) {
          break;
        }
        oldest.add(pending);
      }
      return oldest;
    }
  }

  @Override
  public void markApplied(AlertKey key, String eventId) {
    synchronized (lock) {
      if (pendingInOrder.remove(new EventRef(key, eventId)) == null) {
        return;
      }
      List<PendingEvent> rest = new ArrayList<>(pendingByKey.getOrDefault(key, List.of()));
      rest.removeIf(pending -> pending.event().eventId().equals(eventId));
      if (rest.isEmpty()) {
        pendingByKey.remove(key);
      } else {
        pendingByKey.put(key, List.copyOf(rest));
      }
    }
  }

  @Override
  public long countPendingEvents() {
    synchronized (lock) {
      return pendingInOrder.size();
    }
  }

  @Override
  public boolean keepsChanges() {
    return true;
  }

  @Override
  public List<PendingChange> pendingChanges(int max) {
    positive(max);
    synchronized (lock) {
      List<PendingChange> oldest = new ArrayList<>(Math.min(max, changes.size()));
      for (PendingChange change : changes.values()) {
        if (oldest.size() == max) {
          break;
        }
        oldest.add(change);
      }
      return oldest;
    }
  }

  @Override
  public List<PendingChange> pendingChanges(AlertKey key, int max) {
    Objects.requireNonNull(key, "key");
    positive(max);
    synchronized (lock) {
      LinkedHashMap<String, PendingChange> ofKey = changesByKey.get(key);
      if (ofKey == null) {
        return List.of();
      }
      List<PendingChange> oldest = new ArrayList<>(Math.min(max, ofKey.size()));
      for (PendingChange change : ofKey.values()) {
        if (oldest.size() == max) {
          break;
        }
        oldest.add(change);
      }
      return oldest;
    }
  }

  @Override
  public boolean updateChange(PendingChange expected, PendingChange next) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    if (!expected.key().equals(next.key()) || !expected.change().changeId().equals(next.change().changeId())) {
      throw new IllegalArgumentException("next must be the same change as expected");
    }
    synchronized (lock) {
      EventRef ref = new EventRef(expected.key(), expected.change().changeId());
      PendingChange current = changes.get(ref);
      if (current == null || current.attempts() != expected.attempts()
          || !current.nextAttemptAt().equals(expected.nextAttemptAt())) {
        return false;
      }
      changes.put(ref, next);
      changesByKey.get(next.key()).put(next.change().changeId(), next);
      return true;
    }
  }

  @Override
  public void removeChange(AlertKey key, String changeId) {
    synchronized (lock) {
      if (changes.remove(new EventRef(key, changeId)) != null) {
        LinkedHashMap<String, PendingChange> ofKey = changesByKey.get(key);
        ofKey.remove(changeId);
        if (ofKey.isEmpty()) {
          changesByKey.remove(key);
        }
      }
    }
  }

  @Override
  public long countPendingChanges() {
    synchronized (lock) {
      return changes.size();
    }
  }

  /**
   * Drops resolved alerts whose retention has passed. Called on every commit; hosts may also call it.
   *
   * @param now the current time
   */
  public void purgeExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    synchronized (lock) {
      purge(now);
    }
  }

  private void purge(Instant now) {
    for (Expiry head = expiries.peek(); head != null && !now.isBefore(head.at()); head = expiries.peek()) {
      expiries.poll();
      StoredAlert stored = alerts.get(head.key());
      if (stored != null && stored.isExpired(now)) {
        alerts.remove(head.key());
        versionFloor = Math.max(versionFloor, stored.version());
        queued.remove(head.key());
      } else if (stored != null && stored.expiresAt().isPresent()) {
        expiries.add(new Expiry(head.key(), stored.expiresAt().get()));
      } else {
        queued.remove(head.key());
      }
    }
  }

  private static int positive(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive, got " + max);
    }
    return max;
  }

  /** @return how many alert keys are stored, expired ones included until purged */
  public int size() {
    return alerts.size();
  }

  /** @return a sorted copy of everything stored */
  public Map<AlertKey, StoredAlert> snapshot() {
    Map<AlertKey, StoredAlert> copy = new TreeMap<>(
        Comparator.comparing(AlertKey::sourceId).thenComparing(AlertKey::ticketId));
    copy.putAll(alerts);
    return copy;
  }
}
