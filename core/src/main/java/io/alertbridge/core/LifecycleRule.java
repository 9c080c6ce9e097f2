package io.alertbridge.core;

import java.util.Objects;

/**
 * What one status does: when no open alert exists, and when one does. One row of a
 * {@link StatusMappingTable} maps its statuses to one rule.
 *
 * @param whenAbsent what to do when the ticket has no open alert
 * @param whenOpen what to do when the ticket has an open alert
 */
public record LifecycleRule(WhenAbsent whenAbsent, WhenOpen whenOpen) {

  /** What a status does when the ticket has no open alert. */
  public enum WhenAbsent {
    /** Create an alert. */
    CREATE,
    /** Refuse the delivery: this status may not create an alert (400). */
    REJECT,
    /** Do nothing (200). */
    IGNORE
  }

  /** What a status does when the ticket has an open alert. */
  public enum WhenOpen {
    /** Leave the alert as it is. */
    KEEP,
    /** Accept the alert, unless it is already accepted. */
    ACCEPT,
    /** Resolve the alert. */
    RESOLVE
  }

  /**
   * Checks for nulls.
   *
   * @param whenAbsent what to do when the ticket has no open alert
   * @param whenOpen what to do when the ticket has an open alert
   */
  public LifecycleRule {
    Objects.requireNonNull(whenAbsent, "whenAbsent");
    Objects.requireNonNull(whenOpen, "whenOpen");
  }

  /**
   * @param whenAbsent what to do when the ticket has no open alert
   * @param whenOpen what to do when the ticket has an open alert
   * @return the rule
   */
  public static LifecycleRule of(WhenAbsent whenAbsent, WhenOpen whenOpen) {
    return new LifecycleRule(whenAbsent, whenOpen);
  }

  @Override
  public String toString() {
    return whenAbsent + " / " + whenOpen;
  }
}
