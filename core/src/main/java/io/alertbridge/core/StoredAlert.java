package io.alertbridge.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link AlertStateStore} keeps per alert key. A store keeps every field exactly as written
 * (strings of any length and any characters) and gives it back unchanged; it never interprets one.
 *
 * @param state the alert's state
 * @param alertId the id of the alert: stays the same while it is open and resolved, and changes
 *     when a resolved ticket opens a new alert. Opaque: at most 64 characters, unique across alert
 *     sources, processes and restarts; keep and compare it as it is, and do not parse it
 * @param lastSourceUpdate the newest source update time applied, if deliveries carry one
 * @param lastStatusKey the comparison key of the last status applied: two statuses are the same when
 *     their keys are equal. The format is stable across releases, so keys stored by any release
 *     compare as they did: the status's label folded (lower case, without spaces, tabs, no-break
 *     spaces, hyphens and underscores), followed by {@code #} and the numeric id when the tool sent
 *     one. {@code "In Progress"} with id 3 is {@code inprogress#3}; id 7 without a label is {@code #7}
 * @param version grows with every write of the key, and never goes back (see {@link AlertStateStore});
 *     for compare-and-set
 * @param updatedAt when it was last written (processor clock)
 * @param expiresAt when a resolved alert is forgotten; empty while open
 * @param recentDeliveryIds the ids of the last deliveries that wrote this key, oldest first, at most
 *     {@link #MAX_RECENT_DELIVERY_IDS}: written in the same atomic step as the state, so that a retry
 *     is recognised even when the store failed after committing and the delivery log never heard of it
 * @param echo the status AlertBridge wrote back to the ticket, while its echo is expected; empty otherwise
 */
public record StoredAlert(
    AlertState state,
    String alertId,
    Optional<Instant> lastSourceUpdate,
    String lastStatusKey,
    long version,
    Instant updatedAt,
    Optional<Instant> expiresAt,
    List<String> recentDeliveryIds,
    Optional<Echo> echo) {

  /** How many delivery ids a stored alert remembers. */
  public static final int MAX_RECENT_DELIVERY_IDS = 4;

  /**
   * The statuses written back to the ticket lately: a ticket event with one of them until {@code until} is
   * the tool's echo of a write and changes nothing.
   *
   * @param statusKeys the statuses' comparison keys, in the format of {@link StoredAlert#lastStatusKey()}
   *     without the id; at most {@link #MAX_STATUSES}
   * @param until when the echo is no longer expected
   */
  public record Echo(List<String> statusKeys, Instant until) {
    /** How many statuses an echo remembers. */
    public static final int MAX_STATUSES = 24;

    /**
     * Checks for nulls and the bound; copies the keys.
     *
     * @param statusKeys the statuses' comparison keys, in the format of {@link StoredAlert#lastStatusKey()}
     *     without the id; at most {@link #MAX_STATUSES}
     * @param until when the echo is no longer expected
     */
    public Echo {
      statusKeys = List.copyOf(statusKeys);
      Objects.requireNonNull(until, "until");
      if (statusKeys.size() > MAX_STATUSES) {
        throw new IllegalArgumentException("at most " + MAX_STATUSES + " statuses, got " + statusKeys.size());
      }
    }

    /**
     * @param status a status's comparison key, with or without its id
     * @param now the current time
     * @return whether the status is one of this echo's, and the echo still expected
     */
    public boolean matches(String status, Instant now) {
      int hash = status.indexOf('#');
      String label = hash < 0 ? status : status.substring(0, hash);
      return now.isBefore(until) && !label.isEmpty() && statusKeys.contains(label);
    }
  }

  /**
   * A stored alert without an expected echo.
   *
   * @param state the alert's state
   * @param alertId the id of the alert: stays the same while it is open and resolved, and changes
   *     when a resolved ticket opens a new alert. Opaque: at most 64 characters, unique across alert
   *     sources, processes and restarts; keep and compare it as it is, and do not parse it
   * @param lastSourceUpdate the newest source update time applied, if deliveries carry one
   * @param lastStatusKey the comparison key of the last status applied: two statuses are the same when
   *     their keys are equal. The format is stable across releases, so keys stored by any release
   *     compare as they did: the status's label folded (lower case, without spaces, tabs, no-break
   *     spaces, hyphens and underscores), followed by {@code #} and the numeric id when the tool sent
   *     one. {@code "In Progress"} with id 3 is {@code inprogress#3}; id 7 without a label is {@code #7}
   * @param version grows with every write of the key, and never goes back (see {@link AlertStateStore});
   *     for compare-and-set
   * @param updatedAt when it was last written (processor clock)
   * @param expiresAt when a resolved alert is forgotten; empty while open
   * @param recentDeliveryIds the ids of the last deliveries that wrote this key, oldest first, at most
   *     {@link #MAX_RECENT_DELIVERY_IDS}: written in the same atomic step as the state, so that a retry
   *     is recognised even when the store failed after committing and the delivery log never heard of it
   */
  public StoredAlert(AlertState state, String alertId, Optional<Instant> lastSourceUpdate, String lastStatusKey,
      long version, Instant updatedAt, Optional<Instant> expiresAt, List<String> recentDeliveryIds) {
    this(state, alertId, lastSourceUpdate, lastStatusKey, version, updatedAt, expiresAt, recentDeliveryIds,
        Optional.empty());
  }

  /**
   * Checks for nulls, a positive version and at most {@link #MAX_RECENT_DELIVERY_IDS} delivery ids.
   *
   * @param state the alert's state
   * @param alertId the id of the alert: stays the same while it is open and resolved, and changes
   *     when a resolved ticket opens a new alert. Opaque: at most 64 characters, unique across alert
   *     sources, processes and restarts; keep and compare it as it is, and do not parse it
   * @param lastSourceUpdate the newest source update time applied, if deliveries carry one
   * @param lastStatusKey the comparison key of the last status applied: two statuses are the same when
   *     their keys are equal. The format is stable across releases, so keys stored by any release
   *     compare as they did: the status's label folded (lower case, without spaces, tabs, no-break
   *     spaces, hyphens and underscores), followed by {@code #} and the numeric id when the tool sent
   *     one. {@code "In Progress"} with id 3 is {@code inprogress#3}; id 7 without a label is {@code #7}
   * @param version grows with every write of the key, and never goes back (see {@link AlertStateStore});
   *     for compare-and-set
   * @param updatedAt when it was last written (processor clock)
   * @param expiresAt when a resolved alert is forgotten; empty while open
   * @param recentDeliveryIds the ids of the last deliveries that wrote this key, oldest first, at most
   *     {@link #MAX_RECENT_DELIVERY_IDS}: written in the same atomic step as the state, so that a retry
   *     is recognised even when the store failed after committing and the delivery log never heard of it
   * @param echo the status AlertBridge wrote back to the ticket, while its echo is expected; empty otherwise
   */
  public StoredAlert {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(lastSourceUpdate, "lastSourceUpdate");
    Objects.requireNonNull(lastStatusKey, "lastStatusKey");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(echo, "echo");
    recentDeliveryIds = List.copyOf(recentDeliveryIds);
    if (recentDeliveryIds.size() > MAX_RECENT_DELIVERY_IDS) {
      throw new IllegalArgumentException("at most " + MAX_RECENT_DELIVERY_IDS + " recent delivery ids, got "
          + recentDeliveryIds.size());
    }
  }

  /**
   * @param version the version to write instead
   * @return this alert with another version
   */
  public StoredAlert withVersion(long version) {
    return new StoredAlert(state, alertId, lastSourceUpdate, lastStatusKey, version, updatedAt, expiresAt,
        recentDeliveryIds, echo);
  }

  /**
   * @param now the current time
   * @return whether the alert is forgotten at {@code now}
   */
  public boolean isExpired(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }
}
