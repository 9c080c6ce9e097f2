package io.alertbridge.core;

import java.util.List;

/**
 * Configuration that cannot work: a status-mapping table with problems, two integrations with one
 * name, an alert source naming an unknown integration. Lists every problem found at once, and
 * never includes a secret.
 */
public final class ConfigurationException extends AlertBridgeException {
  private static final long serialVersionUID = 1L;

  /** Every problem found, in the order found. */
  private final List<String> problems;

  /**
   * @param what what was being configured, e.g. {@code "status-mapping table"}
   * @param problems every problem found, at least one
   */
  public ConfigurationException(String what, List<String> problems) {
    super(what + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** @return every problem found, in the order found */
  public List<String> problems() {
    return problems;
  }
}
