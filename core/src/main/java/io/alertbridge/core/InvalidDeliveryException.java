package io.alertbridge.core;

/**
 * A delivery that cannot be processed as sent: the processor answers {@link Outcome#INVALID} (400)
 * with this exception's message, or {@link Outcome#TOO_LARGE} (413) when {@link
 * ParseContext#checkBatchSize} refuses a batch. Parsers throw one of the subclasses.
 */
public abstract class InvalidDeliveryException extends AlertBridgeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was wrong, and where */
  protected InvalidDeliveryException(String message) {
    super(message);
  }

  /**
   * @param message what was wrong, and where
   * @param cause the parser's own failure
   */
  protected InvalidDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
