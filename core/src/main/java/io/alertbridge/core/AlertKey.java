package io.alertbridge.core;

import java.util.Objects;

/**
 * Identifies one alert: the ticket id, scoped by the alert source.
 *
 * @param sourceId the alert source's id
 * @param ticketId the ticket id as the tool spells it
 */
public record AlertKey(String sourceId, String ticketId) {

  /**
   * Checks for nulls.
   *
   * @param sourceId the alert source's id
   * @param ticketId the ticket id as the tool spells it
   */
  public AlertKey {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(ticketId, "ticketId");
  }
}
