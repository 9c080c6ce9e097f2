package io.alertbridge.topdesk.testing;

import io.alertbridge.core.json.IsoTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of FIQL {@link FakeTopdeskApi} understands: comparisons {@code field==value}, {@code !=}, {@code
 * =gt=}, {@code =ge=}, {@code =lt=}, {@code =le=} on dotted fields, joined by {@code ;} (and, first) and
 * {@code ,} (or), grouped in brackets; values bare or quoted with {@code '} or {@code "}. Anything else is an
 * {@link IllegalArgumentException}, answered 400.
 */
final class FakeFiql {
  private static final List<String> OPERATORS = List.of("==", "!=", "=gt=", "=ge=", "=lt=", "=le=");

  private final String text;
  private int at;

  private FakeFiql(String text) {
    this.text = text;
  }

  /** A parsed filter. */
  interface Filter {
    boolean matches(Map<String, Object> incident);
  }

  /**
   * @param query a FIQL query, or empty for all
   * @return the filter
   */
  static Filter parse(String query) {
    if (query.isBlank()) {
      return incident -> true;
    }
    FakeFiql parser = new FakeFiql(query);
    Filter filter = parser.or();
    if (parser.at != query.length()) {
      throw new IllegalArgumentException("unexpected " + query.charAt(parser.at) + " at " + parser.at);
    }
    return filter;
  }

  private Filter or() {
    List<Filter> any = new ArrayList<>(List.of(and()));
    while (peek(',')) {
      at++;
      any.add(and());
    }
    return incident -> any.stream().anyMatch(f -> f.matches(incident));
  }

  private Filter and() {
    List<Filter> all = new ArrayList<>(List.of(term()));
    while (peek(';')) {
      at++;
      all.add(term());
    }
    return incident -> all.stream().allMatch(f -> f.matches(incident));
  }

  private Filter term() {
    if (peek('(')) {
      at++;
      Filter inner = or();
      if (!peek(')')) {
        throw new IllegalArgumentException("missing ) at " + at);
      }
      at++;
      return inner;
    }
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    String field = text.substring(start, at);
    String operator = OPERATORS.stream().filter(o -> text.startsWith(o, at)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("expected a field and an operator at " + start));
    if (field.isEmpty()) {
      throw new IllegalArgumentException("expected a field at " + start);
    }
    at += operator.length();
    String value = value();
    return incident -> compare(lookup(incident, field), operator, value);
  }

  private String value() {
    if (peek('\'') || peek('"')) {
      char quote = text.charAt(at++);
      StringBuilder value = new StringBuilder();
      while (at < text.length() && text.charAt(at) != quote) {
        char c = text.charAt(at++);
        value.append(c == '\\' && at < text.length() ? text.charAt(at++) : c);
      }
      if (at >= text.length()) {
        throw new IllegalArgumentException("unclosed quote");
      }
      at++;
      return value.toString();
    }
    int start = at;
    while (at < text.length() && ";,()".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("expected a value at " + start);
    }
    return text.substring(start, at);
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private static Object lookup(Map<String, Object> incident, String field) {
    Object value = incident;
    for (String part : field.split("\\.")) {
      value = value instanceof Map<?, ?> map ? map.get(part) : null;
    }
    return value;
  }

  private static boolean compare(Object actual, String operator, String expected) {
    switch (operator) {
      case "==" -> {
        return equal(actual, expected);
      }
      case "!=" -> {
        return !equal(actual, expected);
      }
      default -> {
        Integer order = order(actual, expected);
        if (order == null) {
          return false;
        }
        return switch (operator) {
          case "=gt=" -> order > 0;
          case "=ge=" -> order >= 0;
          case "=lt=" -> order < 0;
          default -> order <= 0;
        };
      }
    }
  }

  private static boolean equal(Object actual, String expected) {
    if (expected.equals("null")) {
      return actual == null;
    }
    return actual != null && !(actual instanceof Map) && String.valueOf(actual).equals(expected);
  }

  /**
   * @return the order of the actual value against the expected one, for dates and numbers; null when the
   *     actual value is none of them, so that it matches no comparison
   */
  private static Integer order(Object actual, String expected) {
    Optional<Instant> bound = IsoTimes.parse(expected);
    if (bound.isPresent()) {
      Optional<Instant> time = actual instanceof String text ? IsoTimes.parse(text) : Optional.empty();
      return time.map(t -> t.compareTo(bound.get())).orElse(null);
    }
    try {
      double number = Double.parseDouble(expected);
      return actual instanceof Number n ? Double.compare(n.doubleValue(), number) : null;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("=gt=, =ge=, =lt= and =le= take dates or numbers, not " + expected);
    }
  }
}
