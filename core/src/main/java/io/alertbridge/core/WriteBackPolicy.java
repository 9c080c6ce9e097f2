package io.alertbridge.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How changes are written back to tickets: the retries, how long a write's echo is expected, and the
 * product name the notes give.
 *
 * @param firstRetry the wait before the first retry; each next wait doubles
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after the host's change the last attempt may start; then it is dropped as failed
 * @param claim how long an attempt in progress keeps other nodes from starting one; longer than any write
 * @param echoWindow how long after a write the tool's webhook carrying the status written is taken as its echo
 * @param productName the name notes give the host's product, as in "Accepted in AlertBridge by Ada"
 */
public record WriteBackPolicy(Duration firstRetry, Duration maxRetry, Duration giveUpAfter, Duration claim,
    Duration echoWindow, String productName) {

  /** The defaults: retries after 10 seconds, doubling up to 10 minutes, for 24 hours; a 10-minute echo window. */
  public static final WriteBackPolicy DEFAULT = new WriteBackPolicy(Duration.ofSeconds(10), Duration.ofMinutes(10),
      Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofMinutes(10), "AlertBridge");

  /**
   * Checks for nulls, positive durations and a product name of 1 to 100 characters.
   *
   * @param firstRetry the wait before the first retry; each next wait doubles
   * @param maxRetry the longest wait between two attempts
   * @param giveUpAfter how long after the host's change the last attempt may start; then it is dropped as failed
   * @param claim how long an attempt in progress keeps other nodes from starting one; longer than any write
   * @param echoWindow how long after a write the tool's webhook carrying the status written is taken as its echo
   * @param productName the name notes give the host's product, as in "Accepted in AlertBridge by Ada"
   */
  public WriteBackPolicy {
    positive(firstRetry, "firstRetry");
    positive(maxRetry, "maxRetry");
    positive(giveUpAfter, "giveUpAfter");
    positive(claim, "claim");
    positive(echoWindow, "echoWindow");
    Objects.requireNonNull(productName, "productName");
    if (productName.isBlank() || productName.length() > 100) {
      throw new IllegalArgumentException("productName must have 1 to 100 characters");
    }
    if (maxRetry.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("maxRetry must not be shorter than firstRetry");
    }
  }

  /**
   * @param productName the host's product name
   * @return this policy with it
   */
  public WriteBackPolicy withProductName(String productName) {
    return new WriteBackPolicy(firstRetry, maxRetry, giveUpAfter, claim, echoWindow, productName);
  }

  /**
   * @param attempts how many attempts failed so far, at least 1
   * @return the wait before the next attempt: {@code firstRetry} doubled per further attempt, at most {@code
   *     maxRetry}
   */
  public Duration backoff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
