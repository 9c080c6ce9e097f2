package io.alertbridge.autotask;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketReference;
import java.util.List;
import java.util.Map;

/**
 * Reads a callout into a reference to the ticket it names: the ticket itself is fetched by {@link
 * CalloutTickets}, a step of its own.
 */
final class CalloutParser implements DeliveryParser {
  /** The reference attribute holding the callout's ticket number, when it sent one. */
  static final String NUMBER = "number";

  @Override
  public List<TicketReference> parse(Delivery delivery, ParseContext context) {
    CalloutReader.Callout callout = CalloutReader.read(delivery);
    Map<String, String> attributes = callout.number().map(number -> Map.of(NUMBER, number)).orElse(Map.of());
    return List.of(new TicketReference(Long.toString(callout.id()), attributes));
  }
}
