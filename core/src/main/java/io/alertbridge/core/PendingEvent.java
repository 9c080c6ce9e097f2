package io.alertbridge.core;

import java.util.Objects;

/**
 * An event recorded in the outbox and not yet applied by the host's {@link AlertEventSink}.
 *
 * @param key the alert key the event belongs to
 * @param event the event, exactly as it was decided
 */
public record PendingEvent(AlertKey key, AlertEvent event) {

  /**
   * Checks for nulls.
   *
   * @param key the alert key the event belongs to
   * @param event the event, exactly as it was decided
   */
  public PendingEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(event, "event");
  }
}
