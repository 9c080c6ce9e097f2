package io.alertbridge.autotask;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Link;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.UnavailableException;
import java.util.List;
import java.util.Optional;

/** Reads a callout, fetches the ticket it names, and turns the ticket into a snapshot. */
final class CalloutParser implements DeliveryParser {
  private final AutotaskTicketSource tickets;

  CalloutParser(AutotaskTicketSource tickets) {
    this.tickets = tickets;
  }

  @Override
  public List<TicketSnapshot> parse(Delivery delivery, ParseContext context) {
    CalloutReader.Callout callout = CalloutReader.read(delivery);
    AutotaskTicket ticket = fetch(callout.id(), context).orElseThrow(() -> new InvalidFieldException("/id",
        "the id of a ticket the Autotask API knows", callout.id() + ", which it does not know (not found)"));
    return List.of(snapshot(callout, ticket));
  }

  private Optional<AutotaskTicket> fetch(long id, ParseContext context) {
    Optional<AutotaskTicket> ticket;
    try {
      ticket = tickets.ticket(id, context);
    } catch (UnavailableException | InvalidDeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AutotaskApiException(AutotaskApiException.Reason.FAILED,
          "the Autotask ticket source failed to give ticket " + id + ": " + e.getClass().getSimpleName(), e);
    }
    if (ticket == null) {
      throw new AutotaskApiException(AutotaskApiException.Reason.FAILED,
          "the Autotask ticket source gave null for ticket " + id + " instead of an Optional");
    }
    return ticket;
  }

  static TicketSnapshot snapshot(CalloutReader.Callout callout, AutotaskTicket ticket) {
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(Long.toString(callout.id()), ticket.status())
        .summary(ticket.title())
        .details(ticket.description())
        .priority(ticket.priority().orElse(null))
        .sourceUpdatedAt(ticket.lastActivityDate().orElse(null));
    String text = ticket.ticketNumber().isEmpty() ? "Autotask ticket " + callout.id()
        : "Autotask ticket " + ticket.ticketNumber();
    ticket.link().ifPresent(href -> snapshot.link(new Link(href, text)));
    if (!ticket.customDetails().containsKey("ticketNumber")) {
      callout.number().ifPresent(number -> snapshot.customDetail("ticketNumber", number));
    }
    ticket.customDetails().forEach(snapshot::customDetail);
    ticket.notes().forEach(snapshot::note);
    if (ticket.id() != callout.id()) {
      snapshot.note("the ticket source answered ticket " + ticket.id() + " for the callout's id " + callout.id());
    }
    callout.number().filter(number -> !ticket.ticketNumber().isEmpty() && !number.equals(ticket.ticketNumber()))
        .ifPresent(number -> snapshot.note("the callout's number " + number + " differs from the ticket's "
            + ticket.ticketNumber()));
    return snapshot.build();
  }
}
