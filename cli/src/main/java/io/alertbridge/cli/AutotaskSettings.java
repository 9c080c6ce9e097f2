package io.alertbridge.cli;

import java.util.Map;
import java.util.Set;

/**
 * The Autotask API settings the command line and the configuration file pass to the autotask
 * integration: where its REST API is and the API user's credentials.
 */
final class AutotaskSettings {
  /** Command-line option to the integration's setting name. */
  static final Map<String, String> OPTIONS = Map.of(
      "autotask-api", "apiUrl",
      "autotask-username", "username",
      "autotask-secret", "secret",
      "autotask-integration-code", "integrationCode");

  /** The members of a configured source's {@code autotask} object. */
  static final Set<String> CONFIG_MEMBERS = Set.of("api", "username", "secret", "integrationCode");

  private AutotaskSettings() {}

  /** @param member a member of the {@code autotask} object @return the integration's setting name */
  static String settingFor(String member) {
    return switch (member) {
      case "api" -> OPTIONS.get("autotask-api");
      case "username" -> OPTIONS.get("autotask-username");
      case "secret" -> OPTIONS.get("autotask-secret");
      default -> OPTIONS.get("autotask-integration-code");
    };
  }
}
