package io.alertbridge.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.MalformedDeliveryException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads JSON into plain Java values (unmodifiable insertion-ordered maps and lists, String, Long,
 * BigInteger, BigDecimal, Boolean, null) and writes them back, through AlertBridge's own {@link JsonFactory}:
 * never the JVM-wide defaults, and no payload text in error messages. Duplicate keys and content
 * after the value are rejected; nesting is bounded.
 */
public final class Json {
  /** The deepest nesting any caller may ask for; the factory refuses anything deeper. */
  public static final int MAX_NESTING_DEPTH = 1000;

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      // Untrusted bodies may hold many distinct field names: interning each in the JVM's string table
      // would make them cost far more than their size. (Field names stay canonicalized: without it,
      // Jackson reads bytes through a decoder that replaces malformed UTF-8 instead of refusing it.)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  /** The classes {@link #parse} builds containers of; {@link #freeze} passes them through. */
  private static final Class<?> FROZEN_MAP = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();
  private static final Class<?> FROZEN_LIST = Collections.unmodifiableList(new ArrayList<>()).getClass();

  private Json() {}

  /** @return the factory all AlertBridge modules read and write JSON with */
  static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * @param body UTF-8 (or UTF-16/32, detected) JSON
   * @param maxDepth the deepest nesting of objects and arrays accepted
   * @return the value as plain Java values; numbers within the default {@link Limits}
   * @throws MalformedDeliveryException when the body is not one well-formed JSON value
   */
  public static Object parse(byte[] body, int maxDepth) {
    return parse(body, new Bounds(maxDepth, Limits.DEFAULT_MAX_NUMBER_DIGITS, Limits.DEFAULT_MAX_NUMBER_EXPONENT,
        Integer.MAX_VALUE));
  }

  /**
   * @param body UTF-8 (or UTF-16/32, detected) JSON
   * @param limits the nesting and number bounds
   * @return the value as plain Java values
   * @throws MalformedDeliveryException when the body is not one well-formed JSON value within the limits
   */
  public static Object parse(byte[] body, Limits limits) {
    return parse(body, new Bounds(limits.maxNestingDepth(), limits.maxNumberDigits(), limits.maxNumberExponent(),
        limits.maxJsonValues()));
  }

  /**
   * Reads a delivery's body as {@link #parse(byte[], Limits)} does, giving a problem of the kinds a tool's
   * template usually causes the tool's hint on how to fix it.
   *
   * @param body UTF-8 (or UTF-16/32, detected) JSON
   * @param limits the nesting and number bounds
   * @param hint appended to the message of such a problem, e.g. {@code "; check the trigger's body template"}
   * @param hinted the kinds of problem that get the hint, e.g. {@link Kind#brokenText()}
   * @return the value as plain Java values
   * @throws MalformedDeliveryException when the body is not one well-formed JSON value within the limits
   */
  public static Object parse(byte[] body, Limits limits, String hint, Set<Kind> hinted) {
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(hinted, "hinted");
    try {
      return parse(body, limits);
    } catch (MalformedDeliveryException e) {
      throw hinted.contains(e.kind()) ? e.withHint(hint) : e;
    }
  }

