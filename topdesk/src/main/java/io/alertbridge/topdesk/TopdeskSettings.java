package io.alertbridge.topdesk;

import io.alertbridge.core.AlertState;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.Secret;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TOPdesk API settings of one alert source, for the way back (processing status and a note written to
 * the incident) and for polling: the tenant's address, an operator's login name and application password,
 * the write-back table, the poll, and the timeouts. Immutable; checked when built, every problem at once.
 * Equal settings share one API client. {@code toString()} never shows the login name or the password.
 *
 * <pre>{@code
 * TopdeskSettings settings = TopdeskSettings.builder()
 *     .apiUrl("https://acme.topdesk.net").username("alertbridge").applicationPassword(Secret.of(password))
 *     .poll("operatorGroup.name==Netwerkbeheer", Duration.ofMinutes(1))
 *     .build();
 * AlertSource source = AlertSource.builder("topdesk", "topdesk").settings(settings).build();
 * }</pre>
 *
 * <p>In JSON: {@code {"apiUrl": "https://acme.topdesk.net", "username": "alertbridge", "applicationPassword":
 * "...", "writeBack": {"ACCEPTED": "In progress", "RESOLVED": "Completed"}, "poll": {"query": "", "interval":
 * "PT1M"}}}.
 */
public final class TopdeskSettings implements IntegrationSettings {
  /** The write-back table unless the settings name one: ACCEPTED to "In progress", RESOLVED to "Completed". */
  public static final WriteBackTable DEFAULT_WRITE_BACK = WriteBackTable.of(
      Map.of(AlertState.ACCEPTED, "In progress", AlertState.RESOLVED, "Completed"));
  /** How often a source is polled when its {@code poll} names no interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
  /** The longest poll query accepted. */
  static final int MAX_QUERY_CHARS = 2000;
  /** The longest login or operator name accepted. */
  static final int MAX_NAME_CHARS = 200;

  static final Set<String> MEMBERS = Set.of("apiUrl", "username", "applicationPassword", "writeBack", "poll",
      "operatorName", "connectTimeout", "requestTimeout");
  static final Set<String> POLL_MEMBERS = Set.of("query", "interval");
  private static final String EXAMPLE_URL = "https://acme.topdesk.net";

  private final URI apiUrl;
  private final String username;
  private final Secret applicationPassword;
  private final WriteBackTable writeBack;
  private final Optional<Poll> poll;
  private final Optional<String> operatorName;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  /**
   * What to poll and how often.
   *
   * @param query a FIQL filter such as {@code operatorGroup.name==Netwerkbeheer}, combined with the
   *     modification date; empty for every incident
   * @param interval how often to poll
   */
  public record Poll(String query, Duration interval) {
    /**
     * Checks for nulls; the checks of content are the settings'.
     *
     * @param query a FIQL filter such as {@code operatorGroup.name==Netwerkbeheer}, combined with the
     *     modification date; empty for every incident
     * @param interval how often to poll
     */
    public Poll {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(interval, "interval");
    }
  }

  private TopdeskSettings(Builder b) {
    this.apiUrl = b.apiUrl;
    this.username = b.username;
    this.applicationPassword = b.applicationPassword;
    this.writeBack = b.writeBack;
    this.poll = Optional.ofNullable(b.poll);
    this.operatorName = Optional.ofNullable(b.operatorName);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
  }

