package io.alertbridge.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of an alert's change on its way back to the ticket.
 *
 * @param key the alert key
 * @param status what happened
 * @param state the alert's state afterwards; empty when the alert is unknown
 * @param change the outbound change, when one was recorded
 * @param message what happened, for people: the tool's error when it failed
 * @param nextAttemptAt when the change is tried again, while {@link Status#RETRYING}
 */
public record WriteBackResult(AlertKey key, Status status, Optional<AlertState> state, Optional<TicketChange> change,
    String message, Optional<Instant> nextAttemptAt) {

  /** What happened to a change. */
  public enum Status {
    /** The tool took the change. */
    WRITTEN,
    /** The change is recorded and not yet written: the tool failed for a while, or another change goes first. */
    RETRYING,
    /** The tool refused the change (a 4xx answer), or it kept failing until it was given up; it is dropped. */
    FAILED,
    /** The alert already was in that state; nothing was recorded. */
    UNCHANGED,
    /** No alert is open or remembered for the key. */
    UNKNOWN_ALERT,
    /** The change cannot apply: a resolved alert cannot be accepted. */
    REFUSED
  }

  /**
   * Checks for nulls.
   *
   * @param key the alert key
   * @param status what happened
   * @param state the alert's state afterwards; empty when the alert is unknown
   * @param change the outbound change, when one was recorded
   * @param message what happened, for people: the tool's error when it failed
   * @param nextAttemptAt when the change is tried again, while {@link Status#RETRYING}
   */
  public WriteBackResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
