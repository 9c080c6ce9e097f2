package io.alertbridge.cli;

import io.alertbridge.core.Authentication;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.Secret;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the command line and the configuration file make of secrets and settings, for any integration:
 * a secret is checked the way the integration prefers ({@link Integration#preferredAuthentication()}):
 * its signature, HTTP Basic as {@code user:password}, or the {@value #SECRET_HEADER} header; settings
 * are passed to the integration, which reads them.
 */
final class AlertSources {
  /** The header that carries a shared secret unless a configuration names another. */
  static final String SECRET_HEADER = "X-AlertBridge-Secret";

  private AlertSources() {}

  /**
   * @param integration the alert source's integration
   * @param secrets the accepted secrets; none means no authentication
   * @param header the shared-secret header to use instead of the integration's own check, if any
   * @return the authentication
   * @throws IllegalArgumentException when a secret does not fit the integration (said without the secret)
   */
  static Authentication authentication(Integration integration, List<String> secrets, Optional<String> header) {
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("a secret must not be empty");
      }
    }
    if (secrets.isEmpty()) {
      return Authentication.none();
    }
    Secret[] values = secrets.stream().map(Secret::of).toArray(Secret[]::new);
    if (header.isPresent()) {
      return Authentication.sharedSecretHeader(header.get(), values);
    }
    switch (integration.preferredAuthentication()) {
      case BASIC:
        List<Authentication.Credentials> credentials = new ArrayList<>();
        for (String secret : secrets) {
          int colon = secret.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("the " + integration.name()
                + " secret is HTTP Basic: expected user:password");
          }
          credentials.add(Authentication.Credentials.of(secret.substring(0, colon), secret.substring(colon + 1)));
        }
        return Authentication.basic(credentials.toArray(Authentication.Credentials[]::new));
      case SIGNATURE:
        return Authentication.signature(values);
      default:
        return Authentication.sharedSecretHeader(SECRET_HEADER, values);
    }
  }

  /**
   * @param authentication an authentication
   * @return how it is described to users, without secrets
   */
  static String describe(Authentication authentication) {
    switch (authentication.kind()) {
      case SHARED_SECRET_HEADER:
        return "shared secret in " + ((Authentication.SharedSecretHeader) authentication).headerName();
      case BASIC:
        return "HTTP Basic";
      case SIGNATURE:
        return "signature";
      default:
        return "none";
    }
  }

  /**
   * @param registry the integrations
   * @return every integration's setting options ({@link Integration#settingOptions()}) that start with
   *     its name and a hyphen, so that no two integrations can claim one option, to the integration
   */
  static Map<String, Integration> settingOptions(IntegrationRegistry registry) {
    Map<String, Integration> options = new TreeMap<>();
    for (String name : registry.names()) {
      Integration integration = registry.require(name);
      integration.settingOptions().keySet().stream().filter(option -> option.startsWith(name + "-"))
          .forEach(option -> options.put(option, integration));
    }
    return options;
  }

  /**
   * The settings of a command line's alert source: its integration's setting options and the JSON
   * object of {@code --settings FILE}, read by the integration.
   *
   * @param integration the source's integration
   * @param registry every integration, whose setting options may be given
   * @param option an option's value by name
   * @param settingsFile the text of the {@code --settings} file, if given
   * @return the settings, or empty when none are given
   * @throws UsageException when another integration's option is given
   * @throws ConfigurationException when the integration refuses them
   */
  static Optional<IntegrationSettings> settings(Integration integration, IntegrationRegistry registry,
      Function<String, Optional<String>> option, Optional<String> settingsFile) {
    Map<String, Object> members = new LinkedHashMap<>();
    settingsFile.ifPresent(text -> members.putAll(object(text)));
    for (Map.Entry<String, Integration> offered : settingOptions(registry).entrySet()) {
      Optional<String> value = option.apply(offered.getKey());
      if (value.isEmpty()) {
        continue;
      }
      if (offered.getValue() != integration) {
        throw new UsageException("--" + offered.getKey() + " is for --source " + offered.getValue().name() + " only");
      }
      String member = integration.settingOptions().get(offered.getKey());
      if (members.put(member, value.get()) != null) {
        throw new UsageException("--" + offered.getKey() + " sets \"" + member + "\", which --settings sets too");
      }
    }
    if (members.isEmpty() && settingsFile.isEmpty()) {
      return Optional.empty();
    }
    return integration.readSettings(JsonObject.of(members, ""));
  }

  private static Map<String, Object> object(String text) {
    Object parsed;
    try {
      parsed = Json.parse(text, 32);
    } catch (MalformedDeliveryException e) {
      throw new UsageException("--settings: " + e.describe("its value"));
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new UsageException("--settings: expected a JSON object, got " + JsonObject.typeName(parsed));
    }
    Map<String, Object> members = new LinkedHashMap<>();
    map.forEach((key, value) -> members.put((String) key, value));
    return members;
  }

  /** @return the {@code --secret} lines of the usage text: what a secret is, per integration */
  static String secretUsage(IntegrationRegistry registry) {
    Map<Authentication.Kind, List<String>> byKind = new TreeMap<>();
    registry.names().forEach(name -> byKind.computeIfAbsent(registry.require(name).preferredAuthentication(),
        kind -> new ArrayList<>()).add(name));
    StringBuilder text = new StringBuilder();
    byKind.forEach((kind, names) -> text.append(" ".repeat(21)).append(String.join(", ", names)).append(": ")
        .append(switch (kind) {
          case SIGNATURE -> "the webhook's signing secret";
          case BASIC -> "user:password for HTTP Basic";
          default -> "the value of the " + SECRET_HEADER + " header";
        }).append('\n'));
    return text.toString().stripTrailing();
  }

  /** @return the usage lines of the integrations' own setting options */
  static String settingOptionsUsage(IntegrationRegistry registry) {
    StringBuilder text = new StringBuilder();
    settingOptions(registry).forEach((option, integration) -> text.append("  --").append(option).append(' ')
        .append(" ".repeat(Math.max(1, 17 - option.length()))).append("--source ").append(integration.name())
        .append(": sets \"").append(integration.settingOptions().get(option)).append("\"\n"));
    return text.toString().stripTrailing();
  }
}
