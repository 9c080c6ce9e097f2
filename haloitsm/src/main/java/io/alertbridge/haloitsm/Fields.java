package io.alertbridge.haloitsm;

import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON object as Halo sends it: member names matched ignoring case (tenants and versions differ),
 * ids accepted as {@code 3}, {@code 3.0} or {@code "3"}. Errors name the member by JSON pointer.
 */
final class Fields {
  /**
   * A numeric id as text. Linear to match: the digits before the point can only be read as such, so
   * giving some of them back never leads to a match and costs one step each.
   */
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  /** The longest text a long can be written in: {@code -9223372036854775808}. */
  private static final int MAX_LONG_CHARS = 20;

  /** Objects with more members than this look names up in an index, built once, instead of scanning them all. */
  private static final int MAX_SCANNED_MEMBERS = 16;

  private final JsonObject object;
  /** Member names by their case fold, first in document order; built on the first look-up that needs it. */
  private Map<String, String> byFold;

  private Fields(JsonObject object) {
    this.object = object;
  }

  static Fields of(Map<String, Object> values, String pointer) {
    return new Fields(JsonObject.of(values, pointer));
  }

  /** @return the object as read, its members spelled as the document spells them */
  JsonObject object() {
    return object;
  }

  /** @return the members, in document order, as the document spells them */
  Map<String, Object> values() {
    return object.values();
  }

  String pointer() {
    return object.pointer();
  }

  boolean has(String name) {
    return key(name) != null;
  }

  /** @return the member's value; null when missing or null */
  Object get(String name) {
    String key = key(name);
    return key == null ? null : object.get(key);
  }

  String pointerOf(String name) {
    String key = key(name);
    return object.pointerOf(key == null ? name : key);
  }

  /**
   * The member name as the document spells it, as {@link JsonObject#keyIgnoringCase} finds it (the exact
   * spelling wins, then the first in document order that equals it ignoring case), in time that does not
   * grow with the number of members: the names asked for are ASCII, and for those a name matches ignoring
   * case exactly when its case fold (each character upper-cased, then lower-cased) equals theirs.
   *
   * @return the name, or null when there is no such member
   */
  private String key(String name) {
    if (object.has(name)) {
      return name;
    }
    if (object.values().size() <= MAX_SCANNED_MEMBERS || !isAscii(name)) {
      return object.keyIgnoringCase(name).orElse(null);
    }
    if (byFold == null) {
      Map<String, String> index = new HashMap<>();
      for (String key : object.values().keySet()) {
        index.putIfAbsent(fold(key), key);
      }
      byFold = index;
    }
    return byFold.get(fold(name));
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** @return each character upper-cased, then lower-cased, as {@link String#equalsIgnoreCase} compares them */
  static String fold(String name) {
    char[] folded = new char[name.length()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = Character.toLowerCase(Character.toUpperCase(name.charAt(i)));
    }
    return new String(folded);
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

  /** @return the value as a numeric id, or empty when it holds none (a GUID, a fraction, text, over 19 digits) */
  static Optional<Long> numericId(Object value) {
    String text = idText(value);
    if (text == null || text.length() > MAX_LONG_CHARS || !NUMBER.matcher(text).matches()) {
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
      return integerText(text);
    }
    return text;
  }

  /**
   * The integer a numeric string holds, in one spelling, read as text in one pass: what {@code new
   * BigDecimal(text).toBigIntegerExact().toString()} gives, without its cost, which grows with the square
   * of the number of digits (a minute for a string of a million digits).
   *
   * @param text a string matching {@link #NUMBER}
   * @return the integer without sign {@code +}, leading zeros or a zero fraction ({@code "-007.00"} gives
   *     {@code "-7"}, {@code "-0"} gives {@code "0"}); null when the fraction is not zero
   */
  static String integerText(String text) {
    int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
    boolean negative = text.charAt(0) == '-';
    int point = text.indexOf('.', start);
    int end = point < 0 ? text.length() : point;
    for (int i = end + 1; i < text.length(); i++) {
      if (text.charAt(i) != '0') {
        return null;
      }
    }
    int first = start;
    while (first < end - 1 && text.charAt(first) == '0') {
      first++;
    }
    String digits = text.substring(first, end);
    return negative && !digits.equals("0") ? "-" + digits : digits;
  }

  static String seen(Object value) {
    if (value instanceof String s) {
      return JsonObject.quote(s);
    }
    if (value instanceof Number n) {
      return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }
    return JsonObject.typeName(value);
  }
}
