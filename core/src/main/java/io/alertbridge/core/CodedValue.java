package io.alertbridge.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A status or a priority as a tool sends it: a numeric id, one or more names (a label, a short
 * name), or both. Status-mapping tables and priority mappings match on either.
 */
public final class CodedValue {
  private final Long id;
  private final List<String> names;

  private CodedValue(Long id, List<String> names) {
    this.id = id;
    this.names = List.copyOf(names);
    if (id == null && this.names.isEmpty()) {
      throw new IllegalArgumentException("a coded value needs an id or a name");
    }
  }

  /**
   * @param name the label, e.g. {@code "Solved"}
   * @return a value known by name only
   */
  public static CodedValue of(String name) {
    return new CodedValue(null, List.of(Objects.requireNonNull(name, "name")));
  }

  /**
   * @param id the numeric id, e.g. {@code 9}
   * @return a value known by id only
   */
  public static CodedValue of(long id) {
    return new CodedValue(id, List.of());
  }

  /**
   * @param id the numeric id, or null when the tool sent none
   * @param names the names, in order of preference (label first); nulls and blanks are skipped
   * @return the value
   */
  public static CodedValue of(Long id, String... names) {
    List<String> kept = new java.util.ArrayList<>(names.length);
    for (String name : names) {
      if (name != null && !name.isBlank()) {
        kept.add(name);
      }
    }
    return new CodedValue(id, kept);
  }

  /** @return the numeric id, if the tool sent one */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** @return the names, label first; empty when only the id is known */
  public List<String> names() {
    return names;
  }

  /** @return the first name, if any */
  public Optional<String> label() {
    return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
  }

  /** @return the label when there is one, else {@code #id} */
  public String display() {
    return names.isEmpty() ? "#" + id : names.get(0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CodedValue other && Objects.equals(id, other.id) && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, names);
  }

  @Override
  public String toString() {
    if (id == null) {
      return names.get(0);
    }
    return names.isEmpty() ? "#" + id : names.get(0) + " (#" + id + ")";
  }
}
