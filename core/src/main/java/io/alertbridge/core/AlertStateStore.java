package io.alertbridge.core;

import java.util.List;
import java.util.Optional;

/**
 * Where alert states and the outbox of pending events live. The host implements it over its own
 * database (one row per alert key, one row per pending event); {@link InMemoryAlertStateStore} is the
 * embedded default, and {@code alertbridge-testkit}'s {@code StoreCompatibilityKit} checks any
 * implementation. Implementations must be safe under concurrent calls, from one process or many:
 * compare-and-set is what keeps two racing deliveries from opening two alerts. Failures are thrown as
 * {@link StoreException}.
 *
 * <p><b>Versions never go backwards for a key</b>, across expiry and purge: a store that forgets
 * expired keys writes a key's next first version above any version the key had before, so that a
 * writer holding an old version can never write over a newer alert.
 */
public interface AlertStateStore {

  /**
   * @param key the alert key
   * @return what is stored, expired or not; empty when nothing is
   * @throws StoreException when the store cannot be read
   */
  Optional<StoredAlert> read(AlertKey key);

  /**
   * Writes every entry, or none, atomically: each entry's state only over its key's expected
   * version, together with the entry's pending events. When any key's stored version is no longer the
   * expected one, nothing is written. When an entry expects version 0 (nothing stored), the store may
   * write a greater version than {@code next.version()} (see the class comment); otherwise it writes
   * {@code next} exactly.
   *
   * @param writes at most one entry per key
   * @return whether everything was written; false when another writer came first
   * @throws StoreException when the store cannot be written; what was written is then unknown
   */
  boolean commit(List<AlertWrite> writes);

  /**
   * @param key the alert key
   * @param max how many to return at most (positive)
   * @return the key's pending events, in the order they were committed
   * @throws StoreException when the store cannot be read
   */
  List<PendingEvent> pendingEvents(AlertKey key, int max);

  /**
   * @param max how many to return at most (positive)
   * @return the pending events of any keys, oldest first, so in commit order per key
   * @throws StoreException when the store cannot be read
   */
  List<PendingEvent> pendingEvents(int max);

  /**
   * Removes an event from the outbox once the host's sink has applied it. Does nothing when the
   * event is not pending (already marked).
   *
   * @param key the alert key
   * @param eventId the event's {@link AlertEvent#eventId()}
   * @throws StoreException when the store cannot be written
   */
  void markApplied(AlertKey key, String eventId);

  /**
   * @return how many events are pending, over all keys
   * @throws StoreException when the store cannot be read
   */
  long countPendingEvents();

  /**
   * Whether the store keeps outbound changes: {@link AlertWrite#changes()} and the methods below. A store
   * written before the way back existed keeps none; {@link WebhookProcessor#alertChanged} then refuses to
   * run rather than lose them.
   *
   * @return true when the store keeps outbound changes
   */
  default boolean keepsChanges() {
    return false;
  }

  /**
   * @param max how many to return at most (positive)
   * @return the outbound changes not yet written to their tickets, oldest first, so in commit order per key,
   *     whether due or not
   * @throws StoreException when the store cannot be read
   */
  default List<PendingChange> pendingChanges(int max) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no outbound changes");
  }

  /**
   * @param key the alert key
   * @param max how many to return at most (positive)
   * @return the key's outbound changes not yet written, in the order they were committed
   * @throws StoreException when the store cannot be read
   */
  default List<PendingChange> pendingChanges(AlertKey key, int max) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no outbound changes");
  }

  /**
   * Replaces a pending change's attempts, next attempt time and error, only while it still is as {@code
   * expected} (same key, change id, attempts and next attempt time): one node claims an attempt this way.
   * The store must keep the next attempt time exactly, to the nanosecond, as it keeps every instant: the
   * processor compares it with the time it wrote.
   *
   * @param expected the change as read
   * @param next the same change, with new attempts, next attempt time and error
   * @return whether it was replaced; false when another writer came first or it is gone
   * @throws StoreException when the store cannot be written
   */
  default boolean updateChange(PendingChange expected, PendingChange next) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no outbound changes");
  }

  /**
   * Removes an outbound change once its tool took it, or gave it up. Does nothing when it is gone.
   *
   * @param key the alert key
   * @param changeId the change's {@link TicketChange#changeId()}
   * @throws StoreException when the store cannot be written
   */
  default void removeChange(AlertKey key, String changeId) {
    throw new UnsupportedOperationException(getClass().getName() + " keeps no outbound changes");
  }

  /**
   * @return how many outbound changes are pending, over all keys
   * @throws StoreException when the store cannot be read
   */
  default long countPendingChanges() {
    return 0;
  }
}
