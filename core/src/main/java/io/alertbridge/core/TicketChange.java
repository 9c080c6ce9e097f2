package io.alertbridge.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound change: what AlertBridge is to write to one ticket, decided when the host changed the alert
 * and kept in the outbox until the tool has taken it.
 *
 * @param changeId unique per alert key; the same on every attempt
 * @param alertId the alert the change belongs to
 * @param state the alert's new state
 * @param status the ticket status to write, by the source's {@link WriteBackTable}; empty to write a note
 *     only
 * @param note the note to add to the ticket, ready to write (e.g. "Accepted in AlertBridge by Ada")
 * @param requestedAt when the host changed the alert
 */
public record TicketChange(String changeId, String alertId, AlertState state, Optional<String> status, String note,
    Instant requestedAt) {

  /**
   * Checks for nulls.
   *
   * @param changeId unique per alert key; the same on every attempt
   * @param alertId the alert the change belongs to
   * @param state the alert's new state
   * @param status the ticket status to write, by the source's {@link WriteBackTable}; empty to write a note
   *     only
   * @param note the note to add to the ticket, ready to write (e.g. "Accepted in AlertBridge by Ada")
   * @param requestedAt when the host changed the alert
   */
  public TicketChange {
    Objects.requireNonNull(changeId, "changeId");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
