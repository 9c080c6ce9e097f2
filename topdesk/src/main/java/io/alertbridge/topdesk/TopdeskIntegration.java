package io.alertbridge.topdesk;

import static io.alertbridge.core.LifecycleRule.WhenAbsent.CREATE;
import static io.alertbridge.core.LifecycleRule.WhenAbsent.IGNORE;
import static io.alertbridge.core.LifecycleRule.WhenOpen.ACCEPT;
import static io.alertbridge.core.LifecycleRule.WhenOpen.KEEP;
import static io.alertbridge.core.LifecycleRule.WhenOpen.RESOLVE;

import io.alertbridge.core.AbstractIntegration;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.PriorityMapping;
import io.alertbridge.core.StatusMappingTable;

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

  /** Creates the integration; used by {@link java.util.ServiceLoader}, and can be called by hand. */
  public TopdeskIntegration() {
    super(NAME, new ActionSequenceParser(), TABLE, PRIORITIES);
  }




}
