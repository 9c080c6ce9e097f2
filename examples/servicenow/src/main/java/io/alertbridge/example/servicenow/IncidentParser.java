package io.alertbridge.example.servicenow;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Link;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one incident: {@code sys_id} (the alert key) and {@code state} are required; {@code number},
 * {@code short_description}, {@code description}, {@code priority}, {@code sys_updated_on},
 * {@code assigned_to} and {@code caller_id} are read when present; every other member becomes a
 * custom detail. {@code state} and {@code priority} are numbers or strings: a string of digits is an
 * id, any other a label.
 */
final class IncidentParser implements io.alertbridge.core.DeliveryParser {
  /** ServiceNow's internal date-time format; a REST message's {@code sys_updated_on} is in UTC. */
  static final DateTimeFormatter UPDATED_ON = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final int MAX_DATE_CHARS = 40;
  private static final int MAX_ID_DIGITS = 9;
  private static final Map<Long, String> STATES = Map.of(1L, "New", 2L, "In Progress", 3L, "On Hold",
      6L, "Resolved", 7L, "Closed", 8L, "Canceled");
  private static final Map<Long, String> PRIORITIES = Map.of(1L, "1 - Critical", 2L, "2 - High",
      3L, "3 - Moderate", 4L, "4 - Low", 5L, "5 - Planning");
  private static final Set<String> READ = Set.of("sys_id", "number", "short_description", "description",
      "state", "priority", "sys_updated_on", "assigned_to", "caller_id");

  @Override
  public List<TicketSnapshot> parse(Delivery delivery, ParseContext context) {
    JsonObject incident = JsonObject.root(Json.parse(delivery.body(), context.limits()));
    String sysId = incident.requiredId("sys_id");
    CodedValue state = coded(incident, "state", STATES)
        .orElseThrow(() -> new InvalidFieldException(incident.pointerOf("state"),
            "a state id (number or string of digits) or label", incident.seen("state")));
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(sysId, state)
        .summary(incident.optionalString("short_description").orElse(""))
        .details(incident.optionalString("description").orElse(""))
        .priority(coded(incident, "priority", PRIORITIES).orElse(null))
        .sourceUpdatedAt(updatedOn(incident).orElse(null))
        .assignee(person(incident, "assigned_to").orElse(null))
        .requester(person(incident, "caller_id").orElse(null));
    Optional<String> number = incident.optionalString("number").map(String::strip).filter(n -> !n.isEmpty());
    number.ifPresent(n -> snapshot.customDetail("number", n));
    ServiceNowSettings.of(context.source())
        .ifPresent(settings -> snapshot.link(new Link(settings.incidentLink(sysId), number.orElse(sysId))));
    incident.values().forEach((name, value) -> {
      if (!READ.contains(name)) {
        snapshot.customDetail(name, value);
      }
    });
    return List.of(snapshot.build());
  }

  /**
   * @return the coded value of a state or priority; empty when missing, null or an empty string
   * @throws InvalidFieldException when it is of another type, or an id out of range
   */
  private static Optional<CodedValue> coded(JsonObject incident, String name, Map<Long, String> labels) {
    Object value = incident.get(name);
    if (value == null || value instanceof String s && s.isBlank()) {
      return Optional.empty();
    }
    String expected = "an id (number or string of digits) or a label";
    if (value instanceof String text) {
      String stripped = text.strip();
      if (!stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.of(CodedValue.of(stripped));
      }
      if (stripped.length() > MAX_ID_DIGITS) {
        throw new InvalidFieldException(incident.pointerOf(name), expected + " of at most " + MAX_ID_DIGITS + " digits",
            stripped.length() + " digits");
      }
      return Optional.of(withLabel(Long.parseLong(stripped), labels));
    }
    if (value instanceof Long id && id >= 0 && id < 1_000_000_000L) {
      return Optional.of(withLabel(id, labels));
    }
    if (value instanceof Long || value instanceof BigInteger) {
      throw new InvalidFieldException(incident.pointerOf(name), expected + " of at most " + MAX_ID_DIGITS + " digits",
          "a number out of range");
    }
    throw new InvalidFieldException(incident.pointerOf(name), expected, JsonObject.typeName(value));
  }

  private static CodedValue withLabel(long id, Map<Long, String> labels) {
    return CodedValue.of(id, labels.get(id));
  }

  /** @return {@code sys_updated_on} as an instant; empty when missing, null or empty */
  private static Optional<Instant> updatedOn(JsonObject incident) {
    Optional<String> text = incident.optionalString("sys_updated_on").map(String::strip).filter(t -> !t.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String expected = "a date and time as yyyy-MM-dd HH:mm:ss (UTC)";
    if (text.get().length() > MAX_DATE_CHARS) {
      throw new InvalidFieldException(incident.pointerOf("sys_updated_on"), expected,
          text.get().length() + " characters");
    }
    try {
      return Optional.of(LocalDateTime.parse(text.get(), UPDATED_ON).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      throw new InvalidFieldException(incident.pointerOf("sys_updated_on"), expected, incident.seen("sys_updated_on"));
    }
  }

  /**
   * A reference field: a string (its display value or sys_id), or an object with {@code display_value}
   * or {@code value}, as the Table API writes it.
   *
   * @return who; empty when missing, null or empty
   */
  private static Optional<String> person(JsonObject incident, String name) {
    Object value = incident.get(name);
    if (value instanceof Map<?, ?>) {
      JsonObject reference = incident.optionalObject(name).orElseThrow();
      Optional<String> display = reference.optionalString("display_value").map(String::strip).filter(s -> !s.isEmpty());
      return display.isPresent() ? display
          : reference.optionalString("value").map(String::strip).filter(s -> !s.isEmpty());
    }
    return incident.optionalString(name).map(String::strip).filter(s -> !s.isEmpty());
  }
}
