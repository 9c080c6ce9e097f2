package io.alertbridge.core;

import java.time.Clock;
import java.util.Objects;

/**
 * What a parser may consult besides the delivery.
 *
 * @param source the alert source the delivery came to (its settings, e.g. API credentials)
 * @param limits the processor's limits (e.g. the JSON nesting depth)
 * @param clock the processor's clock
 */
public record ParseContext(AlertSource source, Limits limits, Clock clock) {

  /**
   * Checks for nulls.
   *
   * @param source the alert source the delivery came to (its settings, e.g. API credentials)
   * @param limits the processor's limits (e.g. the JSON nesting depth)
   * @param clock the processor's clock
   */
  public ParseContext {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Refuses a batch over {@link Limits#maxBatchElements()} before its elements are read.
   *
   * @param count how many ticket events the delivery holds
   * @throws InvalidDeliveryException when that is over the limit; the processor answers {@link
   *     Outcome#TOO_LARGE}
   */
  public void checkBatchSize(int count) {
    if (count > limits.maxBatchElements()) {
      throw new TooManyTicketEventsException(count, limits.maxBatchElements());
    }
  }
}
