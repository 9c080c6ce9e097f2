package io.alertbridge.autotask;

import io.alertbridge.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Changed copies of the recorded API answers, for scenarios the recordings do not show. */
final class Recorded {

  private Recorded() {}

  /** @return a deep copy of parsed JSON whose maps and lists can be changed */
  private static Object editable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, editable(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new java.util.ArrayList<>();
      list.forEach(v -> copy.add(editable(v)));
      return copy;
    }
    return value;
  }

  /**
   * @param fixture a recorded {@code api-NN-ticket-*.json}
   * @param change what to change in its {@code item}
   * @return the changed answer
   */
  static String ticket(String fixture, Consumer<Map<String, Object>> change) {
    Map<String, Object> answer = map(editable(Json.parse(LoopbackAutotaskApi.fixture(fixture), 16)));
    change.accept(map(answer.get("item")));
    return Json.write(answer);
  }

  /**
   * @param value a status picklist value
   * @param label its new label, or null to remove the value
   * @return the recorded picklists with that change
   */
  static String picklistsWithStatus(long value, String label) {
    Map<String, Object> answer = map(editable(Json.parse(LoopbackAutotaskApi.fixture("api-picklists-ticket-fields.json"), 16)));
    for (Object field : (List<?>) answer.get("fields")) {
      if ("status".equals(map(field).get("name"))) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) map(field).get("picklistValues");
        values.removeIf(v -> Long.toString(value).equals(String.valueOf(map(v).get("value"))));
        if (label != null) {
          values.add(Map.of("value", value, "label", label, "isActive", true));
        }
      }
    }
    return Json.write(answer);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
