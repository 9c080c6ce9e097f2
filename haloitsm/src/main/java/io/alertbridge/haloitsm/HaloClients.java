package io.alertbridge.haloitsm;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link HaloApiClient} per distinct {@link HaloSettings}, shared by the ticket source and the ticket
 * writer so that both use one token and one copy of the tenant's statuses.
 */
final class HaloClients {
  /** More distinct settings than alert sources a host plausibly has: start over rather than grow. */
  private static final int MAX_CLIENTS = 256;

  private final ConcurrentMap<HaloSettings, HaloApiClient> clients = new ConcurrentHashMap<>();

  /**
   * @param settings an alert source's settings
   * @return the client for them
   */
  HaloApiClient client(HaloSettings settings) {
    HaloApiClient client = clients.get(settings);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.clear();
      }
      client = clients.computeIfAbsent(settings, HaloApiClient::new);
    }
    return client;
  }

  @Override
  public String toString() {
    return "HaloClients[" + clients.size() + "]";
  }
}
