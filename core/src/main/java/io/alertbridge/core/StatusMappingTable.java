package io.alertbridge.core;

import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.core.json.JsonPointers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An integration's lifecycle as data: ordered rows, each mapping one or more statuses to a
 * {@link LifecycleRule}, and a mandatory rule for any other status. A status matches a row by
 * label (ignoring case, spaces, hyphens and underscores) or by numeric id; when several rows match,
 * the first wins. Tables are validated when built, and can be read from and written to JSON:
 *
 * <pre>{@code
 * {"rows": [{"statuses": ["New", "Open"], "whenAbsent": "CREATE", "whenOpen": "KEEP"},
 *           {"statuses": [9, "Closed"],   "whenAbsent": "IGNORE", "whenOpen": "RESOLVE"}],
 *  "otherwise": {"whenAbsent": "CREATE", "whenOpen": "KEEP"}}
 * }</pre>
 *
 * In JSON, a string status is a label and an integer status is an id.
 */
public final class StatusMappingTable {
  private final List<Row> rows;
  private final LifecycleRule otherwise;
  private final Map<String, Integer> rowByLabel = new HashMap<>();
  private final Map<Long, Integer> rowById = new HashMap<>();
  private final List<Match> matches = new ArrayList<>();
  private final Match anyOther;

  private StatusMappingTable(List<Row> rows, LifecycleRule otherwise) {
    this.rows = List.copyOf(rows);
    this.otherwise = otherwise;
    this.anyOther = new Match(-1, otherwise, "any other");
    for (int i = 0; i < this.rows.size(); i++) {
      Row row = this.rows.get(i);
      matches.add(new Match(i, row.rule(), "row " + (i + 1) + " [" + row.describe() + "]"));
      for (String label : row.labels()) {
        rowByLabel.putIfAbsent(Labels.normalize(label), i);
      }
      for (Long id : row.ids()) {
        rowById.putIfAbsent(id, i);
      }
    }
  }

  /**
   * One row: the statuses it matches and what they do.
   *
   * @param labels labels matched ignoring case, spaces, hyphens and underscores
   * @param ids numeric ids matched exactly
   * @param rule what these statuses do
   */
  public record Row(List<String> labels, List<Long> ids, LifecycleRule rule) {

    /**
     * Checks for nulls; copies the lists.
     *
     * @param labels labels matched ignoring case, spaces, hyphens and underscores
     * @param ids numeric ids matched exactly
     * @param rule what these statuses do
     */
    public Row {
      labels = List.copyOf(labels);
      ids = List.copyOf(ids);
      Objects.requireNonNull(rule, "rule");
    }

    /** @return the labels and ids, for explanations */
    public String describe() {
      List<String> all = new ArrayList<>(labels);
      ids.forEach(id -> all.add("#" + id));
      return String.join(", ", all);
    }
  }

  /**
   * The row a status matched.
   *
   * @param index the row's 0-based index, or -1 for the "any other" rule
   * @param rule the rule to apply
   * @param description the matched row, readable: {@code row 2 [Pending, On-hold]} or {@code any other}
   */
  public record Match(int index, LifecycleRule rule, String description) {}

  /** @return a builder for a table */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the rows, in matching order */
  public List<Row> rows() {
    return rows;
  }

  /** @return the rule for any status no row matches */
  public LifecycleRule otherwise() {
    return otherwise;
  }

  /**
   * Finds the rule for a status: the first row matching its id or any of its names.
   *
   * @param status the ticket's status
   * @return the matched row, or the "any other" rule
   */
  public Match match(CodedValue status) {
    int best = Integer.MAX_VALUE;
    OptionalLong id = status.id();
    if (id.isPresent()) {
      best = rowById.getOrDefault(id.getAsLong(), best);
    }
    for (String name : status.names()) {
      best = Math.min(best, rowByLabel.getOrDefault(Labels.normalize(name), Integer.MAX_VALUE));
    }
    return best == Integer.MAX_VALUE ? anyOther : matches.get(best);
  }

