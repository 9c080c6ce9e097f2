package io.alertbridge.autotask;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.REJECT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.Integration;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.StatusMappingTable;
import java.util.Objects;
import java.util.Set;

/**
 * The Autotask integration: reads Extension Callouts (Tickets) sent as name-value pairs ({@code
 * id=48213&number=T20250612.0042}, form body or query string), fetches the named ticket through an
 * {@link AutotaskTicketSource}, and maps its status label by {@link #TABLE}. Found by {@link
 * java.util.ServiceLoader} with the REST API ticket source ({@link AutotaskTicketSource#restApi()}),
 * whose settings each alert source carries; build it with a ticket source of your own to fetch tickets
 * another way.
 */
public final class AutotaskIntegration implements Integration {
  /** The name in registries and alert sources. */
  public static final String NAME = "autotask";

  /**
   * The default lifecycle, by status label (status ids differ per Autotask instance): New creates;
   * In Progress creates or accepts; Complete and Denied resolve and may not create; the waiting,
   * scheduled and escalated statuses accept and may not create; any other status creates.
   */
  public static final StatusMappingTable TABLE = StatusMappingTable.builder()
      .row(LifecycleRule.of(CREATE, KEEP), "New")
      .row(LifecycleRule.of(CREATE, ACCEPT), "In Progress")
      .row(LifecycleRule.of(REJECT, RESOLVE), "Complete", "Denied")
      .row(LifecycleRule.of(REJECT, ACCEPT), "Waiting Customer", "Waiting Materials", "Scheduled", "Dispatched",
          "Escalate", "Escalated", "Waiting Vendor", "Waiting Approval", "Waiting Dispatch", "Approved")
      .otherwise(LifecycleRule.of(CREATE, KEEP))
      .build();

  private static final PriorityMapping PRIORITIES = PriorityMapping.builder()
      .name(Priority.LOW, "Low")
      .otherwise(Priority.HIGH)
      .build();

  private final AutotaskTicketSource tickets;
  private final DeliveryParser parser;

  /** The integration with the REST API ticket source, as {@link java.util.ServiceLoader} builds it. */
  public AutotaskIntegration() {
    this(AutotaskTicketSource.restApi());
  }

  /** @param tickets where tickets named by callouts come from */
  public AutotaskIntegration(AutotaskTicketSource tickets) {
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.parser = new CalloutParser(this.tickets);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DeliveryParser parser() {
    return parser;
  }

  /** @return {@link #TABLE} */
  @Override
  public StatusMappingTable defaultTable() {
    return TABLE;
  }

  /** @return Low maps to LOW; High, Medium, Critical and any other priority to HIGH */
  @Override
  public PriorityMapping priorityMapping() {
    return PRIORITIES;
  }

  /** @return form data only: callouts in XML are answered 415 */
  @Override
  public Set<String> mediaTypes() {
    return Set.of("application/x-www-form-urlencoded");
  }

  @Override
  public String toString() {
    return "AutotaskIntegration[" + tickets + "]";
  }
}
