package io.alertbridge.core;

import java.util.List;

/** Reads a delivery into ticket snapshots. Part of an {@link Integration}. */
@FunctionalInterface
public interface DeliveryParser {

  /**
   * @param delivery the delivery, already checked for size, content type and authenticity
   * @param context the alert source, limits and clock
   * @return one snapshot per ticket event in the delivery: usually one; several when the tool
   *     batches; never empty
   * @throws InvalidDeliveryException when the delivery cannot be read (answered with 400)
   * @throws UnavailableException when something the parser must call is down (answered with 503)
   */
  List<TicketSnapshot> parse(Delivery delivery, ParseContext context);
}
