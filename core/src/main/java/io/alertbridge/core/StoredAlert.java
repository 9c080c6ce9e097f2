package io.alertbridge.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link AlertStateStore} keeps per alert key.
 *
 * @param state the alert's state
 * @param alertId the id of the alert: stays the same while it is open and resolved, and changes
 *     when a resolved ticket opens a new alert
 * @param lastSourceUpdate the newest source update time applied, if deliveries carry one
 * @param lastStatus the last status applied, folded for comparison
 * @param version grows with every write of the key, and never goes back (see {@link AlertStateStore});
 *     for compare-and-set
 * @param updatedAt when it was last written (processor clock)
 * @param expiresAt when a resolved alert is forgotten; empty while open
 */
public record StoredAlert(
    AlertState state,
    String alertId,
    Optional<Instant> lastSourceUpdate,
    String lastStatus,
    long version,
    Instant updatedAt,
    Optional<Instant> expiresAt) {

  /** Checks for nulls and a positive version. */
  public StoredAlert {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(lastSourceUpdate, "lastSourceUpdate");
    Objects.requireNonNull(lastStatus, "lastStatus");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** @param now the current time @return whether the alert is forgotten at {@code now} */
  public boolean isExpired(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }
}
