package io.alertbridge.haloitsm;

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
import io.alertbridge.core.StatusMappingTable.Row;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSource;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * HaloITSM and HaloPSA: tickets from a Custom Integration method run by a runbook on "New Ticket
 * Logged" and "Ticket Status Changed", or from native webhooks (one envelope, or an array of them).
 *
 * <p>The default table: a closed-like status (id 9, or named Closed, Resolved, Cancelled, Completed
 * or Complete, or any status of a ticket whose {@code hasbeenclosed} is true or whose
 * {@code dateclosed} is a real date, which is then also named "Closed") is ignored without an open
 * alert and resolves an open one; status 1 or New creates an alert and keeps an open one; any other
 * status creates an alert or accepts the open one. Priorities map by name first (Critical, Urgent,
 * High are HIGH; Medium, Low are LOW), then by id (1, 2 HIGH; 3, 4 LOW).
 *
 * <p>Native webhooks set to send "event information only" ({@code event}, {@code object_id}, no
 * ticket) name their ticket: the ticket-source step fetches it from the Halo API ({@code GET
 * /api/Tickets/{id}}) with the alert source's {@link HaloSettings}, and names a status given only by id
 * from the tenant's statuses ({@code GET /api/Status}). Settings are optional: deliveries carrying their
 * ticket need none.
 *
 * <p>The way back: with {@link HaloSettings}, an alert accepted or resolved in the host adds an action to
 * the ticket ({@code POST /api/Actions}) with the note, hidden from the end user, and the new status ("In
 * Progress", "Closed" unless the settings' {@code writeBack} says otherwise, by id from the tenant's
 * statuses).
 *
 * <p>Halo does not sign its requests: authenticate with a shared-secret header or HTTP Basic.
 */
public final class HaloItsmIntegration extends AbstractIntegration {
  /** The name in registries and alert sources. */
  public static final String NAME = "haloitsm";

  private static final StatusMappingTable TABLE = StatusMappingTable.builder()
      .row(new Row(List.of("Closed", "Resolved", "Cancelled", "Completed", "Complete"), List.of(9L),
          LifecycleRule.of(IGNORE, RESOLVE)))
      .row(new Row(List.of("New"), List.of(1L), LifecycleRule.of(CREATE, KEEP)))
      .otherwise(LifecycleRule.of(CREATE, ACCEPT))
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .name(Priority.HIGH, "Critical", "Urgent", "High")
      .name(Priority.LOW, "Medium", "Low")
      .id(Priority.HIGH, 1, 2)
      .id(Priority.LOW, 3, 4)
      .build();

  private final HaloClients clients = new HaloClients();
  private final HaloTickets tickets = new HaloTickets(clients);
  private final HaloTicketWriter writer = new HaloTicketWriter(clients);

  /** Creates the integration; {@link java.util.ServiceLoader} calls this. */
  public HaloItsmIntegration() {
    super(NAME, new HaloParser(), TABLE, PRIORITIES);
  }

  /** @return the step that fetches the ticket an "event information only" webhook names */
  @Override
  public Optional<TicketSource> ticketSource() {
    return Optional.of(tickets);
  }

  /**
   * @return the way back: an action on the ticket with the note, hidden from the end user, and the status by
   *     the source's {@link HaloSettings#writeBack()}, through the Halo API with the source's settings
   */
  @Override
  public Optional<TicketWriter> ticketWriter() {
    return Optional.of(writer);
  }

  /** @return {@link HaloSettings#fromJson} of the object, or empty for an empty object */
  @Override
  public Optional<IntegrationSettings> readSettings(JsonObject settings) {
    return settings.values().isEmpty() ? Optional.empty() : Optional.of(HaloSettings.fromJson(settings));
  }

  /** @return a problem when the source has settings that are not {@link HaloSettings}; none are needed */
  @Override
  public List<String> validate(AlertSource source) {
    return SettingChecks.typeOf(source, NAME, HaloSettings.class);
  }
}