  private static Object parse(byte[] body, Bounds bounds) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return parseWithin(parser, bounds);
    } catch (IOException e) {
      throw notUtf8(body, malformed(e));
    } catch (MalformedDeliveryException e) {
      throw notUtf8(body, e);
    }
  }

  /** How deep and how large what is read may be, and how many values were read so far. */
  private static final class Bounds {
    final int maxDepth;
    final int maxDigits;
    final int maxExponent;
    final int maxValues;
    int values;

    Bounds(int maxDepth, int maxDigits, int maxExponent, int maxValues) {
      this.maxDepth = maxDepth;
      this.maxDigits = maxDigits;
      this.maxExponent = maxExponent;
      this.maxValues = maxValues;
    }

    int maxDepth() {
      return maxDepth;
    }

    int maxDigits() {
      return maxDigits;
    }

    int maxExponent() {
      return maxExponent;
    }
  }

  /** A syntax error in bytes that are not UTF-8 is reported as {@link Kind#ENCODING}. */
  private static MalformedDeliveryException notUtf8(byte[] body, MalformedDeliveryException e) {
    if (!e.kind().isBrokenText() || isUtf8(body)) {
      return e;
    }
    return new MalformedDeliveryException(e.problem() + "; the body is not UTF-8 text", Kind.ENCODING, e.line(),
        e.column());
  }

  private static boolean isUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * @param text JSON text
   * @param maxDepth the deepest nesting of objects and arrays accepted
   * @return the value as plain Java values
   * @throws MalformedDeliveryException when the text is not one well-formed JSON value
   */
  public static Object parse(String text, int maxDepth) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      return parseWithin(parser, new Bounds(maxDepth, Limits.DEFAULT_MAX_NUMBER_DIGITS,
          Limits.DEFAULT_MAX_NUMBER_EXPONENT, Integer.MAX_VALUE));
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static Object parseWithin(JsonParser parser, Bounds bounds) throws IOException {
    try {
      return parseWhole(parser, bounds);
    } catch (StreamConstraintsException e) {
      throw overConstraint(parser, e);
    }
  }

  private static Object parseWhole(JsonParser parser, Bounds bounds) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new MalformedDeliveryException("is empty; expected a JSON value", Kind.EMPTY, 1, 1);
    }
    Object value = read(parser, first, 0, bounds);
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw new MalformedDeliveryException("is not valid JSON: unexpected content after the JSON value"
          + position(at), Kind.TRAILING_CONTENT, at.getLineNr(), at.getColumnNr());
    }
    return value;
  }

  private static Object read(JsonParser parser, JsonToken token, int depth, Bounds bounds) throws IOException {
    if (++bounds.values > bounds.maxValues) {
      JsonLocation at = parser.currentTokenLocation();
      throw new MalformedDeliveryException("holds more than " + bounds.maxValues + " JSON values (maxJsonValues)"
          + position(at), Kind.TOO_MANY_VALUES, at.getLineNr(), at.getColumnNr());
    }
    switch (token) {
      case START_OBJECT: {
        checkDepth(parser, depth, bounds.maxDepth());
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          Object value = read(parser, parser.nextToken(), depth + 1, bounds);
          if (object.containsKey(name)) {
            JsonLocation at = parser.currentTokenLocation();
            throw new MalformedDeliveryException("is not valid JSON: duplicate key " + JsonObject.quote(name) + " at "
                + JsonPointers.child(pointerOf(parser.getParsingContext().getParent()), name) + position(at),
                Kind.DUPLICATE_KEY, at.getLineNr(), at.getColumnNr());
          }
          object.put(name, value);
        }
        return Collections.unmodifiableMap(object);
      }
      case START_ARRAY: {
        checkDepth(parser, depth, bounds.maxDepth());
        List<Object> array = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(read(parser, t, depth + 1, bounds));
        }
        return Collections.unmodifiableList(array);
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT: {
        int digits = parser.getTextLength() - (parser.getTextCharacters()[parser.getTextOffset()] == '-' ? 1 : 0);
        if (digits > bounds.maxDigits() || digits - 1 > bounds.maxExponent()) {
          throw numberOutOfRange(parser, digits + " digits", bounds);
        }
        Number n = parser.getNumberValue();
        return n instanceof BigInteger ? n : Long.valueOf(n.longValue());
      }
      case VALUE_NUMBER_FLOAT:
        return decimal(parser, bounds);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        JsonLocation at = parser.currentTokenLocation();
        throw new MalformedDeliveryException("is not valid JSON: unexpected " + token + position(at),
            at.getLineNr(), at.getColumnNr());
    }
  }

  /**
   * Reads a decimal within the bounds, so that no later step (plain text, an exact integer) can cost
   * more than the bounds allow.
   */
  private static BigDecimal decimal(JsonParser parser, Bounds bounds) throws IOException {
    BigDecimal value;
    try {
      value = parser.getDecimalValue();
    } catch (NumberFormatException | ArithmeticException | JsonProcessingException e) {
      // Jackson 2.15 reports an exponent beyond what BigDecimal holds as malformed, later versions throw
      // NumberFormatException: the number is out of range either way
      throw numberOutOfRange(parser, "an exponent out of range", bounds);
    }
    int digits = value.precision();
    long exponent = (long) digits - value.scale() - 1;
    if (digits > bounds.maxDigits()) {
      throw numberOutOfRange(parser, digits + " digits", bounds);
    }
    if (Math.abs(exponent) > bounds.maxExponent()) {
      throw numberOutOfRange(parser, "the exponent " + exponent, bounds);
    }
    return value;
  }

  private static MalformedDeliveryException numberOutOfRange(JsonParser parser, String what, Bounds bounds) {
    JsonLocation at = parser.currentTokenLocation();
    com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext();
    String pointer = pointerOf(context);
    return MalformedDeliveryException.standalone("the number at " + (pointer.isEmpty() ? "the root" : pointer) + " has "
        + what + "; the limits are " + bounds.maxDigits() + " digits and exponents up to " + bounds.maxExponent()
        + position(at), Kind.NUMBER_OUT_OF_RANGE, at.getLineNr(), at.getColumnNr());
  }

  private static void checkDepth(JsonParser parser, int depth, int maxDepth) {
    if (depth >= maxDepth) {
      JsonLocation at = parser.currentTokenLocation();
      throw new MalformedDeliveryException("nests deeper than " + maxDepth + " levels" + position(at),
          Kind.TOO_DEEP, at.getLineNr(), at.getColumnNr());
    }
  }

  /** Whether this Jackson reports an unexpected character's column one too far (before 2.16). */
  private static final boolean COLUMN_AFTER_UNEXPECTED_CHARACTER = FACTORY.version().getMajorVersion() == 2
      && FACTORY.version().getMinorVersion() < 16;

  private static String pointerOf(com.fasterxml.jackson.core.JsonStreamContext context) {
    return context == null ? "" : context.pathAsPointer().toString();
  }

  private static MalformedDeliveryException malformed(IOException e) {
    if (e instanceof JsonProcessingException jpe) {
      JsonLocation at = jpe.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      String detail = jpe.getOriginalMessage();
      int column = at == null ? 0 : at.getColumnNr();
      // Before 2.16, Jackson placed an unexpected character one column after it (jackson-core #1173).
      if (column > 1 && COLUMN_AFTER_UNEXPECTED_CHARACTER && detail.startsWith("Unexpected character")) {
        column--;
      }
      int newline = detail.indexOf('\n');
      if (newline >= 0) {
        detail = detail.substring(0, newline);
      }
      String position = line <= 0 ? "" : " (line " + line + ", column " + column + ")";
      return new MalformedDeliveryException("is not valid JSON: " + detail + position, Kind.SYNTAX, line, column);
    }
    return new MalformedDeliveryException("could not be read: " + e.getClass().getSimpleName(), Kind.UNREADABLE,
        0, 0);
  }

  /** One of the reader's own bounds was passed: a number, a name or a string too long, or nesting too deep. */
  private static MalformedDeliveryException overConstraint(JsonParser parser, StreamConstraintsException e) {
    JsonLocation at = parser.currentLocation();
    int line = at == null ? 0 : at.getLineNr();
    int column = at == null ? 0 : at.getColumnNr();
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.startsWith("Number")) { // "Number value length" from Jackson 2.16, "Number length" in 2.15
      String pointer = pointerOf(parser.getParsingContext());
      return MalformedDeliveryException.standalone("the number at " + (pointer.isEmpty() ? "the root" : pointer)
          + " is longer than " + FACTORY.streamReadConstraints().getMaxNumberLength() + " characters"
          + position(at), Kind.NUMBER_OUT_OF_RANGE, line, column);
    }
    if (detail.contains("nesting depth")) {
      return new MalformedDeliveryException("nests deeper than " + MAX_NESTING_DEPTH + " levels" + position(at),
          Kind.TOO_DEEP, line, column);
    }
    return new MalformedDeliveryException("holds a value longer than the JSON reader accepts: " + detail
        + position(at), Kind.UNREADABLE, line, column);
  }

  private static String position(JsonLocation at) {
    return at == null || at.getLineNr() <= 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /**
   * @param value plain Java values (Map, Iterable, String, Number, Boolean, Enum, null; anything
   *     else is written as its {@code toString()})
   * @return compact JSON
   */
  public static String write(Object value) {
    return write(value, false);
  }

  /**
   * @param value plain Java values, as for {@link #write(Object)}
   * @param pretty whether to indent
   * @return JSON text
   */
  public static String write(Object value, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (pretty) {
        generator.useDefaultPrettyPrinter();
      }
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (value instanceof java.math.BigDecimal n) {
      g.writeNumber(n);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(Double.toString(d));
      }
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      g.writeString(value.toString());
    }
  }

  /**
   * @param value plain Java values
   * @return the same value with every map and list unmodifiable; what {@link #parse} returned is
   *     already so, and comes back as it is
   */
  @SuppressWarnings("unchecked")
  public static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.getClass() == FROZEN_MAP) {
        return value;
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      if (list.getClass() == FROZEN_LIST) {
        return value;
      }
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
