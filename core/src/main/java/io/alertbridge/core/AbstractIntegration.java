package io.alertbridge.core;

import java.util.Objects;

/**
 * The parts every {@link Integration} has, held once: its name, parser, default table and priority
 * mapping. Extend it and override what your tool adds (settings, a signature check, a ticket
 * source, media types, delivery ids); or implement {@link Integration} directly.
 */
public abstract class AbstractIntegration implements Integration {
  private final String name;
  private final DeliveryParser parser;
  private final StatusMappingTable defaultTable;
  private final PriorityMapping priorityMapping;

  /**
   * @param name the tool's name, lower case, e.g. {@code servicenow}
   * @param parser the parser for the tool's deliveries
   * @param defaultTable the lifecycle table unless an alert source overrides it
   * @param priorityMapping how the tool's priorities map to alert priorities
   */
  protected AbstractIntegration(String name, DeliveryParser parser, StatusMappingTable defaultTable,
      PriorityMapping priorityMapping) {
    this.name = Objects.requireNonNull(name, "name");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.defaultTable = Objects.requireNonNull(defaultTable, "defaultTable");
    this.priorityMapping = Objects.requireNonNull(priorityMapping, "priorityMapping");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final DeliveryParser parser() {
    return parser;
  }

  @Override
  public final StatusMappingTable defaultTable() {
    return defaultTable;
  }

  @Override
  public final PriorityMapping priorityMapping() {
    return priorityMapping;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + "]";
  }
}
