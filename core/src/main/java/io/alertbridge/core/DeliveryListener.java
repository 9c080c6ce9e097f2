package io.alertbridge.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Told about every delivery the processor finished, for metrics. Called on the processing thread; a
 * listener's exception is logged and otherwise ignored. A delivery that ends in {@link
 * UnavailableException} (503) is heard too, with the outcome {@link Outcome#UNAVAILABLE}.
 */
@FunctionalInterface
public interface DeliveryListener {

  /** @param delivery what was processed */
  void onProcessed(ProcessedDelivery delivery);

  /**
   * One finished delivery.
   *
   * @param sourceId the alert source's id
   * @param integration the integration's name
   * @param outcome the outcome (the worst, for batches); {@link Outcome#UNAVAILABLE} when the processor
   *     threw {@link UnavailableException}
   * @param ticketId the ticket id, when known and not a batch
   * @param duration how long processing took
   * @param committed false for {@link WebhookProcessor#explain}, which changes nothing
   */
  record ProcessedDelivery(String sourceId, String integration, Outcome outcome, Optional<String> ticketId,
      Duration duration, boolean committed) {

    /**
     * Checks for nulls.
     *
     * @param sourceId the alert source's id
     * @param integration the integration's name
     * @param outcome the outcome (the worst, for batches); {@link Outcome#UNAVAILABLE} when the processor
     *     threw {@link UnavailableException}
     * @param ticketId the ticket id, when known and not a batch
     * @param duration how long processing took
     * @param committed false for {@link WebhookProcessor#explain}, which changes nothing
     */
    public ProcessedDelivery {
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(integration, "integration");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(ticketId, "ticketId");
      Objects.requireNonNull(duration, "duration");
    }
  }
}
