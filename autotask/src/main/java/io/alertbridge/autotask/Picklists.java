package io.alertbridge.autotask;

import io.alertbridge.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
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

  private Picklists(Map<String, Map<Long, String>> labels) {
    this.labels = labels;
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
    for (int i = 0; i < fields.size(); i++) {
      JsonObject field = element(fields.get(i), "/fields/" + i);
      Optional<String> name = field.optionalString("name");
      Optional<List<Object>> values = field.optionalArray("picklistValues");
      if (name.isEmpty() || values.isEmpty()) {
        continue;
      }
      Map<Long, String> byValue = new HashMap<>();
      for (int j = 0; j < values.get().size(); j++) {
        JsonObject entry = element(values.get().get(j), field.pointerOf("picklistValues") + "/" + j);
        Long value = integer(entry.get("value"));
        Optional<String> label = entry.optionalString("label").map(String::strip).filter(l -> !l.isEmpty());
        if (value != null && label.isPresent()) {
          byValue.put(value, label.get());
        }
      }
      labels.put(name.get(), Map.copyOf(byValue));
    }
    return new Picklists(Map.copyOf(labels));
  }

  @SuppressWarnings("unchecked")
  private static JsonObject element(Object value, String pointer) {
    if (value instanceof Map<?, ?> map) {
      return JsonObject.of((Map<String, Object>) map, pointer);
    }
    throw new io.alertbridge.core.InvalidFieldException(pointer, "an object", JsonObject.typeName(value));
  }

  /** @param value a picklist value or ticket field as JSON gives it @return it as a long, or null */
  static Long integer(Object value) {
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
}
