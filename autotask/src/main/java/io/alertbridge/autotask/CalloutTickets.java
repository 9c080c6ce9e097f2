package io.alertbridge.autotask;

import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Link;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketReference;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketSource;
import io.alertbridge.core.UnavailableException;
import java.util.Optional;

/** The ticket-source step: fetches the ticket a callout names and turns it into a snapshot. */
final class CalloutTickets implements TicketSource {
  private final AutotaskTicketSource tickets;

  CalloutTickets(AutotaskTicketSource tickets) {
    this.tickets = tickets;
  }

  @Override
  public TicketSnapshot fetch(TicketReference reference, ParseContext context) {
    long id = Long.parseLong(reference.ticketId());
    Optional<String> number = reference.attribute(CalloutParser.NUMBER);
    AutotaskTicket ticket = ticket(id, context).orElseThrow(() -> new InvalidFieldException("/id",
        "the id of a ticket the Autotask API knows", id + ", which it does not know (not found)"));
    return snapshot(id, number, ticket);
  }

  private Optional<AutotaskTicket> ticket(long id, ParseContext context) {
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

  static TicketSnapshot snapshot(long id, Optional<String> number, AutotaskTicket ticket) {
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(Long.toString(id), ticket.status())
        .summary(ticket.title())
        .details(ticket.description())
        .priority(ticket.priority().orElse(null))
        .sourceUpdatedAt(ticket.lastActivityDate().orElse(null));
    String text = ticket.ticketNumber().isEmpty() ? "Autotask ticket " + id
        : "Autotask ticket " + ticket.ticketNumber();
    ticket.link().ifPresent(href -> snapshot.link(new Link(href, text)));
    if (!ticket.customDetails().containsKey("ticketNumber")) {
      number.ifPresent(n -> snapshot.customDetail("ticketNumber", n));
    }
    ticket.customDetails().forEach(snapshot::customDetail);
    ticket.notes().forEach(snapshot::note);
    if (ticket.id() != id) {
      snapshot.note("the ticket source answered ticket " + ticket.id() + " for the callout's id " + id);
    }
    number.filter(n -> !ticket.ticketNumber().isEmpty() && !n.equals(ticket.ticketNumber()))
        .ifPresent(n -> snapshot.note("the callout's number " + n + " differs from the ticket's "
            + ticket.ticketNumber()));
    return snapshot.build();
  }
}