  /**
   * Whether two labels are one label to every table and priority mapping: compared ignoring case,
   * spaces, hyphens and underscores, so {@code "On-hold"}, {@code "on hold"} and {@code "ON_HOLD"} are
   * one label.
   *
   * @param a a label
   * @param b another label
   * @return whether they are the same label
   */
  public static boolean sameLabel(String a, String b) {
    return Labels.normalize(a).equals(Labels.normalize(b));
  }

  /**
   * Reads a table from JSON (see the class description for the format).
   *
   * @param json the table
   * @return the table
   * @throws ConfigurationException listing every problem, each with its JSON pointer
   */
  public static StatusMappingTable fromJson(String json) {
    Objects.requireNonNull(json, "json");
    Object parsed;
    try {
      parsed = Json.parse(json, 16);
    } catch (MalformedDeliveryException e) {
      throw new ConfigurationException("status-mapping table", List.of(e.describe("table")));
    }
    if (!(parsed instanceof Map)) {
      throw new ConfigurationException("status-mapping table", List.of("expected a JSON object at /"));
    }
    return fromJson(JsonObject.root(parsed));
  }

  /**
   * Reads a table from an object already read, such as a member of a larger configuration (see the class
   * description for the format).
   *
   * @param table the table's object
   * @return the table
   * @throws ConfigurationException listing every problem, each at its JSON pointer under the object's
   *     {@link JsonObject#pointer()}; a problem of the table as a whole (a status in two rows, say) names the
   *     object's pointer unless it is the root
   */
  public static StatusMappingTable fromJson(JsonObject table) {
    List<String> problems = new ArrayList<>();
    Builder builder = builder();
    for (String key : table.values().keySet()) {
      if (!key.equals("rows") && !key.equals("otherwise")) {
        problems.add("unknown member at " + table.pointerOf(key));
      }
    }
    Object rowsValue = table.get("rows");
    if (rowsValue instanceof List<?> rowList) {
      for (int i = 0; i < rowList.size(); i++) {
        String at = JsonPointers.child(table.pointerOf("rows"), i);
        if (!(rowList.get(i) instanceof Map<?, ?> row)) {
          problems.add("expected an object at " + at);
          continue;
        }
        LifecycleRule rule = readRule(row, at, problems);
        List<String> labels = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        if (row.get("statuses") instanceof List<?> statuses) {
          for (int j = 0; j < statuses.size(); j++) {
            Object status = statuses.get(j);
            if (status instanceof String label) {
              labels.add(label);
            } else if (status instanceof Long id) {
              ids.add(id);
            } else {
              problems.add("expected a label (string) or an id (integer) at " + at + "/statuses/" + j);
            }
          }
        } else {
          problems.add("expected an array of statuses at " + at + "/statuses");
        }
        if (rule != null) {
          builder.row(new Row(labels, ids, rule));
        }
      }
    } else if (rowsValue != null) {
      problems.add("expected an array at " + table.pointerOf("rows"));
    }
    if (table.get("otherwise") instanceof Map<?, ?> otherwise) {
      LifecycleRule rule = readRule(otherwise, table.pointerOf("otherwise"), problems);
      if (rule != null) {
        builder.otherwise(rule);
      }
    } else if (table.has("otherwise")) {
      problems.add("expected an object at " + table.pointerOf("otherwise"));
    }
    String where = table.pointer().isEmpty() ? "" : " at " + table.pointer();
    builder.problems().forEach(problem -> problems.add(problem + where));
    if (!problems.isEmpty()) {
      throw new ConfigurationException("status-mapping table", problems);
    }
    return builder.build();
  }

  private static LifecycleRule readRule(Map<?, ?> object, String at, List<String> problems) {
    WhenAbsent whenAbsent = readEnum(WhenAbsent.class, object.get("whenAbsent"), at + "/whenAbsent", problems);
    WhenOpen whenOpen = readEnum(WhenOpen.class, object.get("whenOpen"), at + "/whenOpen", problems);
    return whenAbsent == null || whenOpen == null ? null : LifecycleRule.of(whenAbsent, whenOpen);
  }

