package io.alertbridge.autotask;

import io.alertbridge.core.ParseContext;
import java.util.Optional;

/** The default {@link AutotaskTicketSource}: one {@link AutotaskApiClient} per distinct settings. */
final class RestApiTicketSource implements AutotaskTicketSource {
  private final AutotaskClients clients = new AutotaskClients();

  @Override
  public Optional<AutotaskTicket> ticket(long id, ParseContext context) {
    return clients.client(context.source()).ticket(id, context.clock(), context.limits());
  }

  /** @return the clients, to share with the ticket writer */
  AutotaskClients clients() {
    return clients;
  }

  /** @return how many clients are cached */
  int clientCount() {
    return clients.size();
  }

  @Override
  public String toString() {
    return "AutotaskTicketSource.restApi[" + clients.size() + " clients]";
  }
}
