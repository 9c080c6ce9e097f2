package io.alertbridge.core;

/**
 * What {@link WebhookProcessor#redeliverPending()} did.
 *
 * @param applied how many pending events the host's sink applied
 * @param pending how many events are still pending afterwards
 */
public record Redelivery(int applied, long pending) {

  /**
   * Checks that both counts are non-negative.
   *
   * @param applied how many pending events the host's sink applied
   * @param pending how many events are still pending afterwards
   */
  public Redelivery {
    if (applied < 0 || pending < 0) {
      throw new IllegalArgumentException("counts must not be negative, got " + applied + " and " + pending);
    }
  }
}
