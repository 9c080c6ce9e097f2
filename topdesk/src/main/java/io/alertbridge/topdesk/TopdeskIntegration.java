package io.alertbridge.topdesk;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.IGNORE;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.AbstractIntegration;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketPoller;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * TOPdesk, through action sequences: an HTTP request step posts a small JSON body with
 * {@code eventType} ({@code ALERT}, {@code ACCEPT} or {@code RESOLVE}), {@code incidentKey} (or
 * {@code alertKey}), {@code summary} and any further fields, which become custom details.
 *
 * <p>The event type is the snapshot's status. The default table: {@code ALERT} creates an alert
 * (and keeps an open one), {@code ACCEPT} accepts the open alert, {@code RESOLVE} resolves it; with
 * no open alert, {@code ACCEPT} and {@code RESOLVE} change nothing, so repeated deliveries are
 * harmless. TOPdesk does not sign its requests: authenticate with a shared-secret header or HTTP
 * Basic.
 *
 * <p>Two-way, with {@link TopdeskSettings}: the host's accepts and resolves are written back to the
 * incident ({@link #ticketWriter()}: a processing status and an action invisible for the caller), and the
 * incidents modified lately can be polled ({@link #ticketPoller()}), alongside webhooks or instead of them.
 * Settings are optional: a source without them takes webhooks only.
 */
public final class TopdeskIntegration extends AbstractIntegration {
  /** The integration's name in registries and alert sources: {@code topdesk}. */
  public static final String NAME = "topdesk";

  private static final StatusMappingTable TABLE = StatusMappingTable.builder()
      // event type: what it does with no open alert / with an open alert
      .row(LifecycleRule.of(CREATE, KEEP), "ALERT")
      .row(LifecycleRule.of(IGNORE, ACCEPT), "ACCEPT")
      .row(LifecycleRule.of(IGNORE, RESOLVE), "RESOLVE")
      .otherwise(LifecycleRule.of(IGNORE, KEEP))
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .name(Priority.HIGH, "HIGH")
      .name(Priority.LOW, "LOW")
      .build();

  private final TopdeskClients clients = new TopdeskClients();
  private final TopdeskWriter writer = new TopdeskWriter(clients);
  private final TopdeskPoller poller = new TopdeskPoller(clients);

  /** Creates the integration; used by {@link java.util.ServiceLoader}, and can be called by hand. */
  public TopdeskIntegration() {
    super(NAME, new ActionSequenceParser(), TABLE, PRIORITIES);
  }

  /** @return {@link TopdeskSettings#fromJson} of the object, or empty for an empty object */
  @Override
  public Optional<IntegrationSettings> readSettings(JsonObject settings) {
    return settings.values().isEmpty() ? Optional.empty() : Optional.of(TopdeskSettings.fromJson(settings));
  }

  /** @return a problem when the source has settings that are not {@link TopdeskSettings}; none are needed */
  @Override
  public List<String> validate(AlertSource source) {
    return SettingChecks.typeOf(source, NAME, TopdeskSettings.class);
  }

  /**
   * @return the way back: {@code PATCH /tas/api/incidents/number/{number}} with the processing status of the
   *     source's write-back table and the note as an action invisible for the caller; a source without
   *     {@link TopdeskSettings} cannot write
   */
  @Override
  public Optional<TicketWriter> ticketWriter() {
    return Optional.of(writer);
  }

  /**
   * @return the poller of the incidents modified since the last poll, filtered by the source's {@code
   *     poll.query}; a source without a {@code poll} in its settings is not polled
   */
  @Override
  public Optional<TicketPoller> ticketPoller() {
    return Optional.of(poller);
  }
}
