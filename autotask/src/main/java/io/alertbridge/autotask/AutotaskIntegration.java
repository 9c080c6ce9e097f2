package io.alertbridge.autotask;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.AbstractIntegration;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.TicketSource;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Autotask integration: reads Extension Callouts (Tickets) sent as name-value pairs ({@code
 * id=48213&number=T20250612.0042}, form body or query string) into a reference to the ticket, fetches
 * the ticket through an {@link AutotaskTicketSource} in the processor's ticket-source step, and maps its
 * status label by {@link #TABLE}. Found by {@link java.util.ServiceLoader} with the REST API ticket
 * source ({@link AutotaskTicketSource#restApi()}): each alert source then needs {@link
 * AutotaskSettings}, checked before its first delivery. Build it with a ticket source of your own to
 * fetch tickets another way.
 *
 * <p>The way back ({@link #ticketWriter()}) writes through the REST API with the source's settings,
 * whatever the ticket source: the status by its label ({@link AutotaskSettings#writeBack()}), then an
 * internal ticket note.
 */
public final class AutotaskIntegration extends AbstractIntegration {
  /** The name in registries and alert sources. */
  public static final String NAME = "autotask";

  /**
   * The default lifecycle, by status label (status ids differ per Autotask instance): New creates;
   * In Progress creates or accepts; Complete, Denied and Cancelled (a status many instances add, in
   * either spelling) resolve and may not create; the waiting,
   * scheduled and escalated statuses accept and may not create; any other status creates.
   */
  public static final StatusMappingTable TABLE = StatusMappingTable.builder()
      .row(LifecycleRule.of(CREATE, KEEP), "New")
      .row(LifecycleRule.of(CREATE, ACCEPT), "In Progress")
      .row(LifecycleRule.of(REJECT, RESOLVE), "Complete", "Denied", "Cancelled", "Canceled")
      .row(LifecycleRule.of(REJECT, ACCEPT), "Waiting Customer", "Waiting Materials", "Scheduled", "Dispatched",
          "Escalate", "Escalated", "Waiting Vendor", "Waiting Approval", "Waiting Dispatch", "Approved")
      .otherwise(LifecycleRule.of(CREATE, KEEP))
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .name(Priority.LOW, "Low")
      .otherwise(Priority.HIGH)
      .build();

  /** What {@link #validate} says of a source without settings while the REST API fetches tickets. */
  static final String NEEDS_SETTINGS = "the autotask integration fetches tickets from the Autotask REST API and "
      + "needs its settings: username, secret and integrationCode (the API user), and zoneUrl or apiUrl "
      + "(see AutotaskSettings)";

  private static final Map<String, String> SETTING_OPTIONS = Map.of(
      "autotask-api", "apiUrl",
      "autotask-zone", "zoneUrl",
      "autotask-username", "username",
      "autotask-secret", "secret",
      "autotask-integration-code", "integrationCode");

  private final AutotaskTicketSource tickets;
  private final boolean restApi;
  private final TicketSource ticketSource;
  private final TicketWriter writer;

  /** The integration with the REST API ticket source, as {@link java.util.ServiceLoader} builds it. */
  public AutotaskIntegration() {
    this(AutotaskTicketSource.restApi(), true);
  }

  /**
   * @param tickets where tickets named by callouts come from; alert sources then need no settings
   *     unless {@code tickets} reads them
   */
  public AutotaskIntegration(AutotaskTicketSource tickets) {
    this(tickets, tickets instanceof RestApiTicketSource);
  }

  private AutotaskIntegration(AutotaskTicketSource tickets, boolean restApi) {
    super(NAME, new CalloutParser(), TABLE, PRIORITIES);
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.restApi = restApi;
    this.ticketSource = new CalloutTickets(this.tickets);
    this.writer = new AutotaskTicketWriter(tickets instanceof RestApiTicketSource rest ? rest.clients()
        : new AutotaskClients());
  }

  /** @return form data only: callouts in XML are answered 415 */
  @Override
  public Set<String> mediaTypes() {
    return Set.of("application/x-www-form-urlencoded");
  }

  /** @return the step that fetches the ticket a callout names */
  @Override
  public Optional<TicketSource> ticketSource() {
    return Optional.of(ticketSource);
  }

  /**
   * @return the REST API writer: sets the ticket's status by label from the source's {@link
   *     AutotaskSettings#writeBack()} (default {@link AutotaskSettings#DEFAULT_WRITE_BACK}) and adds an
   *     internal note; the source needs {@link AutotaskSettings}
   */
  @Override
  public Optional<TicketWriter> ticketWriter() {
    return Optional.of(writer);
  }

  /** @return {@link Authentication.Kind#BASIC}: an extension callout can carry only HTTP Basic */
  @Override
  public Authentication.Kind preferredAuthentication() {
    return Authentication.Kind.BASIC;
  }

  /** @return {@link AutotaskSettings#fromJson} of the object */
  @Override
  public Optional<IntegrationSettings> readSettings(JsonObject settings) {
    return Optional.of(AutotaskSettings.fromJson(settings));
  }

  /**
   * @return {@code --autotask-api}, {@code --autotask-zone}, {@code --autotask-username}, {@code
   *     --autotask-secret} and {@code --autotask-integration-code}
   */
  @Override
  public Map<String, String> settingOptions() {
    return SETTING_OPTIONS;
  }

  /**
   * @return a problem when the REST API fetches tickets and the source has no {@link AutotaskSettings},
   *     or when it has settings of another type
   */
  @Override
  public List<String> validate(AlertSource source) {
    List<String> wrongType = SettingChecks.typeOf(source, NAME, AutotaskSettings.class);
    if (!wrongType.isEmpty()) {
      return wrongType;
    }
    if (restApi && source.settings().isEmpty()) {
      return List.of(NEEDS_SETTINGS);
    }
    return List.of();
  }

  @Override
  public String toString() {
    return "AutotaskIntegration[" + tickets + "]";
  }
}
