package io.alertbridge.cli;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ReopenPolicy;
import io.alertbridge.core.Secret;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackPolicy;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The receiver's configuration: its alert sources, body limit, connection limits and admin token, read
 * from JSON (see the README), or one source per integration, named after it, without authentication.
 *
 * @param sources the alert sources by id, in the order configured
 * @param limits the limits for every delivery
 * @param adminToken the token that {@code GET /alerts} needs; without one it is off
 * @param maxConnections the most connections open at once
 * @param headerTimeout the time a client has to send the request line and headers
 * @param bodyTimeout the time a client has to send the body after the headers (and to read the answer)
 * @param skipped the default sources left out because they cannot work without settings: id to why
 * @param writeBack how changes go back to tickets (the product name in notes)
 */
record ServeConfig(Map<String, AlertSource> sources, Limits limits, Optional<Secret> adminToken, int maxConnections,
    Duration headerTimeout, Duration bodyTimeout, Map<String, String> skipped, WriteBackPolicy writeBack) {
  /** The shortest admin token accepted. */
  static final int MIN_ADMIN_TOKEN_CHARS = 16;
  private static final Set<String> TOP_MEMBERS = Set.of("sources", "maxBodyBytes", "adminToken", "maxConnections",
      "headerTimeoutMillis", "bodyTimeoutMillis", "writeBackPolicy");
  private static final Set<String> POLICY_MEMBERS = Set.of("productName", "firstRetry", "maxRetry", "giveUpAfter",
      "echoWindow");
  private static final Set<String> SOURCE_MEMBERS = Set.of("id", "integration", "secrets", "secretHeader", "reopen",
      "defaultPriority", "table", "settings");

  ServeConfig {
    sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /** @return the limits of the receiver's connections */
  HttpConnections.Limits connectionLimits() {
    return new HttpConnections.Limits(maxConnections, headerTimeout, bodyTimeout, limits.maxBodyBytes());
  }

  /**
   * @param token the admin token
   * @return this configuration with it
   */
  ServeConfig withAdminToken(Secret token) {
    return new ServeConfig(sources, limits, Optional.of(token), maxConnections, headerTimeout, bodyTimeout, skipped,
        writeBack);
  }

  /** @return whether the text is long enough to be an admin token */
  static boolean isAdminToken(String text) {
    return text.strip().length() >= MIN_ADMIN_TOKEN_CHARS && text.strip().equals(text);
  }

  /**
   * @return one alert source per integration, named after it, with no authentication; an integration
   *     that cannot work without settings is left out and listed in {@link #skipped()}
   */
  static ServeConfig defaults(IntegrationRegistry registry) {
    Map<String, AlertSource> sources = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    WebhookProcessor check = WebhookProcessor.builder(registry).build();
    for (String name : registry.names()) {
      AlertSource source = AlertSource.of(name, name);
      List<String> problems = check.validate(source);
      if (problems.isEmpty()) {
        sources.put(name, source);
      } else {
        skipped.put(name, String.join("; ", problems) + "; give a --config with its settings");
      }
    }
    return new ServeConfig(sources, Limits.defaults(), Optional.empty(),
        HttpConnections.Limits.DEFAULT_MAX_CONNECTIONS, HttpConnections.Limits.DEFAULT_HEADER_TIMEOUT,
        HttpConnections.Limits.DEFAULT_BODY_TIMEOUT, skipped, WriteBackPolicy.DEFAULT);
  }

  /**
   * @param json the configuration file's text
   * @param registry the integrations available
   * @param clock the clock signature checks run against
   * @return the configuration
   * @throws ConfigurationException listing every problem, each with its JSON pointer; never a secret
   */
  static ServeConfig read(String json, IntegrationRegistry registry, Clock clock) {
    Object parsed;
    try {
      parsed = Json.parse(json, 32);
    } catch (MalformedDeliveryException e) {
      throw new ConfigurationException("configuration", List.of(e.describe("configuration")));
    }
    List<String> problems = new ArrayList<>();
    if (!(parsed instanceof Map<?, ?> root)) {
      throw new ConfigurationException("configuration", List.of("expected a JSON object at /"));
    }
    unknownMembers(root, "", TOP_MEMBERS, problems);
    Limits limits = Limits.defaults();
    Object maxBody = root.get("maxBodyBytes");
    if (maxBody instanceof Long bytes && bytes > 0 && bytes <= Integer.MAX_VALUE) {
      limits = limits.toBuilder().maxBodyBytes(bytes.intValue()).build();
    } else if (maxBody != null) {
      problems.add("expected a positive integer at /maxBodyBytes");
    }
    Optional<Secret> adminToken = Optional.empty();
    Object token = root.get("adminToken");
    if (token instanceof String text && isAdminToken(text)) {
      adminToken = Optional.of(Secret.of(text));
    } else if (token != null) {
      problems.add("expected a string of at least " + MIN_ADMIN_TOKEN_CHARS
          + " characters, without spaces around it, at /adminToken");
    }
    WriteBackPolicy writeBack = writeBackPolicy(root.get("writeBackPolicy"), problems);
    int maxConnections = (int) number(root, "maxConnections", HttpConnections.Limits.DEFAULT_MAX_CONNECTIONS, 10_000,
        problems);
    Duration headerTimeout = Duration.ofMillis(number(root, "headerTimeoutMillis",
        HttpConnections.Limits.DEFAULT_HEADER_TIMEOUT.toMillis(), 3_600_000, problems));
    Duration bodyTimeout = Duration.ofMillis(number(root, "bodyTimeoutMillis",
        HttpConnections.Limits.DEFAULT_BODY_TIMEOUT.toMillis(), 3_600_000, problems));
    Map<String, AlertSource> sources = new LinkedHashMap<>();
    if (root.get("sources") instanceof List<?> list && !list.isEmpty()) {
      for (int i = 0; i < list.size(); i++) {
        String at = "/sources/" + i;
        if (!(list.get(i) instanceof Map<?, ?> source)) {
          problems.add("expected an object at " + at);
          continue;
        }
        AlertSource built = source(source, at, registry, clock, problems);
        if (built != null && sources.putIfAbsent(built.id(), built) != null) {
          problems.add("the id \"" + built.id() + "\" is used twice, again at " + at + "/id");
        }
      }
    } else {
      problems.add("expected a non-empty array of alert sources at /sources");
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("configuration", problems);
    }
    return new ServeConfig(sources, limits, adminToken, maxConnections, headerTimeout, bodyTimeout, Map.of(),
        writeBack);
  }

  /** The {@code writeBackPolicy} object: durations in ISO-8601, each defaulting to {@link WriteBackPolicy#DEFAULT}'s. */
  private static WriteBackPolicy writeBackPolicy(Object value, List<String> problems) {
    WriteBackPolicy policy = WriteBackPolicy.DEFAULT;
    if (value == null) {
      return policy;
    }
    if (!(value instanceof Map<?, ?> json)) {
      problems.add("expected an object at /writeBackPolicy");
      return policy;
    }
    int before = problems.size();
    unknownMembers(json, "/writeBackPolicy", POLICY_MEMBERS, problems);
    String product = policy.productName();
    if (json.containsKey("productName")) {
      if (json.get("productName") instanceof String name && !name.isBlank() && name.length() <= 100) {
        product = name.strip();
      } else {
        problems.add("expected a non-blank string of at most 100 characters at /writeBackPolicy/productName");
      }
    }
    Duration firstRetry = duration(json, "firstRetry", policy.firstRetry(), problems);
    Duration maxRetry = duration(json, "maxRetry", policy.maxRetry(), problems);
    Duration giveUpAfter = duration(json, "giveUpAfter", policy.giveUpAfter(), problems);
    Duration echoWindow = duration(json, "echoWindow", policy.echoWindow(), problems);
    if (problems.size() > before) {
      return policy;
    }
    try {
      return new WriteBackPolicy(firstRetry, maxRetry.compareTo(firstRetry) < 0 ? firstRetry : maxRetry, giveUpAfter,
          policy.claim(), echoWindow, product);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage() + " at /writeBackPolicy");
      return policy;
    }
  }

  private static Duration duration(Map<?, ?> json, String name, Duration otherwise, List<String> problems) {
    Object value = json.get(name);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof String text && text.length() <= 40) {
      try {
        Duration parsed = Duration.parse(text);
        if (!parsed.isNegative() && !parsed.isZero()) {
          return parsed;
        }
      } catch (java.time.format.DateTimeParseException e) {
        // reported below
      }
    }
    problems.add("expected a positive ISO-8601 duration such as \"PT30S\" at /writeBackPolicy/" + name);
    return otherwise;
  }

  private static long number(Map<?, ?> root, String name, long otherwise, long max, List<String> problems) {
    Object value = root.get(name);
    if (value == null) {
      return otherwise;
    }
    if (value instanceof Long number && number > 0 && number <= max) {
      return number;
    }
    problems.add("expected an integer from 1 to " + max + " at /" + name);
    return otherwise;
  }

  private static AlertSource source(Map<?, ?> json, String at, IntegrationRegistry registry, Clock clock,
      List<String> problems) {
    int before = problems.size();
    unknownMembers(json, at, SOURCE_MEMBERS, problems);
    json.keySet().stream().filter(key -> !SOURCE_MEMBERS.contains(key) && registry.find((String) key).isPresent())
        .forEach(key -> problems.add("an integration's settings go in " + at + "/settings, not " + at + "/" + key));
    String id = string(json, "id", at, problems, true);
    String name = string(json, "integration", at, problems, true);
    Optional<Integration> integration = Optional.empty();
    if (name != null) {
      integration = registry.find(name);
      if (integration.isEmpty()) {
        problems.add("unknown integration \"" + name + "\" at " + at + "/integration; known: " + registry.names());
      }
    }
    List<String> secrets = strings(json.get("secrets"), at + "/secrets", problems);
    if (json.get("secrets") instanceof List<?> given && given.isEmpty()) {
      problems.add("expected at least one secret at " + at + "/secrets; to turn authentication off, leave "
          + "\"secrets\" out");
    }
    String header = string(json, "secretHeader", at, problems, false);
    ReopenPolicy reopen = ReopenPolicy.NEW_ALERT;
    String reopenText = string(json, "reopen", at, problems, false);
    if (reopenText != null) {
      try {
        reopen = Cli.reopenPolicy(reopenText);
      } catch (UsageException e) {
        problems.add("expected \"new\" or \"ignore\" at " + at + "/reopen");
      }
    }
    Priority priority = Priority.HIGH;
    String priorityText = string(json, "defaultPriority", at, problems, false);
    if (priorityText != null) {
      try {
        priority = Priority.valueOf(priorityText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("expected \"HIGH\" or \"LOW\" at " + at + "/defaultPriority");
      }
    }
    StatusMappingTable table = null;
    if (json.get("table") instanceof Map<?, ?> tableJson) {
      try {
        table = StatusMappingTable.fromJson(object(tableJson, at + "/table"));
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
      }
    } else if (json.containsKey("table")) {
      problems.add("expected an object at " + at + "/table");
    }
    Optional<IntegrationSettings> settings = Optional.empty();
    if (json.get("settings") instanceof Map<?, ?> members && integration.isPresent()) {
      try {
        settings = integration.get().readSettings(object(members, at + "/settings"));
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        problems.add("the " + name + " integration could not read " + at + "/settings: " + e.getClass().getSimpleName());
      }
    } else if (json.containsKey("settings") && !(json.get("settings") instanceof Map)) {
      problems.add("expected an object at " + at + "/settings");
    }
    if (problems.size() > before || integration.isEmpty()) {
      return null;
    }
    AlertSource.Builder builder = AlertSource.builder(id, name).reopenPolicy(reopen).defaultPriority(priority);
    try {
      builder.authentication(AlertSources.authentication(integration.get(), secrets, Optional.ofNullable(header)));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage() + " at " + at + "/secrets");
      return null;
    }
    if (table != null) {
      builder.table(table);
    }
    settings.ifPresent(builder::settings);
    AlertSource built = builder.build();
    WebhookProcessor.builder(registry).build().validate(built)
        .forEach(problem -> problems.add(problem + " (source " + at + ")"));
    return built;
  }

  /** @return the members of an object {@link Json} read, at its pointer */
  private static JsonObject object(Map<?, ?> members, String pointer) {
    Map<String, Object> copy = new LinkedHashMap<>();
    members.forEach((key, value) -> copy.put((String) key, value));
    return JsonObject.of(copy, pointer);
  }

  private static String string(Map<?, ?> json, String name, String at, List<String> problems, boolean required) {
    Object value = json.get(name);
    if (value instanceof String text && !text.isBlank()) {
      return text;
    }
    if (value != null || required) {
      problems.add("expected a non-blank string at " + at + "/" + name);
    }
    return null;
  }

  private static List<String> strings(Object value, String at, List<String> problems) {
    List<String> strings = new ArrayList<>();
    if (value == null) {
      return strings;
    }
    if (!(value instanceof List<?> list)) {
      problems.add("expected an array of strings at " + at);
      return strings;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String text && !text.isEmpty()) {
        strings.add(text);
      } else {
        problems.add("expected a non-empty string at " + at + "/" + i);
      }
    }
    return strings;
  }

  private static void unknownMembers(Map<?, ?> json, String at, Set<String> known, List<String> problems) {
    for (Object key : json.keySet()) {
      if (!known.contains(key)) {
        problems.add("unknown member at " + at + "/" + key);
      }
    }
  }
}
