package io.alertbridge.autotask;

import io.alertbridge.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ticket fields' picklists, from {@code Tickets/entityInformation/fields}: per field, picklist value
 * to label. Values come as strings or numbers; inactive values are kept, since old tickets still use them.
 */
final class Picklists {
  static final String STATUS = "status";
  static final String PRIORITY = "priority";
  static final String QUEUE = "queueID";

  private final Map<String, Map<Long, String>> labels;
  /** Per field, the values in the answer's order, with whether each is active. */
  private final Map<String, List<Entry>> entries;

  /** One picklist value. */
  private record Entry(long value, String label, boolean active) {}

  private Picklists(Map<String, Map<Long, String>> labels, Map<String, List<Entry>> entries) {
    this.labels = labels;
    this.entries = entries;
  }

  /**
   * @param answer the parsed answer
   * @return the picklists
   * @throws io.alertbridge.core.InvalidFieldException when the answer is not of the documented shape
   */
  static Picklists read(Object answer) {
    JsonObject root = JsonObject.root(answer);
    List<Object> fields = root.optionalArray("fields")
        .orElseThrow(() -> new io.alertbridge.core.InvalidFieldException("/fields", "an array", "nothing"));
    Map<String, Map<Long, String>> labels = new HashMap<>();
    Map<String, List<Entry>> entries = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      JsonObject field = element(fields.get(i), "/fields/" + i);
      Optional<String> name = field.optionalString("name");
      Optional<List<Object>> values = field.optionalArray("picklistValues");
      if (name.isEmpty() || values.isEmpty()) {
        continue;
      }
      Map<Long, String> byValue = new HashMap<>();
      List<Entry> inOrder = new ArrayList<>();
      for (int j = 0; j < values.get().size(); j++) {
        JsonObject entry = element(values.get().get(j), field.pointerOf("picklistValues") + "/" + j);
        Long value = integer(entry.get("value"));
        Optional<String> label = entry.optionalString("label").map(String::strip).filter(l -> !l.isEmpty());
        if (value != null && label.isPresent()) {
          byValue.put(value, label.get());
          inOrder.add(new Entry(value, label.get(), !Boolean.FALSE.equals(entry.get("isActive"))));
        }
      }
      labels.put(name.get(), Map.copyOf(byValue));
      entries.put(name.get(), List.copyOf(inOrder));
    }
    return new Picklists(Map.copyOf(labels), Map.copyOf(entries));
  }

  @SuppressWarnings("unchecked")
  private static JsonObject element(Object value, String pointer) {
    if (value instanceof Map<?, ?> map) {
      return JsonObject.of((Map<String, Object>) map, pointer);
    }
    throw new io.alertbridge.core.InvalidFieldException(pointer, "an object", JsonObject.typeName(value));
  }

  /**
   * @param value a picklist value or ticket field as JSON gives it (a whole number, or a string of one), or
   *     as a host built it (an {@code Integer}, say)
   * @return it as a long, or null
   */
  static Long integer(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    String text = JsonObject.idText(value);
    if (text == null) {
      return null;
    }
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * @param field a ticket field name, e.g. {@code status}
   * @param value a picklist value
   * @return its label, if the field's picklist has it
   */
  Optional<String> label(String field, long value) {
    return Optional.ofNullable(labels.getOrDefault(field, Map.of()).get(value));
  }

  /**
   * @param field a ticket field name, e.g. {@code status}
   * @param label a label, matched ignoring case and surrounding spaces
   * @return the value of the first active entry with that label, else of the first inactive one
   */
  Optional<Long> value(String field, String label) {
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    Long inactive = null;
    for (Entry entry : entries.getOrDefault(field, List.of())) {
      if (entry.label().toLowerCase(Locale.ROOT).equals(wanted)) {
        if (entry.active()) {
          return Optional.of(entry.value());
        }
        inactive = inactive == null ? entry.value() : inactive;
      }
    }
    return Optional.ofNullable(inactive);
  }

  /**
   * @param field a ticket field name
   * @return the labels of its active values, in the answer's order
   */
  List<String> activeLabels(String field) {
    return entries.getOrDefault(field, List.of()).stream().filter(Entry::active).map(Entry::label).toList();
  }
}
