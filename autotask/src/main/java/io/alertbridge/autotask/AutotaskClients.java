package io.alertbridge.autotask;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link AutotaskApiClient} per distinct {@link AutotaskSettings}, so that fetching tickets and writing
 * to them share the zone and the picklists. Thread-safe.
 */
final class AutotaskClients {
  /** More distinct settings than alert sources a host plausibly has: start over rather than grow. */
  private static final int MAX_CLIENTS = 256;

  private final ConcurrentMap<AutotaskSettings, AutotaskApiClient> clients = new ConcurrentHashMap<>();

  /**
   * @param source an alert source
   * @return the client for its settings
   * @throws ConfigurationException when the source has no {@link AutotaskSettings}
   */
  AutotaskApiClient client(AlertSource source) {
    AutotaskSettings settings = source.settings(AutotaskSettings.class)
        .orElseThrow(() -> new ConfigurationException("alert source " + source.id(),
            List.of(AutotaskIntegration.NEEDS_SETTINGS)));
    AutotaskApiClient client = clients.get(settings);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.clear();
      }
      client = clients.computeIfAbsent(settings, AutotaskApiClient::new);
    }
    return client;
  }

  /** @return how many clients are kept */
  int size() {
    return clients.size();
  }
}
