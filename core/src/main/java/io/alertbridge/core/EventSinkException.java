package io.alertbridge.core;

/**
 * The host's {@link AlertEventSink} did not apply an event. The event stays pending and is handed
 * over again by the next delivery for its alert key or by {@link WebhookProcessor#redeliverPending()};
 * hosts answer the sender with 503 so that it retries.
 */
public final class EventSinkException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which event was not applied
   * @param cause what the sink threw
   */
  EventSinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
