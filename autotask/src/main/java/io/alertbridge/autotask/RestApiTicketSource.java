package io.alertbridge.autotask;

import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.ParseContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link AutotaskTicketSource}: one {@link AutotaskApiClient} per distinct settings. */
final class RestApiTicketSource implements AutotaskTicketSource {
  /** More distinct settings than alert sources a host plausibly has: start over rather than grow. */
  private static final int MAX_CLIENTS = 256;

  private final ConcurrentMap<AutotaskSettings, AutotaskApiClient> clients = new ConcurrentHashMap<>();

  @Override
  public Optional<AutotaskTicket> ticket(long id, ParseContext context) {
    AutotaskSettings settings = context.source().settings(AutotaskSettings.class)
        .orElseThrow(() -> new ConfigurationException("alert source " + context.source().id(),
            List.of(AutotaskIntegration.NEEDS_SETTINGS)));
    AutotaskApiClient client = clients.get(settings);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.clear();
      }
      client = clients.computeIfAbsent(settings, AutotaskApiClient::new);
    }
    return client.ticket(id, context.clock(), context.limits());
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
