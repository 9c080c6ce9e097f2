package io.alertbridge.core.json;

import io.alertbridge.core.InvalidFieldException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object read by {@link Json}, with typed accessors whose errors name the field by JSON
 * pointer and say what was expected and what was seen.
 */
public final class JsonObject {
  private static final int MAX_QUOTED_CHARS = 64;

  private final Map<String, Object> values;
  private final String pointer;

  private JsonObject(Map<String, Object> values, String pointer) {
    this.values = values;
    this.pointer = pointer;
  }

  /**
   * @param parsed a value from {@link Json#parse}
   * @return it as the root object
   * @throws InvalidFieldException when it is not an object
   */
  @SuppressWarnings("unchecked")
  public static JsonObject root(Object parsed) {
    if (parsed instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map, "");
    }
    throw new InvalidFieldException("", "a JSON object", typeName(parsed));
  }

  /**
   * @param values the members
   * @param pointer where the object is
   * @return the object
   */
  public static JsonObject of(Map<String, Object> values, String pointer) {
    return new JsonObject(Objects.requireNonNull(values, "values"), Objects.requireNonNull(pointer, "pointer"));
  }

  /** @return this object's JSON pointer; empty for the root */
  public String pointer() {
    return pointer;
  }

  /**
   * @param name a member name
   * @return that member's JSON pointer
   */
  public String pointerOf(String name) {
    return JsonPointers.child(pointer, name);
  }

  /** @return the members, in document order */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * @param name a member name
   * @return whether it is present (even as null)
   */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * @param name a member name
   * @return its value; null when missing or null
   */
  public Object get(String name) {
    return values.get(name);
  }

  /**
   * @param name a member name
   * @return the name as the document spells it, ignoring case; the exact spelling wins
   */
  public Optional<String> keyIgnoringCase(String name) {
    if (values.containsKey(name)) {
      return Optional.of(name);
    }
    for (String key : values.keySet()) {
      if (key.equalsIgnoreCase(name)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /**
   * @param name a member name
   * @return its string value
   * @throws InvalidFieldException when missing, null or not a string
   */
  public String requiredString(String name) {
    Object value = values.get(name);
    if (value instanceof String s) {
      return s;
    }
    throw new InvalidFieldException(pointerOf(name), "a string", seen(name, value));
  }

  /**
   * An identifier sent as a string or as an integral number ({@code "4711"}, {@code 4711} or
   * {@code 4711.0}).
   *
   * @param name a member name
   * @return the id as text, trimmed, never empty
   * @throws InvalidFieldException when missing, empty, or of another type
   */
  public String requiredId(String name) {
    Object value = values.get(name);
    String id = idText(value);
    if (id == null) {
      throw new InvalidFieldException(pointerOf(name), "a non-empty string or an integer", seen(name, value));
    }
    return id;
  }

  /**
   * @param value a plain JSON value
   * @return the id it holds as text, or null when it is not a non-empty string or an integral number
   */
  public static String idText(Object value) {
    if (value instanceof String s) {
      String trimmed = s.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * @param name a member name
   * @return its string value; empty when missing or null
   * @throws InvalidFieldException when present but not a string
   */
  public Optional<String> optionalString(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    throw new InvalidFieldException(pointerOf(name), "a string", typeName(value));
  }

  /**
   * A time as {@link IsoTimes#parse} reads it.
   *
   * @param name a member name
   * @param expected what the error says was expected, e.g. {@code "an ISO-8601 time such as 2025-03-04T09:15:02Z"}
   * @return the instant; empty when missing, null or blank
   * @throws InvalidFieldException when present but not a string, or not such a time once stripped
   */
  public Optional<Instant> optionalInstant(String name, String expected) {
    Objects.requireNonNull(expected, "expected");
    Object value = values.get(name);
    if (value == null || value instanceof String text && text.isBlank()) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      Optional<Instant> instant = IsoTimes.parse(text.strip());
      if (instant.isPresent()) {
        return instant;
      }
    }
    throw new InvalidFieldException(pointerOf(name), expected, seen(name));
  }

  /**
   * @param name a member name
   * @return its object value; empty when missing or null
   * @throws InvalidFieldException when present but not an object
   */
  @SuppressWarnings("unchecked")
  public Optional<JsonObject> optionalObject(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> map) {
      return Optional.of(new JsonObject((Map<String, Object>) map, pointerOf(name)));
    }
    throw new InvalidFieldException(pointerOf(name), "an object", typeName(value));
  }

  /**
   * @param name a member name
   * @return its array value; empty when missing or null
   * @throws InvalidFieldException when present but not an array
   */
  @SuppressWarnings("unchecked")
  public Optional<List<Object>> optionalArray(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof List<?> list) {
      return Optional.of((List<Object>) list);
    }
    throw new InvalidFieldException(pointerOf(name), "an array", typeName(value));
  }

  private String seen(String name, Object value) {
    return seen(name);
  }

  /**
   * @param name a member name
   * @return what the member holds, for an error message: {@code nothing}, {@code null},
   *     {@code an empty string}, a short quoted string, or its JSON type
   */
  public String seen(String name) {
    Object value = values.get(name);
    if (value == null) {
      return values.containsKey(name) ? "null" : "nothing";
    }
    if (value instanceof String text) {
      return text.isEmpty() ? "an empty string" : quote(text);
    }
    return typeName(value);
  }

  /**
   * Quotes a value for a message: every message that shows a value the sender wrote shows it this way.
   *
   * @param text any text
   * @return it in double quotes, each control character (a line break, say) as {@code ?}; a text longer
   *     than 65 characters cut to 64 at most (never inside a surrogate pair) and an ellipsis
   */
  public static String quote(String text) {
    String shown = cut(text, MAX_QUOTED_CHARS + 1);
    StringBuilder quoted = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      quoted.append(Character.isISOControl(c) ? '?' : c);
    }
    return quoted.append('"').toString();
  }

  /**
   * Shortens a text for a message, as {@link #quote} does.
   *
   * @param text any text
   * @param maxChars the most characters to return, at least 2
   * @return the text itself when it is no longer; else its start and an ellipsis, {@code maxChars}
   *     characters at most, never ending inside a surrogate pair
   */
  public static String cut(String text, int maxChars) {
    if (maxChars < 2) {
      throw new IllegalArgumentException("maxChars must be at least 2, got " + maxChars);
    }
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + '\u2026';
  }

  /**
   * @param value a plain JSON value
   * @return its JSON type name: object, array, string, number, boolean, null
   */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value.getClass().getSimpleName();
  }
}
