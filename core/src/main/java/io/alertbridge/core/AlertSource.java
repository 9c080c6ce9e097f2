package io.alertbridge.core;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured instance of an integration in the host: its id, how its deliveries are
 * authenticated, and its overrides. Alerts of different sources never mix, even for one tool.
 *
 * @param id the host's id for this source; alert keys are scoped by it
 * @param integration the integration's name, e.g. {@code zendesk}
 * @param authentication how deliveries are authenticated
 * @param table a status-mapping table replacing the integration's default, if any
 * @param defaultPriority the priority when the delivery's priority maps to none
 * @param reopenPolicy what a creating status does to a resolved alert
 * @param settings the integration's own settings (for example API credentials), if it takes any;
 *     checked by the integration when the processor {@linkplain WebhookProcessor#validate validates}
 *     the source
 */
public record AlertSource(
    String id,
    String integration,
    Authentication authentication,
    Optional<StatusMappingTable> table,
    Priority defaultPriority,
    ReopenPolicy reopenPolicy,
    Optional<IntegrationSettings> settings) {

  private static final Pattern INTEGRATION_NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * Checks for nulls and blanks; copies the settings.
   *
   * @param id the host's id for this source; alert keys are scoped by it
   * @param integration the integration's name, e.g. {@code zendesk}
   * @param authentication how deliveries are authenticated
   * @param table a status-mapping table replacing the integration's default, if any
   * @param defaultPriority the priority when the delivery's priority maps to none
   * @param reopenPolicy what a creating status does to a resolved alert
   * @param settings the integration's own settings (for example API credentials), if it takes any;
   *     checked by the integration when the processor {@linkplain WebhookProcessor#validate validates}
   *     the source
   */
  public AlertSource {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    Objects.requireNonNull(integration, "integration");
    if (!INTEGRATION_NAME.matcher(integration).matches()) {
      throw new IllegalArgumentException("integration must be a lower-case name such as \"zendesk\", got \"" + integration + '"');
    }
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(defaultPriority, "defaultPriority");
    Objects.requireNonNull(reopenPolicy, "reopenPolicy");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param id the host's id for this source
   * @param integration the integration's name
   * @return a source with no authentication and every default
   */
  public static AlertSource of(String id, String integration) {
    return builder(id, integration).build();
  }

  /**
   * @param id the host's id for this source
   * @param integration the integration's name
   * @return a builder with every default: no authentication, the integration's table, HIGH,
   *     {@link ReopenPolicy#NEW_ALERT}, no settings
   */
  public static Builder builder(String id, String integration) {
    return new Builder(id, integration);
  }

  /**
   * @param type the integration's settings type
   * @param <T> that type
   * @return the settings, when the source has settings of that type
   */
  public <T extends IntegrationSettings> Optional<T> settings(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return settings.filter(type::isInstance).map(type::cast);
  }

  @Override
  public String toString() {
    return "AlertSource[id=" + id + ", integration=" + integration + ", authentication="
        + authentication.getClass().getSimpleName() + ", table=" + (table.isPresent() ? "overridden" : "default")
        + ", defaultPriority=" + defaultPriority + ", reopenPolicy=" + reopenPolicy
        + ", settings=" + settings.map(Object::toString).orElse("none") + "]";
  }

  /** Builds an {@link AlertSource}. */
  public static final class Builder {
    private final String id;
    private final String integration;
    private Authentication authentication = Authentication.none();
    private StatusMappingTable table;
    private Priority defaultPriority = Priority.HIGH;
    private ReopenPolicy reopenPolicy = ReopenPolicy.NEW_ALERT;
    private IntegrationSettings settings;

    private Builder(String id, String integration) {
      this.id = id;
      this.integration = integration;
    }

    /**
     * @param authentication how deliveries are authenticated
     * @return this builder
     */
    public Builder authentication(Authentication authentication) {
      this.authentication = Objects.requireNonNull(authentication, "authentication");
      return this;
    }

    /**
     * @param table a table replacing the integration's default
     * @return this builder
     */
    public Builder table(StatusMappingTable table) {
      this.table = Objects.requireNonNull(table, "table");
      return this;
    }

    /**
     * @param defaultPriority the priority when none maps
     * @return this builder
     */
    public Builder defaultPriority(Priority defaultPriority) {
      this.defaultPriority = Objects.requireNonNull(defaultPriority, "defaultPriority");
      return this;
    }

    /**
     * @param reopenPolicy what a creating status does to a resolved alert
     * @return this builder
     */
    public Builder reopenPolicy(ReopenPolicy reopenPolicy) {
      this.reopenPolicy = Objects.requireNonNull(reopenPolicy, "reopenPolicy");
      return this;
    }

    /**
     * @param settings the integration's own settings
     * @return this builder
     */
    public Builder settings(IntegrationSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** @return the alert source */
    public AlertSource build() {
      return new AlertSource(id, integration, authentication, Optional.ofNullable(table), defaultPriority,
          reopenPolicy, Optional.ofNullable(settings));
    }
  }
}
