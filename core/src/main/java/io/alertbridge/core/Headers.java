package io.alertbridge.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** HTTP request headers, with names compared case-insensitively. Immutable. */
public final class Headers {
  private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final TreeMap<String, List<String>> values;

  private Headers(TreeMap<String, List<String>> values) {
    this.values = values;
  }

  /** @return no headers */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * @param headers header names to their values, as servlet containers and {@code HttpExchange} give them
   * @return the headers
   */
  public static Headers of(Map<String, ? extends List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, list) -> {
      if (name != null) {
        copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list);
      }
    });
    copy.replaceAll((name, list) -> List.copyOf(list));
    return new Headers(copy);
  }

  /**
   * @param namesAndValues name, value, name, value, ...
   * @return the headers
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected names and values in pairs, got " + namesAndValues.length + " strings");
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = Objects.requireNonNull(namesAndValues[i], "name");
      String value = Objects.requireNonNull(namesAndValues[i + 1], "value");
      copy.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    copy.replaceAll((name, list) -> List.copyOf(list));
    return new Headers(copy);
  }

  /**
   * @param name a header name, in any case
   * @return its first value
   */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /**
   * @param name a header name, in any case
   * @return all its values; empty when absent
   */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** @return the header names as first given */
  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** Header values are not shown: they may hold secrets. */
  @Override
  public String toString() {
    return "Headers" + values.keySet();
  }
}
