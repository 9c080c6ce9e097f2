package io.alertbridge.haloitsm;

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
 * The Halo API settings of one alert source, for "event information only" webhooks whose tickets are
 * fetched from the API and for writing alert changes back to tickets: the tenant's resource server, the
 * authorisation server, an application's client credentials, the timeouts, and the write-back table (status
 * names, resolved to ids through the tenant's statuses) and the actions' outcome. Immutable; checked when
 * built, every problem at once. Equal settings share one API client. {@code toString()} never shows the client id or secret.
 *
 * <pre>{@code
 * HaloSettings settings = HaloSettings.builder()
 *     .apiUrl("https://example.halopsa.com").clientId("alertbridge").clientSecret(Secret.of(secret))
 *     .build();
 * AlertSource source = AlertSource.builder("halo", "haloitsm").settings(settings).build();
 * }</pre>
 */
public final class HaloSettings implements IntegrationSettings {
  static final Set<String> MEMBERS = Set.of("apiUrl", "authUrl", "clientId", "clientSecret", "tenant", "scope",
      "connectTimeout", "requestTimeout", "statusRefresh", "writeBack", "outcome");

  /** The table used unless the settings give one: accepted is "In Progress", resolved is "Closed". */
  public static final WriteBackTable DEFAULT_WRITE_BACK = WriteBackTable.of(Map.of(AlertState.ACCEPTED,
      "In Progress", AlertState.RESOLVED, "Closed"));

  /** The outcome of the actions written back unless the settings give one. */
  public static final String DEFAULT_OUTCOME = "AlertBridge";

  /** The longest outcome accepted. */
  private static final int MAX_OUTCOME_CHARS = 100;

  private final URI apiUrl;
  private final URI authUrl;
  private final Secret clientId;
  private final Secret clientSecret;
  private final Optional<String> tenant;
  private final String scope;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration statusRefresh;
  private final WriteBackTable writeBack;
  private final String outcome;

  private HaloSettings(Builder b) {
    this.apiUrl = b.apiUrl;
    this.authUrl = b.authUrl == null ? b.apiUrl.resolve("auth/") : b.authUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.tenant = Optional.ofNullable(b.tenant);
    this.scope = b.scope;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.statusRefresh = b.statusRefresh;
    this.writeBack = b.writeBack;
    this.outcome = b.outcome;
  }

  /** @return a builder; {@code apiUrl}, {@code clientId} and {@code clientSecret} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from JSON: string members {@code apiUrl}, {@code clientId}, {@code clientSecret}
   * (required), {@code authUrl}, {@code tenant}, {@code scope}, {@code outcome}, ISO-8601 durations {@code
   * connectTimeout}, {@code requestTimeout}, {@code statusRefresh}, and the object {@code writeBack} ({@code
   * {"ACCEPTED": "In Progress", "RESOLVED": "Closed"}}, status names of the tenant).
   *
   * @param json the settings object
   * @return the settings
   * @throws ConfigurationException listing every problem with its JSON pointer, never a value
   */
  public static HaloSettings fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    List<String> problems = new ArrayList<>();
    Builder builder = new Builder();
    for (String member : json.values().keySet()) {
      String at = json.pointerOf(member);
      if (!MEMBERS.contains(member)) {
        problems.add("unknown member at " + at + "; the haloitsm settings are " + new TreeSet<>(MEMBERS));
        continue;
      }
      Object value = json.get(member);
      if (member.equals("writeBack")) {
        builder.writeBack = writeBack(json, at, problems);
        continue;
      }
      if (!(value instanceof String text)) {
        problems.add("expected a string at " + at + ", got " + JsonObject.typeName(value));
        continue;
      }
      switch (member) {
        case "apiUrl" -> builder.apiUrl = url(text, at, problems);
        case "authUrl" -> builder.authUrl = url(text, at, problems);
        case "clientId" -> builder.clientId = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
        case "clientSecret" -> builder.clientSecret = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
        case "tenant" -> builder.tenant = SettingChecks.nonBlank(text, at, problems) ? text.strip() : null;
        case "scope" -> builder.scope = SettingChecks.nonBlank(text, at, problems) ? text.strip() : builder.scope;
        case "outcome" -> builder.outcome = outcome(text, at, problems);
        case "connectTimeout" -> builder.connectTimeout = SettingChecks.duration(text, at, problems);
        case "requestTimeout" -> builder.requestTimeout = SettingChecks.duration(text, at, problems);
        default -> builder.statusRefresh = SettingChecks.duration(text, at, problems);
      }
    }
    for (String name : List.of("apiUrl", "clientId", "clientSecret")) {
      if (!json.has(name)) {
        problems.add("the " + name + " is missing at " + json.pointer() + "/" + name);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("haloitsm settings", problems);
    }
    return builder.build();
  }

