package io.alertbridge.core;

/**
 * One ticket event a parser read from a delivery: either the ticket itself ({@link TicketSnapshot}),
 * or only a reference to it ({@link TicketReference}) that the integration's {@link TicketSource}
 * fetches after authentication and de-duplication, before the decision, or, in a batch, an element
 * that could not be read ({@link UnreadableTicketEvent}), answered INVALID on its own.
 */
public sealed interface TicketEvent permits TicketSnapshot, TicketReference, UnreadableTicketEvent {

  /**
   * @return the tool's ticket id: the alert key within the alert source; empty only for an {@link
   *     UnreadableTicketEvent} whose id is not known
   */
  String ticketId();
}