  private static <E extends Enum<E>> E readEnum(Class<E> type, Object value, String at, List<String> problems) {
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
      if (value instanceof String s && constant.name().equalsIgnoreCase(s.strip())) {
        return constant;
      }
    }
    problems.add("expected one of " + String.join(", ", names) + " at " + at + ", got "
        + (value instanceof String s ? JsonObject.quote(s) : JsonObject.typeName(value)));
    return null;
  }

  /** @return this table as JSON, in the format {@link #fromJson} reads */
  public String toJson() {
    List<Object> rowList = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> json = new LinkedHashMap<>();
      List<Object> statuses = new ArrayList<>(row.labels());
      statuses.addAll(row.ids());
      json.put("statuses", statuses);
      json.put("whenAbsent", row.rule().whenAbsent());
      json.put("whenOpen", row.rule().whenOpen());
      rowList.add(json);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("rows", rowList);
    table.put("otherwise", Map.of("whenAbsent", otherwise.whenAbsent(), "whenOpen", otherwise.whenOpen()));
    return Json.write(table);
  }

  /**
   * Tables are equal when their labels compare equal, so that a table read from JSON equals the same
   * table built in code. Note that a row's statuses are compared in order.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof StatusMappingTable other && rows.equals(other.rows) && otherwise.equals(other.otherwise);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, otherwise);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Row row : rows) {
      text.append(row.describe()).append(" -> ").append(row.rule()).append('\n');
    }
    return text.append("any other -> ").append(otherwise).toString();
  }

  /** Builds a table; {@link #build()} validates it and reports every problem at once. */
  public static final class Builder {
    private final List<Row> rows = new ArrayList<>();
    private LifecycleRule otherwise;

    private Builder() {}

    /**
     * @param rule what these statuses do
     * @param labels the labels the row matches
     * @return this builder
     */
    public Builder row(LifecycleRule rule, String... labels) {
      return row(new Row(List.of(labels), List.of(), rule));
    }

    /**
     * @param row a row; rows match in the order they are added
     * @return this builder
     */
    public Builder row(Row row) {
      rows.add(Objects.requireNonNull(row, "row"));
      return this;
    }

    /**
     * @param rule what any status no row matches does
     * @return this builder
     */
    public Builder otherwise(LifecycleRule rule) {
      this.otherwise = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * @return the table
     * @throws ConfigurationException listing every problem: a missing "any other" rule, a row without
     *     statuses, a blank label, a status in two places
     */
    public StatusMappingTable build() {
      List<String> problems = problems();
      if (!problems.isEmpty()) {
        throw new ConfigurationException("status-mapping table", problems);
      }
      return new StatusMappingTable(rows, otherwise);
    }

    private List<String> problems() {
      List<String> problems = new ArrayList<>();
      Map<String, Integer> labelRow = new HashMap<>();
      Map<Long, Integer> idRow = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        int number = i + 1;
        if (row.labels().isEmpty() && row.ids().isEmpty()) {
          problems.add("row " + number + " matches no status");
        }
        for (String label : row.labels()) {
          if (label.isBlank()) {
            problems.add("row " + number + " has a blank label");
            continue;
          }
          Integer earlier = labelRow.putIfAbsent(Labels.normalize(label), number);
          if (earlier != null) {
            problems.add("status " + JsonObject.quote(label) + " is in row " + earlier + " and again in row " + number);
          }
        }
        for (Long id : row.ids()) {
          Integer earlier = idRow.putIfAbsent(id, number);
          if (earlier != null) {
            problems.add("status #" + id + " is in row " + earlier + " and again in row " + number);
          }
        }
      }
      if (otherwise == null) {
        problems.add("the \"any other\" rule is missing");
      }
      return problems;
    }
  }
}
