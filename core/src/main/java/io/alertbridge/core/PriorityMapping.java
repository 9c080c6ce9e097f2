package io.alertbridge.core;


import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps a tool's priority to {@link Priority}: by name first (ignoring case, spaces, hyphens and
 * underscores), then by id, then the fallback if one is set. When nothing matches, the alert source's
 * default priority applies.
 */
public final class PriorityMapping {
  private final Map<String, Priority> byName;
  private final Map<Long, Priority> byId;
  private final Priority fallback;

  private PriorityMapping(Map<String, Priority> byName, Map<Long, Priority> byId, Priority fallback) {
    this.byName = Map.copyOf(byName);
    this.byId = Map.copyOf(byId);
    this.fallback = fallback;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param priority the priority as the tool sent it
   * @return the alert priority, or empty when nothing matches and no fallback is set
   */
  public Optional<Priority> map(CodedValue priority) {
    for (String name : priority.names()) {
      Priority byLabel = byName.get(Labels.normalize(name));
      if (byLabel != null) {
        return Optional.of(byLabel);
      }
    }
    OptionalLong id = priority.id();
    if (id.isPresent() && byId.containsKey(id.getAsLong())) {
      return Optional.of(byId.get(id.getAsLong()));
    }
    return Optional.ofNullable(fallback);
  }

  /** Builds a {@link PriorityMapping}. */
  public static final class Builder {
    private final Map<String, Priority> byName = new HashMap<>();
    private final Map<Long, Priority> byId = new HashMap<>();
    private Priority fallback;

    private Builder() {}

    /**
     * @param priority the alert priority
     * @param names tool priority names that map to it
     * @return this builder
     */
    public Builder name(Priority priority, String... names) {
      Objects.requireNonNull(priority, "priority");
      for (String name : names) {
        byName.put(Labels.normalize(name), priority);
      }
      return this;
    }

    /**
     * @param priority the alert priority
     * @param ids tool priority ids that map to it
     * @return this builder
     */
    public Builder id(Priority priority, long... ids) {
      Objects.requireNonNull(priority, "priority");
      for (long id : ids) {
        byId.put(id, priority);
      }
      return this;
    }

    /**
     * @param priority what any other non-empty priority maps to; without it, the alert source's default
     * @return this builder
     */
    public Builder otherwise(Priority priority) {
      this.fallback = Objects.requireNonNull(priority, "priority");
      return this;
    }

    /** @return the mapping */
    public PriorityMapping build() {
      return new PriorityMapping(byName, byId, fallback);
    }
  }
}
