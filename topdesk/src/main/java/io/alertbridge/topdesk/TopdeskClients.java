package io.alertbridge.topdesk;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One {@link TopdeskApi} per distinct {@link TopdeskSettings}, shared by the writer and the poller. */
final class TopdeskClients {
  /** More distinct settings than alert sources a host plausibly has: start over rather than grow. */
  private static final int MAX_CLIENTS = 256;

  private final ConcurrentMap<TopdeskSettings, TopdeskApi> clients = new ConcurrentHashMap<>();

  /**
   * @param settings the source's settings
   * @return the client for them
   */
  TopdeskApi get(TopdeskSettings settings) {
    TopdeskApi client = clients.get(settings);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.clear();
      }
      client = clients.computeIfAbsent(settings, TopdeskApi::new);
    }
    return client;
  }

  /**
   * @param source an alert source
   * @param purpose what needs the settings, e.g. {@code "writing changes back to TOPdesk"}
   * @return the source's settings
   * @throws ConfigurationException when it has none, saying which to add
   */
  static TopdeskSettings required(AlertSource source, String purpose) {
    return source.settings(TopdeskSettings.class).orElseThrow(() -> new ConfigurationException(
        "alert source " + source.id(), List.of(purpose + " needs the source's TOPdesk API settings: add settings"
            + " with apiUrl (the tenant's base address, such as https://acme.topdesk.net), username and"
            + " applicationPassword (an operator's login name and application password; see TopdeskSettings)")));
  }
}
