package io.alertbridge.core;

import java.util.Optional;

/**
 * Where alert states live. The host implements it over its own database; {@link
 * InMemoryAlertStateStore} is the embedded default. Implementations must be safe under concurrent
 * calls: compare-and-set is what keeps two racing deliveries from opening two alerts.
 * Failures are thrown as {@link StoreException}.
 */
public interface AlertStateStore {

  /**
   * @param key the alert key
   * @return what is stored, expired or not; empty when nothing is
   * @throws StoreException when the store cannot be read
   */
  Optional<StoredAlert> read(AlertKey key);

  /**
   * Writes {@code next} only if the stored version is still {@code expectedVersion}.
   *
   * @param key the alert key
   * @param expectedVersion the version read, or 0 when nothing was stored
   * @param next what to store; its version is {@code expectedVersion + 1}
   * @return whether it was written; false when another writer came first
   * @throws StoreException when the store cannot be written
   */
  boolean compareAndSet(AlertKey key, long expectedVersion, StoredAlert next);
}