  /** @return a builder; {@code apiUrl}, {@code username} and {@code applicationPassword} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from JSON: strings {@code apiUrl}, {@code username}, {@code applicationPassword}
   * (required) and {@code operatorName}; objects {@code writeBack} (ACCEPTED and RESOLVED to processing
   * status names) and {@code poll} ({@code query}, a FIQL filter that may be empty, and {@code interval}, an
   * ISO-8601 duration, one minute unless given); ISO-8601 durations {@code connectTimeout} and {@code
   * requestTimeout}.
   *
   * @param json the settings object
   * @return the settings
   * @throws ConfigurationException listing every problem with its JSON pointer, never a secret
   */
  public static TopdeskSettings fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    List<String> problems = new ArrayList<>();
    Builder builder = new Builder();
    for (Map.Entry<String, Object> member : json.values().entrySet()) {
      String name = member.getKey();
      String at = json.pointerOf(name);
      Object value = member.getValue();
      if (!MEMBERS.contains(name)) {
        problems.add("unknown member at " + at + "; the topdesk settings are " + new TreeSet<>(MEMBERS));
      } else if (name.equals("writeBack") || name.equals("poll")) {
        if (!(value instanceof Map<?, ?> map)) {
          problems.add("expected an object at " + at + ", got " + JsonObject.typeName(value));
        } else if (name.equals("writeBack")) {
          builder.writeBack = writeBack(object(map, at), problems);
        } else {
          builder.poll = poll(object(map, at), problems);
        }
      } else if (!(value instanceof String text)) {
        problems.add("expected a string at " + at + ", got " + JsonObject.typeName(value));
      } else {
        switch (name) {
          case "apiUrl" -> builder.apiUrl = url(text, at, problems);
          case "username" -> builder.username = login(text, at, problems);
          case "applicationPassword" -> builder.applicationPassword =
              SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
          case "operatorName" -> builder.operatorName = name(text, at, problems);
          case "connectTimeout" -> builder.connectTimeout = SettingChecks.duration(text, at, problems);
          default -> builder.requestTimeout = SettingChecks.duration(text, at, problems);
        }
      }
    }
    for (String required : List.of("apiUrl", "username", "applicationPassword")) {
      if (!json.has(required)) {
        problems.add("the " + required + " is missing at " + json.pointerOf(required));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("topdesk settings", problems);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static JsonObject object(Map<?, ?> map, String at) {
    return JsonObject.of((Map<String, Object>) map, at);
  }

  private static WriteBackTable writeBack(JsonObject json, List<String> problems) {
    try {
      return WriteBackTable.fromJson(json);
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static Poll poll(JsonObject json, List<String> problems) {
    String query = "";
    Duration interval = DEFAULT_POLL_INTERVAL;
    boolean valid = true;
    for (Map.Entry<String, Object> member : json.values().entrySet()) {
      String at = json.pointerOf(member.getKey());
      if (!POLL_MEMBERS.contains(member.getKey())) {
        problems.add("unknown member at " + at + "; a poll has " + new TreeSet<>(POLL_MEMBERS));
        valid = false;
      } else if (!(member.getValue() instanceof String text)) {
        problems.add("expected a string at " + at + ", got " + JsonObject.typeName(member.getValue()));
        valid = false;
      } else if (member.getKey().equals("query")) {
        String checked = query(text, at, problems);
        valid &= checked != null;
        query = checked == null ? query : checked;
      } else {
        Duration checked = SettingChecks.duration(text, at, problems);
        valid &= checked != null;
        interval = checked == null ? interval : checked;
      }
    }
    return valid ? new Poll(query, interval) : null;
  }

  /** @return the query stripped, or null when it is too long, holds control characters or unbalanced brackets */
  static String query(String text, String at, List<String> problems) {
    String query = text.strip();
    if (query.length() > MAX_QUERY_CHARS) {
      problems.add("the FIQL query at " + at + " is " + query.length() + " characters long; the limit is "
          + MAX_QUERY_CHARS);
      return null;
    }
    if (query.chars().anyMatch(Character::isISOControl)) {
      problems.add("the FIQL query at " + at + " holds a control character");
      return null;
    }
    if (!Fiql.balanced(query)) {
      problems.add("the FIQL query at " + at + " has unbalanced brackets or quotes, so it cannot be combined with"
          + " the modification date: " + JsonObject.quote(JsonObject.cut(query, 80)));
      return null;
    }
    return query;
  }

  private static String name(String text, String at, List<String> problems) {
    if (!SettingChecks.nonBlank(text, at, problems)) {
      return null;
    }
    if (text.strip().length() > MAX_NAME_CHARS) {
      problems.add("the name at " + at + " is longer than " + MAX_NAME_CHARS + " characters");
      return null;
    }
    return text.strip();
  }

  /** @return the login name, or null when it is not one HTTP Basic can carry */
  private static String login(String text, String at, List<String> problems) {
    String login = name(text, at, problems);
    if (login != null && login.indexOf(':') >= 0) {
      problems.add("the login name at " + at + " holds a colon, which HTTP Basic cannot carry");
      return null;
    }
    return login;
  }

  private static URI url(String text, String at, List<String> problems) {
    URI uri = SettingChecks.url(text, EXAMPLE_URL, at, problems);
    if (uri == null) {
      return null;
    }
    String path = uri.getRawPath();
    if (path.endsWith("/tas/") || path.endsWith("/tas/api/")) {
      problems.add("expected the tenant's base address at " + at + ", such as " + EXAMPLE_URL
          + ", without /tas or /tas/api (AlertBridge adds /tas/api/...)");
      return null;
    }
    return uri;
  }

  /** @return the tenant's base address, ending in {@code /}; requests go to {@code <apiUrl>tas/api/...} */
  public URI apiUrl() {
    return apiUrl;
  }

  /** @return the operator's login name, for HTTP Basic */
  public String username() {
    return username;
  }

  /** @return the operator's application password, for HTTP Basic */
  public Secret applicationPassword() {
    return applicationPassword;
  }

  /** @return the processing status names written per alert state; {@link #DEFAULT_WRITE_BACK} unless given */
  public WriteBackTable writeBack() {
    return writeBack;
  }

  /** @return what to poll and how often; empty when the source is not polled */
  public Optional<Poll> poll() {
    return poll;
  }

  /**
   * @return the name TOPdesk shows for the operator the API writes as (an incident's {@code modifier.name}),
   *     when given: an incident last modified by it is the echo of a write-back
   */
  public Optional<String> operatorName() {
    return operatorName;
  }

  /** @return how long to wait for a connection */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return how long one exchange may take as a whole, the answer's body included */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopdeskSettings other && apiUrl.equals(other.apiUrl) && username.equals(other.username)
        && applicationPassword.equals(other.applicationPassword) && writeBack.equals(other.writeBack)
        && poll.equals(other.poll) && operatorName.equals(other.operatorName)
        && connectTimeout.equals(other.connectTimeout) && requestTimeout.equals(other.requestTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiUrl, username, applicationPassword, writeBack, poll, operatorName, connectTimeout,
        requestTimeout);
  }

  @Override
  public String toString() {
    return "TopdeskSettings[apiUrl=" + apiUrl + ", writeBack=" + writeBack.statuses() + ", poll="
        + poll.map(p -> "every " + p.interval() + (p.query().isEmpty() ? "" : " where " + p.query())).orElse("(none)")
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
  }

  /** Builds {@link TopdeskSettings}. */
  public static final class Builder {
    private URI apiUrl;
    private String username;
    private Secret applicationPassword;
    private WriteBackTable writeBack;
    private Poll poll;
    private String operatorName;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(20);
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * @param apiUrl the tenant's base address, such as {@code https://acme.topdesk.net} (required)
     * @return this builder
     */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = url(Objects.requireNonNull(apiUrl, "apiUrl"), "apiUrl", problems);
      return this;
    }

    /**
     * @param username the operator's login name (required)
     * @return this builder
     */
    public Builder username(String username) {
      this.username = login(Objects.requireNonNull(username, "username"), "username", problems);
      return this;
    }

    /**
     * @param applicationPassword the operator's application password (required)
     * @return this builder
     */
    public Builder applicationPassword(Secret applicationPassword) {
      this.applicationPassword = Objects.requireNonNull(applicationPassword, "applicationPassword");
      return this;
    }

    /**
     * @param writeBack the processing status names to write, default {@link #DEFAULT_WRITE_BACK}
     * @return this builder
     */
    public Builder writeBack(WriteBackTable writeBack) {
      this.writeBack = Objects.requireNonNull(writeBack, "writeBack");
      return this;
    }

    /**
     * @param query a FIQL filter of the incidents to poll, or empty for all
     * @param interval how often to poll
     * @return this builder
     */
    public Builder poll(String query, Duration interval) {
      String checked = query(Objects.requireNonNull(query, "query"), "poll query", problems);
      Duration positive = SettingChecks.positive(interval, "poll interval", problems);
      this.poll = checked == null || positive == null ? null : new Poll(checked, positive);
      return this;
    }

    /**
     * @param operatorName the API operator's name as incidents show it in {@code modifier}
     * @return this builder
     */
    public Builder operatorName(String operatorName) {
      this.operatorName = name(Objects.requireNonNull(operatorName, "operatorName"), "operatorName", problems);
      return this;
    }

    /**
     * @param connectTimeout how long to wait for a connection, default 5 s
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = SettingChecks.positive(connectTimeout, "connectTimeout", problems);
      return this;
    }

    /**
     * @param requestTimeout how long one whole exchange may take, default 20 s
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = SettingChecks.positive(requestTimeout, "requestTimeout", problems);
      return this;
    }

    /**
     * @return the settings
     * @throws ConfigurationException listing every problem, never a secret
     */
    public TopdeskSettings build() {
      List<String> all = new ArrayList<>(problems);
      if (apiUrl == null && problems.stream().noneMatch(p -> p.contains(" apiUrl"))) {
        all.add("the apiUrl is missing");
      }
      if (username == null && problems.stream().noneMatch(p -> p.contains(" username"))) {
        all.add("the username is missing");
      }
      if (applicationPassword == null) {
        all.add("the applicationPassword is missing");
      }
      if (!all.isEmpty()) {
        throw new ConfigurationException("topdesk settings", all);
      }
      if (writeBack == null) {
        writeBack = DEFAULT_WRITE_BACK;
      }
      return new TopdeskSettings(this);
    }
  }
}
