package io.alertbridge.core;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered copy of a map that allows null values. Copying one is free, so
 * custom details pass from snapshot to event without being copied again.
 */
final class FrozenMap extends AbstractMap<String, Object> {
  private static final FrozenMap EMPTY = new FrozenMap(Map.of());

  private final Map<String, Object> view;

  private FrozenMap(Map<String, Object> view) {
    this.view = view;
  }

  /**
   * @param source any map
   * @return it, when already frozen; otherwise a frozen copy
   */
  static Map<String, Object> of(Map<String, ?> source) {
    if (source instanceof FrozenMap frozen) {
      return frozen;
    }
    if (source.isEmpty()) {
      return EMPTY;
    }
    return new FrozenMap(Collections.unmodifiableMap(new LinkedHashMap<>(source)));
  }

  /**
   * @param owned a map no one else will modify
   * @return it, frozen without copying
   */
  static Map<String, Object> adopt(LinkedHashMap<String, Object> owned) {
    return owned.isEmpty() ? EMPTY : new FrozenMap(Collections.unmodifiableMap(owned));
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return view.entrySet();
  }

  @Override
  public Object get(Object key) {
    return view.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return view.containsKey(key);
  }

  @Override
  public int size() {
    return view.size();
  }
}
