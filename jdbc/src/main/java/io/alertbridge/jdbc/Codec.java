package io.alertbridge.jdbc;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Link;
import io.alertbridge.core.Priority;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How values are kept in columns. Instants are seconds since the epoch with nine decimals, exact and
 * comparable in every dialect. Delivery ids are a JSON array. An event is a JSON object; custom
 * details come back as they went in: every number is written as its text and listed with its type
 * (Long, Integer, Double, BigDecimal...) beside the details, so that it comes back as the same type,
 * however large. An outbound change and an echo are JSON objects too, their instants as decimal
 * strings of seconds (as in the columns).
 */
final class Codec {
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final int FORMAT = 1;

  private Codec() {}

  static BigDecimal instant(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  static BigDecimal instant(Optional<Instant> instant) {
    return instant.map(Codec::instant).orElse(null);
  }

  static Instant instant(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.DOWN).longValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  static String strings(List<String> values) {
    return Json.write(values);
  }

  static List<String> strings(String json) {
    Object parsed = Json.parse(json, 2);
    if (!(parsed instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a JSON array of strings");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException("expected a JSON array of strings");
      }
      strings.add(s);
    }
    return strings;
  }

  /** @return the echo as a JSON object, or null when there is none */
  static String echo(Optional<StoredAlert.Echo> echo) {
    if (echo.isEmpty()) {
      return null;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("statusKeys", echo.get().statusKeys());
    json.put("until", instant(echo.get().until()).toPlainString());
    return Json.write(json);
  }

  /** @param text the column's value, null when there is no echo (also in rows written before the column) */
  static Optional<StoredAlert.Echo> echo(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Map<String, Object> json = object(text, 3, "echo");
    return Optional.of(new StoredAlert.Echo(strings(json.get("statusKeys"), "echo's statusKeys"),
        instant(decimal(json.get("until"), "echo's until"))));
  }

  static String change(TicketChange change) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("changeId", change.changeId());
    json.put("alertId", change.alertId());
    json.put("state", change.state().name());
    change.status().ifPresent(status -> json.put("status", status));
    json.put("note", change.note());
    json.put("requestedAt", instant(change.requestedAt()).toPlainString());
    return Json.write(json);
  }

  static TicketChange change(String text) {
    Map<String, Object> json = object(text, 2, "change");
    Object format = json.get("format");
    if (!(format instanceof Long n) || n != FORMAT) {
      throw new IllegalArgumentException("unknown change format " + format + "; this version reads format " + FORMAT);
    }
    Object status = json.get("status");
    if (status != null && !(status instanceof String)) {
      throw new IllegalArgumentException("the change's status is not a string");
    }
    return new TicketChange(string(json.get("changeId"), "changeId"), string(json.get("alertId"), "alertId"),
        AlertState.valueOf(string(json.get("state"), "state")), Optional.ofNullable((String) status),
        string(json.get("note"), "note"), instant(decimal(json.get("requestedAt"), "requestedAt")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String text, int depth, String what) {
    Object parsed = Json.parse(text, depth);
    if (!(parsed instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected the " + what + " as a JSON object");
    }
    return (Map<String, Object>) parsed;
  }

  private static String string(Object value, String what) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("the " + what + " is not a string");
    }
    return s;
  }

  private static BigDecimal decimal(Object value, String what) {
    try {
      return new BigDecimal(string(value, what));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the " + what + " is not a decimal number of seconds");
    }
  }

  private static List<String> strings(Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("the " + what + " is not a JSON array of strings");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      strings.add(string(item, what));
    }
    return strings;
  }

  static String event(AlertEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("eventId", event.eventId());
    json.put("alertId", event.alertId());
    json.put("eventType", event.eventType().name());
    json.put("alertKey", event.ticketId());
    json.put("summary", event.summary());
    json.put("details", event.details());
    json.put("priority", event.priority().name());
    List<Object> links = new ArrayList<>(event.links().size());
    for (Link link : event.links()) {
      links.add(List.of(link.href(), link.text()));
    }
    json.put("links", links);
    List<Object> numberTypes = new ArrayList<>();
    json.put("customDetails", numbersAsText(event.customDetails(), new ArrayList<>(), numberTypes));
    if (!numberTypes.isEmpty()) {
      json.put("numberTypes", numberTypes);
    }
    json.put("source", event.sourceId());
    json.put("ticketStatus", event.ticketStatus());
    List<String> truncated = new ArrayList<>(event.truncated().size());
    event.truncated().forEach(field -> truncated.add(field.name().toLowerCase(Locale.ROOT)));
    json.put("truncated", truncated);
    return Json.write(json);
  }

  @SuppressWarnings("unchecked")
  static AlertEvent event(String text) {
    Object parsed = Json.parse(text, Json.MAX_NESTING_DEPTH);
    if (!(parsed instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    Map<String, Object> json = (Map<String, Object>) parsed;
    Object format = json.get("format");
    if (!(format instanceof Long n) || n != FORMAT) {
      throw new IllegalArgumentException("unknown event format " + format + "; this version reads format " + FORMAT);
    }
    List<Link> links = new ArrayList<>();
    for (Object link : (List<Object>) json.get("links")) {
      List<Object> pair = (List<Object>) link;
      links.add(new Link((String) pair.get(0), (String) pair.get(1)));
    }
    Object customDetails = json.get("customDetails");
    Object numberTypes = json.get("numberTypes");
    if (numberTypes != null) {
      Map<List<Object>, String> types = new HashMap<>();
      for (Object entry : (List<Object>) numberTypes) {
        List<Object> pair = (List<Object>) entry;
        types.put((List<Object>) pair.get(0), (String) pair.get(1));
      }
      customDetails = restore(customDetails, new ArrayList<>(), types);
    }
    return new AlertEvent(
        (String) json.get("eventId"),
        (String) json.get("alertId"),
        EventType.valueOf((String) json.get("eventType")),
        (String) json.get("alertKey"),
        (String) json.get("summary"),
        (String) json.get("details"),
        Priority.valueOf((String) json.get("priority")),
        links,
        (Map<String, Object>) customDetails,
        (String) json.get("source"),
        (String) json.get("ticketStatus"),
        truncated((List<String>) json.get("truncated")));
  }

  /** The truncated fields from their lower-case names. */
  private static Set<AlertEvent.Field> truncated(List<String> names) {
    Set<AlertEvent.Field> fields = EnumSet.noneOf(AlertEvent.Field.class);
    for (String name : names) {
      fields.add(AlertEvent.Field.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    return fields;
  }

  private static final List<Class<? extends Number>> NUMBER_TYPES = List.of(Long.class, Integer.class, Short.class,
      Byte.class, BigInteger.class, BigDecimal.class, Double.class, Float.class);

  /**
   * Copies the value with every number written as its text, and lists each number's path and type:
   * so that it comes back as the same type and value, whatever bounds the JSON reader puts on numbers.
   */
  private static Object numbersAsText(Object value, List<Object> path, List<Object> types) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        path.add(String.valueOf(entry.getKey()));
        copy.put(String.valueOf(entry.getKey()), numbersAsText(entry.getValue(), path, types));
        path.remove(path.size() - 1);
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        path.add((long) i);
        copy.add(numbersAsText(list.get(i), path, types));
        path.remove(path.size() - 1);
      }
      return copy;
    }
    if (value instanceof Number number && NUMBER_TYPES.contains(number.getClass())) {
      types.add(List.of(List.copyOf(path), number.getClass().getSimpleName()));
      return number.toString();
    }
    return value;
  }

  private static Object restore(Object value, List<Object> path, Map<List<Object>, String> types) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        path.add(entry.getKey());
        copy.put((String) entry.getKey(), restore(entry.getValue(), path, types));
        path.remove(path.size() - 1);
      }
      return Json.freeze(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        path.add((long) i);
        copy.add(restore(list.get(i), path, types));
        path.remove(path.size() - 1);
      }
      return Json.freeze(copy);
    }
    String type = types.get(path);
    if (type == null || value == null) {
      return value;
    }
    String text = (String) value;
    return switch (type) {
      case "Long" -> Long.valueOf(text);
      case "Integer" -> Integer.valueOf(text);
      case "Short" -> Short.valueOf(text);
      case "Byte" -> Byte.valueOf(text);
      case "BigInteger" -> new BigInteger(text);
      case "BigDecimal" -> new BigDecimal(text);
      case "Double" -> Double.valueOf(text);
      case "Float" -> Float.valueOf(text);
      default -> throw new IllegalArgumentException("unknown number type " + type);
    };
  }
}
