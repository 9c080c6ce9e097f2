package io.alertbridge.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the host applies to its alert: open it, accept it or resolve it.
 *
 * @param eventId unique, and the same every time this event is handed over: a host that skips ids it
 *     has already applied applies each event exactly once
 * @param alertId the alert this event belongs to: the same from ALERT to RESOLVE, a new one when a
 *     resolved ticket opens a new alert; opaque, as {@link StoredAlert#alertId()}
 * @param eventType what to do
 * @param ticketId the ticket id as the tool spells it; unique within {@code sourceId}
 * @param summary the one-line summary, at most 1024 characters
 * @param details the longer text, at most the configured bound
 * @param priority the alert's priority
 * @param links links to show on the alert
 * @param customDetails further fields as plain Java values (String, Number, Boolean, List, Map)
 * @param sourceId the id of the alert source the delivery came from
 * @param ticketStatus the ticket's status as the tool named it
 * @param truncated the fields that were cut to their limit; empty when nothing was cut. Iterates in
 *     the order of {@link Field}
 */
public record AlertEvent(
    String eventId,
    String alertId,
    EventType eventType,
    String ticketId,
    String summary,
    String details,
    Priority priority,
    List<Link> links,
    Map<String, Object> customDetails,
    String sourceId,
    String ticketStatus,
    Set<AlertEvent.Field> truncated) {

  /**
   * A field of an event that can be cut to its limit. Where events are written as JSON, a field is
   * named by its constant's name in lower case ({@code summary}, {@code details}).
   */
  public enum Field {
    /** {@link AlertEvent#summary()}, cut to {@link Limits#maxSummaryChars()}. */
    SUMMARY,
    /** {@link AlertEvent#details()}, cut to {@link Limits#maxDetailsChars()}. */
    DETAILS
  }

  /**
   * Checks for nulls; copies the collections.
   *
   * @param eventId unique, and the same every time this event is handed over: a host that skips ids it
   *     has already applied applies each event exactly once
   * @param alertId the alert this event belongs to: the same from ALERT to RESOLVE, a new one when a
   *     resolved ticket opens a new alert; opaque, as {@link StoredAlert#alertId()}
   * @param eventType what to do
   * @param ticketId the ticket id as the tool spells it; unique within {@code sourceId}
   * @param summary the one-line summary, at most 1024 characters
   * @param details the longer text, at most the configured bound
   * @param priority the alert's priority
   * @param links links to show on the alert
   * @param customDetails further fields as plain Java values (String, Number, Boolean, List, Map)
   * @param sourceId the id of the alert source the delivery came from
   * @param ticketStatus the ticket's status as the tool named it
   * @param truncated the fields that were cut to their limit; empty when nothing was cut. Iterates in
   *     the order of {@link Field}
   */
  public AlertEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(priority, "priority");
    links = List.copyOf(links);
    customDetails = FrozenMap.of(customDetails);
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(ticketStatus, "ticketStatus");
    Objects.requireNonNull(truncated, "truncated");
    truncated = truncated.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(truncated));
  }
}
