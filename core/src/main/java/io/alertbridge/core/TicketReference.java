package io.alertbridge.core;

import java.util.Map;
import java.util.Objects;

/**
 * A ticket event that names a ticket without carrying it, such as an Autotask callout or an
 * "event information only" webhook: the integration's {@link TicketSource} fetches the ticket.
 *
 * @param ticketId the tool's ticket id, not blank
 * @param attributes what else the delivery said about the ticket (such as its number), for the
 *     ticket source; copied
 */
public record TicketReference(String ticketId, Map<String, String> attributes) implements TicketEvent {

  /**
   * Checks for nulls and a blank id; copies the attributes.
   *
   * @param ticketId the tool's ticket id, not blank
   * @param attributes what else the delivery said about the ticket (such as its number), for the
   *     ticket source; copied
   */
  public TicketReference {
    Objects.requireNonNull(ticketId, "ticketId");
    if (ticketId.isBlank()) {
      throw new IllegalArgumentException("ticketId must not be blank");
    }
    attributes = Map.copyOf(attributes);
  }

  /**
   * @param ticketId the tool's ticket id
   * @return a reference without attributes
   */
  public static TicketReference of(String ticketId) {
    return new TicketReference(ticketId, Map.of());
  }

  /**
   * @param name an attribute's name
   * @return its value, if the delivery gave one
   */
  public java.util.Optional<String> attribute(String name) {
    return java.util.Optional.ofNullable(attributes.get(name));
  }
}
