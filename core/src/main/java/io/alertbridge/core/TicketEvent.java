package io.alertbridge.core;

/**
 * One ticket event a parser read from a delivery: either the ticket itself ({@link TicketSnapshot}),
 * or only a reference to it ({@link TicketReference}) that the integration's {@link TicketSource}
 * fetches after authentication and de-duplication, before the decision.
 */
public sealed interface TicketEvent permits TicketSnapshot, TicketReference {

  /** @return the tool's ticket id: the alert key within the alert source */
  String ticketId();
}
