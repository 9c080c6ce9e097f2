package io.alertbridge.core;

import java.util.List;

/**
 * Reads a delivery into ticket events. Part of an {@link Integration}. A parser reads only the
 * delivery: it never calls the tool. When the delivery only names a ticket, it returns a {@link
 * TicketReference}, and the integration's {@link TicketSource} fetches the ticket as a step of its own.
 */
@FunctionalInterface
public interface DeliveryParser {

  /**
   * @param delivery the delivery, already checked for size, content type and authenticity
   * @param context the alert source, limits and clock
   * @return one event per ticket event in the delivery (a {@link TicketSnapshot}, or a {@link
   *     TicketReference} to fetch): usually one; several when the tool batches, where an element that
   *     cannot be read is an {@link UnreadableTicketEvent} so that the others are still decided; never
   *     empty
   * @throws InvalidDeliveryException when the delivery cannot be read (answered with 400)
   */
  List<? extends TicketEvent> parse(Delivery delivery, ParseContext context);
}
