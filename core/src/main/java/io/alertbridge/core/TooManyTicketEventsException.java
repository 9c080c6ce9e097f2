package io.alertbridge.core;

/**
 * A delivery holds more ticket events than {@link Limits#maxBatchElements()}: the processor answers
 * {@link Outcome#TOO_LARGE} (413) for the whole delivery. Thrown by {@link
 * ParseContext#checkBatchSize}, which parsers call before they read any element, so an oversized batch
 * costs no more than its parsing.
 */
final class TooManyTicketEventsException extends InvalidDeliveryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param count how many ticket events the delivery holds
   * @param limit the limit
   */
  TooManyTicketEventsException(int count, int limit) {
    super("the delivery holds " + count + " ticket events; the limit is " + limit + " (maxBatchElements)");
  }
}
