package io.alertbridge.core;

import java.time.Instant;

/**
 * The delivery ids already processed, per alert source, so that a retried delivery is answered
 * {@link Outcome#DUPLICATE}. The processor records an id only after the delivery's decision is
 * committed, so a delivery whose processing failed is processed again when it is retried. Entries are kept for a limited time and number. {@link
 * InMemoryDeliveryLog} is the embedded default. Implementations must be thread-safe; failures are
 * thrown as {@link StoreException}.
 */
public interface DeliveryLog {

  /**
   * Records a delivery id, atomically.
   *
   * @param sourceId the alert source's id
   * @param deliveryId the tool's delivery id
   * @param now the current time
   * @return true when the id was new (the caller processes it); false when it was already recorded
   */
  boolean markSeen(String sourceId, String deliveryId, Instant now);

  /**
   * @param sourceId the alert source's id
   * @param deliveryId the tool's delivery id
   * @param now the current time
   * @return whether the id is recorded and not expired
   */
  boolean contains(String sourceId, String deliveryId, Instant now);
}
