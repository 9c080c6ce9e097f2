package io.alertbridge.core;

import io.alertbridge.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ticket status AlertBridge writes when the host's alert changes: data, like a {@link
 * StatusMappingTable}. A state without a status writes a note only. Each integration that writes back
 * has a default; a source's settings may replace it. In JSON: {@code {"ACCEPTED": "In progress",
 * "RESOLVED": "Completed"}}.
 */
public final class WriteBackTable {
  /** The longest status name accepted. */
  private static final int MAX_STATUS_CHARS = 200;
  private static final WriteBackTable NOTES_ONLY = new WriteBackTable(new EnumMap<>(AlertState.class));

  private final Map<AlertState, String> statuses;

  private WriteBackTable(EnumMap<AlertState, String> statuses) {
    this.statuses = statuses;
  }

  /** @return a table that writes notes and no status */
  public static WriteBackTable notesOnly() {
    return NOTES_ONLY;
  }

  /**
   * @param statuses the status name per state: ACCEPTED, RESOLVED or both
   * @return the table
   * @throws ConfigurationException when a state is PENDING or a name is blank or too long
   */
  public static WriteBackTable of(Map<AlertState, String> statuses) {
    List<String> problems = new ArrayList<>();
    EnumMap<AlertState, String> copy = new EnumMap<>(AlertState.class);
    statuses.forEach((state, name) -> {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(name, "name");
      check(state, name, "/" + state.name(), problems, copy);
    });
    if (!problems.isEmpty()) {
      throw new ConfigurationException("write-back table", problems);
    }
    return new WriteBackTable(copy);
  }

  /**
   * @param table an object from {@code ACCEPTED} and {@code RESOLVED} to status names
   * @return the table
   * @throws ConfigurationException listing every problem at its JSON pointer
   */
  public static WriteBackTable fromJson(JsonObject table) {
    List<String> problems = new ArrayList<>();
    EnumMap<AlertState, String> statuses = new EnumMap<>(AlertState.class);
    for (Map.Entry<String, Object> member : table.values().entrySet()) {
      String at = table.pointerOf(member.getKey());
      AlertState state = member.getKey().equals("ACCEPTED") ? AlertState.ACCEPTED
          : member.getKey().equals("RESOLVED") ? AlertState.RESOLVED : null;
      if (state == null) {
        problems.add("unknown member at " + at + ": expected ACCEPTED or RESOLVED");
      } else if (!(member.getValue() instanceof String name)) {
        problems.add("expected a status name (string) at " + at + ", got " + JsonObject.typeName(member.getValue()));
      } else {
        check(state, name, at, problems, statuses);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("write-back table", problems);
    }
    return new WriteBackTable(statuses);
  }

  private static void check(AlertState state, String name, String at, List<String> problems,
      EnumMap<AlertState, String> into) {
    if (state == AlertState.PENDING) {
      problems.add("no status can be written for PENDING at " + at + "; only ACCEPTED and RESOLVED");
    } else if (name.isBlank()) {
      problems.add("the status name at " + at + " is blank");
    } else if (name.length() > MAX_STATUS_CHARS) {
      problems.add("the status name at " + at + " is " + name.length() + " characters long; the limit is "
          + MAX_STATUS_CHARS);
    } else {
      into.put(state, name.strip());
    }
  }

  /**
   * @param state the alert's new state
   * @return the status to write, if the table has one
   */
  public Optional<String> status(AlertState state) {
    return Optional.ofNullable(statuses.get(Objects.requireNonNull(state, "state")));
  }

  /** @return the status name per state */
  public Map<AlertState, String> statuses() {
    return Map.copyOf(statuses);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WriteBackTable t && t.statuses.equals(statuses);
  }

  @Override
  public int hashCode() {
    return statuses.hashCode();
  }

  @Override
  public String toString() {
    return "WriteBackTable" + statuses;
  }
}
