package io.alertbridge.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound change in the outbox, with how often it was tried.
 *
 * @param key the alert key, whose ticket id names the ticket
 * @param change the change to write
 * @param attempts how many times writing it was started
 * @param nextAttemptAt when it may be tried next
 * @param lastError why the last attempt failed, when it did
 */
public record PendingChange(AlertKey key, TicketChange change, int attempts, Instant nextAttemptAt,
    Optional<String> lastError) {

  /**
   * Checks for nulls and a non-negative count.
   *
   * @param key the alert key, whose ticket id names the ticket
   * @param change the change to write
   * @param attempts how many times writing it was started
   * @param nextAttemptAt when it may be tried next
   * @param lastError why the last attempt failed, when it did
   */
  public PendingChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastError, "lastError");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
    }
  }

  /**
   * @param key the alert key, whose ticket id names the ticket
   * @param change the change to write
   * @return the change as first recorded: never tried, due at once
   */
  public static PendingChange of(AlertKey key, TicketChange change) {
    return new PendingChange(key, change, 0, change.requestedAt(), Optional.empty());
  }

  /**
   * @param nextAttemptAt when it may be tried next
   * @param error why this attempt failed, or null while it runs
   * @return this change with one more attempt
   */
  public PendingChange attempted(Instant nextAttemptAt, String error) {
    return new PendingChange(key, change, attempts + 1, nextAttemptAt, Optional.ofNullable(error));
  }
}