  /** @return the resource server, ending in {@code /}; requests go to {@code <apiUrl>/api/...} */
  public URI apiUrl() {
    return apiUrl;
  }

  /** @return the authorisation server, ending in {@code /}; tokens come from {@code <authUrl>/token} */
  public URI authUrl() {
    return authUrl;
  }

  /** @return the application's client id */
  public Secret clientId() {
    return clientId;
  }

  /** @return the application's client secret */
  public Secret clientSecret() {
    return clientSecret;
  }

  /** @return the tenant, for hosted Halo; empty on premises */
  public Optional<String> tenant() {
    return tenant;
  }

  /** @return the scope asked for, {@code all} unless set */
  public String scope() {
    return scope;
  }

  /** @return how long to wait for a connection */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return how long one exchange may take as a whole, the answer's body included */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** @return how long the tenant's statuses are kept before they are fetched again */
  public Duration statusRefresh() {
    return statusRefresh;
  }

  /** @return the status names written for accepted and resolved alerts; {@link #DEFAULT_WRITE_BACK} unless set */
  public WriteBackTable writeBack() {
    return writeBack;
  }

  /** @return the outcome of the actions written back; {@value #DEFAULT_OUTCOME} unless set */
  public String outcome() {
    return outcome;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HaloSettings other && apiUrl.equals(other.apiUrl) && authUrl.equals(other.authUrl)
        && clientId.equals(other.clientId) && clientSecret.equals(other.clientSecret) && tenant.equals(other.tenant)
        && scope.equals(other.scope) && connectTimeout.equals(other.connectTimeout)
        && requestTimeout.equals(other.requestTimeout) && statusRefresh.equals(other.statusRefresh)
        && writeBack.equals(other.writeBack) && outcome.equals(other.outcome);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiUrl, authUrl, clientId, clientSecret, tenant, scope, connectTimeout, requestTimeout,
        statusRefresh, writeBack, outcome);
  }

  @Override
  public String toString() {
    return "HaloSettings[apiUrl=" + apiUrl + ", authUrl=" + authUrl + ", tenant=" + tenant.orElse("(none)")
        + ", scope=" + scope + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", statusRefresh=" + statusRefresh + ", writeBack=" + writeBack.statuses() + ", outcome=" + outcome + "]";
  }

  private static URI url(String text, String at, List<String> problems) {
    return SettingChecks.url(text, "https://example.halopsa.com", at, problems);
  }

  private static WriteBackTable writeBack(JsonObject json, String at, List<String> problems) {
    if (!(json.get("writeBack") instanceof Map)) {
      problems.add("expected an object from ACCEPTED and RESOLVED to Halo status names at " + at + ", got "
          + JsonObject.typeName(json.get("writeBack")));
      return null;
    }
    try {
      return WriteBackTable.fromJson(json.optionalObject("writeBack").orElseThrow());
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String outcome(String text, String at, List<String> problems) {
    if (!SettingChecks.nonBlank(text, at, problems)) {
      return null;
    }
    if (text.strip().length() > MAX_OUTCOME_CHARS) {
      problems.add("the outcome at " + at + " is " + text.strip().length() + " characters long; the limit is "
          + MAX_OUTCOME_CHARS);
      return null;
    }
    return text.strip();
  }

  /** Builds {@link HaloSettings}. */
  public static final class Builder {
    private URI apiUrl;
    private URI authUrl;
    private Secret clientId;
    private Secret clientSecret;
    private String tenant;
    private String scope = "all";
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration statusRefresh = Duration.ofHours(1);
    private WriteBackTable writeBack = DEFAULT_WRITE_BACK;
    private String outcome = DEFAULT_OUTCOME;
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * @param apiUrl the resource server, such as {@code https://example.halopsa.com} (required)
     * @return this builder
     */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = url(Objects.requireNonNull(apiUrl, "apiUrl"), "apiUrl", problems);
      return this;
    }

    /**
     * @param authUrl the authorisation server, default {@code <apiUrl>/auth}
     * @return this builder
     */
    public Builder authUrl(String authUrl) {
      this.authUrl = url(Objects.requireNonNull(authUrl, "authUrl"), "authUrl", problems);
      return this;
    }

    /**
     * @param clientId the application's client id (required)
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = SettingChecks.nonBlank(Objects.requireNonNull(clientId, "clientId"), "clientId", problems)
          ? Secret.of(clientId.strip()) : null;
      return this;
    }

    /**
     * @param clientSecret the application's client secret (required)
     * @return this builder
     */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * @param tenant the tenant, for hosted Halo
     * @return this builder
     */
    public Builder tenant(String tenant) {
      this.tenant = SettingChecks.nonBlank(Objects.requireNonNull(tenant, "tenant"), "tenant", problems) ? tenant.strip() : null;
      return this;
    }

    /**
     * @param scope the scope asked for, default {@code all}
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = SettingChecks.nonBlank(Objects.requireNonNull(scope, "scope"), "scope", problems) ? scope.strip() : this.scope;
      return this;
    }

    /**
     * @param connectTimeout how long to wait for a connection, default 5 s
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * @param requestTimeout how long one whole exchange may take, default 10 s
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * @param statusRefresh how long the tenant's statuses are kept, default 1 h
     * @return this builder
     */
    public Builder statusRefresh(Duration statusRefresh) {
      this.statusRefresh = positive(statusRefresh, "statusRefresh");
      return this;
    }

    /**
     * @param writeBack the tenant's status names to write, by state
     * @return this builder
     */
    public Builder writeBack(WriteBackTable writeBack) {
      this.writeBack = Objects.requireNonNull(writeBack, "writeBack");
      return this;
    }

    /**
     * @param outcome the outcome of the actions written back, default {@value HaloSettings#DEFAULT_OUTCOME}
     * @return this builder
     */
    public Builder outcome(String outcome) {
      String checked = HaloSettings.outcome(Objects.requireNonNull(outcome, "outcome"), "outcome", problems);
      this.outcome = checked == null ? this.outcome : checked;
      return this;
    }

    private Duration positive(Duration duration, String name) {
      return SettingChecks.positive(duration, name, problems);
    }

    /**
     * @return the settings
     * @throws ConfigurationException listing every problem, never a value
     */
    public HaloSettings build() {
      List<String> all = new ArrayList<>(problems);
      if (apiUrl == null && problems.stream().noneMatch(p -> p.endsWith(" apiUrl"))) {
        all.add("the apiUrl is missing");
      }
      if (clientId == null && problems.stream().noneMatch(p -> p.endsWith(" clientId"))) {
        all.add("the clientId is missing");
      }
      if (clientSecret == null) {
        all.add("the clientSecret is missing");
      }
      if (!all.isEmpty()) {
        throw new ConfigurationException("haloitsm settings", all);
      }
      return new HaloSettings(this);
    }
  }
}
