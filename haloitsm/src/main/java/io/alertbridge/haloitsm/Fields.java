package io.alertbridge.haloitsm;

import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.internal.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON object as Halo sends it: member names matched ignoring case (tenants and versions differ),
 * ids accepted as {@code 3}, {@code 3.0} or {@code "3"}. Errors name the member by JSON pointer.
 */
final class Fields {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final JsonObject object;

  private Fields(JsonObject object) {
    this.object = object;
  }

  static Fields of(Map<String, Object> values, String pointer) {
    return new Fields(JsonObject.of(values, pointer));
  }

  /** @return the members, in document order, as the document spells them */
  Map<String, Object> values() {
    return object.values();
  }

  String pointer() {
    return object.pointer();
  }

  boolean has(String name) {
    return object.keyIgnoringCase(name).isPresent();
  }

  /** @return the member's value; null when missing or null */
  Object get(String name) {
    return object.keyIgnoringCase(name).map(object::get).orElse(null);
  }

  String pointerOf(String name) {
    return object.pointerOf(object.keyIgnoringCase(name).orElse(name));
  }

  /** @return the member as an object; empty when missing or null */
  @SuppressWarnings("unchecked")
  Optional<Fields> object(String name) {
    Object value = get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(of((Map<String, Object>) map, pointerOf(name)));
    }
    throw new InvalidFieldException(pointerOf(name), "an object", JsonObject.typeName(value));
  }

  /** @return the member as stripped text (numbers and booleans as written); empty when missing, null or blank */
  Optional<String> text(String name) {
    Object value = get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map || value instanceof java.util.List) {
      throw new InvalidFieldException(pointerOf(name), "a string", JsonObject.typeName(value));
    }
    String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * @return the member as a numeric id; empty when missing, null or an empty string
   * @throws InvalidFieldException when it is not an integral number or a string holding one
   */
  Optional<Long> id(String name) {
    Object value = get(name);
    if (value == null || value instanceof String s && s.isBlank()) {
      return Optional.empty();
    }
    Optional<Long> id = numericId(value);
    if (id.isEmpty()) {
      throw new InvalidFieldException(pointerOf(name), "an integer id such as 3, 3.0 or \"3\"", seen(value));
    }
    return id;
  }

  /** @return the value as a numeric id, or empty when it holds none (a GUID, a fraction, text) */
  static Optional<Long> numericId(Object value) {
    String text = idText(value);
    if (text == null || !NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * @param value a plain JSON value
   * @return the id as text, with integral numbers and numeric strings in one spelling ({@code 3},
   *     {@code 3.0} and {@code "3"} give {@code "3"}), or null when the value holds no id
   */
  static String idText(Object value) {
    String text = JsonObject.idText(value);
    if (text != null && value instanceof String && NUMBER.matcher(text).matches()) {
      try {
        return new BigDecimal(text).toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return text;
  }

  static String seen(Object value) {
    if (value instanceof String s) {
      return s.length() <= 40 ? '"' + s + '"' : "a string of " + s.length() + " characters";
    }
    if (value instanceof Number n) {
      return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }
    return JsonObject.typeName(value);
  }
}
