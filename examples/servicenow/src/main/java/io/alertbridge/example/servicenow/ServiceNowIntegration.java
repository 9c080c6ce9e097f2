package io.alertbridge.example.servicenow;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.IGNORE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.AbstractIntegration;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.StatusMappingTable.Row;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * ServiceNow incidents, posted as JSON by a REST message that a Business Rule or a Flow sends when an
 * incident is inserted or updated. The incident's {@code sys_id} is the alert key.
 *
 * <p>The default table, by state id and label: 1 New creates an alert and keeps an open one; 2 In
 * Progress creates one or accepts the open one; 3 On Hold accepts the open one and creates none; 6
 * Resolved, 7 Closed and 8 Canceled resolve the open one and may not create one; any other state
 * creates an alert and keeps an open one. Priorities 1 (Critical) and 2 (High) are HIGH, any other
 * LOW.
 *
 * <p>ServiceNow does not sign its REST messages: authenticate with a shared-secret header that the
 * REST message sends. Optional settings ({@link ServiceNowSettings}) give the instance's address, for
 * a link to the incident.
 */
public final class ServiceNowIntegration extends AbstractIntegration {
  /** The integration's name in registries and alert sources: {@code servicenow}. */
  public static final String NAME = "servicenow";

  private static final StatusMappingTable TABLE = StatusMappingTable.builder()
      .row(new Row(List.of("New"), List.of(1L), LifecycleRule.of(CREATE, KEEP)))
      .row(new Row(List.of("In Progress"), List.of(2L), LifecycleRule.of(CREATE, ACCEPT)))
      .row(new Row(List.of("On Hold"), List.of(3L), LifecycleRule.of(IGNORE, ACCEPT)))
      .row(new Row(List.of("Resolved", "Closed", "Canceled", "Cancelled"), List.of(6L, 7L, 8L),
          LifecycleRule.of(REJECT, RESOLVE)))
      .otherwise(LifecycleRule.of(CREATE, KEEP))
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .id(Priority.HIGH, 1, 2)
      .name(Priority.HIGH, "1 - Critical", "2 - High", "Critical", "High")
      .otherwise(Priority.LOW)
      .build();

  /** Creates the integration; {@link java.util.ServiceLoader} calls this. */
  public ServiceNowIntegration() {
    super(NAME, new IncidentParser(), TABLE, PRIORITIES);
  }





  /**
   * @param settings {@code {"instanceUrl": "https://example.service-now.com"}}, or an empty object
   * @return the settings, or empty for an empty object
   * @throws io.alertbridge.core.ConfigurationException listing every problem by JSON pointer
   */
  @Override
  public Optional<IntegrationSettings> readSettings(JsonObject settings) {
    if (settings.values().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ServiceNowSettings.fromJson(settings));
  }

  /** @return a problem when the source carries settings of another type; none are required */
  @Override
  public List<String> validate(AlertSource source) {
    return source.settings()
        .filter(settings -> !(settings instanceof ServiceNowSettings))
        .map(settings -> List.of("the " + NAME + " integration takes ServiceNowSettings, not "
            + settings.getClass().getSimpleName()))
        .orElse(List.of());
  }

  @Override
  public String toString() {
    return "ServiceNowIntegration";
  }
}
