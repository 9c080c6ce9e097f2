package io.alertbridge.core;

/**
 * Fetches a ticket that a delivery only names ({@link TicketReference}), usually from the tool's API.
 * A step of its own in the {@link WebhookProcessor}: it runs after authentication and de-duplication
 * and before the decision, on every {@link WebhookProcessor#process}, and in {@link
 * WebhookProcessor#explain(AlertSource, Delivery, boolean)} only when asked. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface TicketSource {

  /**
   * @param reference the ticket the delivery names
   * @param context the alert source (its {@link IntegrationSettings}), the limits and the clock
   * @return the ticket as it is now
   * @throws InvalidDeliveryException when the tool does not know the ticket, or the delivery names
   *     it wrongly (answered 400)
   * @throws UnavailableException when the tool's API cannot answer for now (answered 503, so that
   *     the tool sends again); any other exception is treated the same way and logged
   */
  TicketSnapshot fetch(TicketReference reference, ParseContext context);
}
