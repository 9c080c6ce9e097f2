package io.alertbridge.core;

import java.util.List;
import java.util.Objects;

/**
 * One key's part of an {@link AlertStateStore#commit} call: the new state, written only over the
 * expected version, together with the events it emits, which stay pending until the host's sink
 * has applied them.
 *
 * @param key the alert key
 * @param expectedVersion the version read, or 0 when nothing was stored
 * @param next what to store; its version is greater than {@code expectedVersion}
 * @param events the events to record as pending, in the order they were decided; empty when the
 *     processor has no {@link AlertEventSink}
 * @param changes the outbound changes to record as pending, to be written back to the ticket; empty unless
 *     the host changed the alert (then the store {@link AlertStateStore#keepsChanges() keeps changes})
 */
public record AlertWrite(AlertKey key, long expectedVersion, StoredAlert next, List<AlertEvent> events,
    List<TicketChange> changes) {

  /**
   * A write with events and no outbound change.
   *
   * @param key the alert key
   * @param expectedVersion the version read, or 0 when nothing was stored
   * @param next what to store; its version is greater than {@code expectedVersion}
   * @param events the events to record as pending, in the order they were decided; empty when the
   *     processor has no {@link AlertEventSink}
   */
  public AlertWrite(AlertKey key, long expectedVersion, StoredAlert next, List<AlertEvent> events) {
    this(key, expectedVersion, next, events, List.of());
  }

  /**
   * Checks for nulls, a non-negative expected version and a greater next version; copies the events.
   *
   * @param key the alert key
   * @param expectedVersion the version read, or 0 when nothing was stored
   * @param next what to store; its version is greater than {@code expectedVersion}
   * @param events the events to record as pending, in the order they were decided; empty when the
   *     processor has no {@link AlertEventSink}
   * @param changes the outbound changes to record as pending, to be written back to the ticket; empty unless
   *     the host changed the alert (then the store {@link AlertStateStore#keepsChanges() keeps changes})
   */
  public AlertWrite {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(next, "next");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative, got " + expectedVersion);
    }
    if (next.version() <= expectedVersion) {
      throw new IllegalArgumentException("next version must be greater than " + expectedVersion + ", got "
          + next.version());
    }
    events = List.copyOf(events);
    changes = List.copyOf(changes);
  }
}
