package io.alertbridge.autotask;

import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.IntegrationSettings;
import io.alertbridge.core.Secret;
import io.alertbridge.core.SettingChecks;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Autotask REST API settings of one alert source: the API user, where the API is, and the
 * timeouts. Immutable; checked when built, every problem at once. Equal settings share one API
 * client. {@code toString()} shows addresses and timeouts only, never the API user or its secrets.
 *
 * <pre>{@code
 * AutotaskSettings settings = AutotaskSettings.builder()
 *     .username("api-user@example.com").secret(Secret.of(apiSecret)).integrationCode(Secret.of(code))
 *     .zoneUrl("https://webservices14.autotask.net/atservicesrest/")
 *     .build();
 * AlertSource source = AlertSource.builder("psa", "autotask").settings(settings).build();
 * }</pre>
 */
public final class AutotaskSettings implements IntegrationSettings {
  /** Where the zone lookup is unless {@link Builder#apiUrl} says otherwise. */
  public static final URI DEFAULT_API_URL = URI.create("https://webservices.autotask.net/");

  static final Set<String> MEMBERS = Set.of("username", "secret", "integrationCode", "apiUrl", "zoneUrl", "webUrl",
      "connectTimeout", "requestTimeout", "picklistRefresh");

  private final Secret username;
  private final Secret secret;
  private final Secret integrationCode;
  private final URI apiUrl;
  private final Optional<URI> zoneUrl;
  private final Optional<URI> webUrl;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration picklistRefresh;

  private AutotaskSettings(Builder b) {
    this.username = b.username;
    this.secret = b.secret;
    this.integrationCode = b.integrationCode;
    this.apiUrl = b.apiUrl;
    this.zoneUrl = Optional.ofNullable(b.zoneUrl);
    this.webUrl = Optional.ofNullable(b.webUrl);
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.picklistRefresh = b.picklistRefresh;
  }

  /** @return a builder; {@code username}, {@code secret} and {@code integrationCode} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from JSON: string members {@code username}, {@code secret}, {@code
   * integrationCode} (required), {@code apiUrl}, {@code zoneUrl}, {@code webUrl}, and ISO-8601 durations
   * {@code connectTimeout}, {@code requestTimeout}, {@code picklistRefresh}.
   *
   * @param json the settings object
   * @return the settings
   * @throws ConfigurationException listing every problem with its JSON pointer, never a value
   */
  public static AutotaskSettings fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    List<String> problems = new ArrayList<>();
    Builder builder = new Builder();
    for (String member : json.values().keySet()) {
      if (!MEMBERS.contains(member)) {
        problems.add("unknown member at " + json.pointerOf(member) + "; the autotask settings are "
            + new java.util.TreeSet<>(MEMBERS));
        continue;
      }
      Object value = json.get(member);
      if (!(value instanceof String text)) {
        problems.add("expected a string at " + json.pointerOf(member) + ", got " + JsonObject.typeName(value));
        continue;
      }
      String at = json.pointerOf(member);
      switch (member) {
        case "username" -> builder.username = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
        case "secret" -> builder.secret = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
        case "integrationCode" ->
            builder.integrationCode = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
        case "apiUrl" -> builder.apiUrl = url(text, at, problems);
        case "zoneUrl" -> builder.zoneUrl = url(text, at, problems);
        case "webUrl" -> builder.webUrl = url(text, at, problems);
        case "connectTimeout" -> builder.connectTimeout = SettingChecks.duration(text, at, problems);
        case "requestTimeout" -> builder.requestTimeout = SettingChecks.duration(text, at, problems);
        default -> builder.picklistRefresh = SettingChecks.duration(text, at, problems);
      }
    }
    problems.addAll(builder.missing(json.pointer()));
    if (!problems.isEmpty()) {
      throw new ConfigurationException("autotask settings", problems);
    }
    return builder.build();
  }

  /** @return the API user's name */
  public Secret username() {
    return username;
  }

  /** @return the API user's secret */
  public Secret secret() {
    return secret;
  }

  /** @return the API tracking identifier (integration code) */
  public Secret integrationCode() {
    return integrationCode;
  }

  /** @return where the zone lookup is */
  public URI apiUrl() {
    return apiUrl;
  }

  /** @return the zone's API address; empty to look it up once at {@link #apiUrl()} */
  public Optional<URI> zoneUrl() {
    return zoneUrl;
  }

  /** @return the start of ticket links; empty to use the zone lookup's */
  public Optional<URI> webUrl() {
    return webUrl;
  }

  /** @return how long to wait for a connection */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return how long one exchange may take as a whole, the answer's body included */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** @return how long ticket-field picklists are kept before they are fetched again */
  public Duration picklistRefresh() {
    return picklistRefresh;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutotaskSettings other && username.equals(other.username) && secret.equals(other.secret)
        && integrationCode.equals(other.integrationCode) && apiUrl.equals(other.apiUrl)
        && zoneUrl.equals(other.zoneUrl) && webUrl.equals(other.webUrl)
        && connectTimeout.equals(other.connectTimeout) && requestTimeout.equals(other.requestTimeout)
        && picklistRefresh.equals(other.picklistRefresh);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, secret, integrationCode, apiUrl, zoneUrl, webUrl, connectTimeout, requestTimeout,
        picklistRefresh);
  }

  @Override
  public String toString() {
    return "AutotaskSettings[apiUrl=" + apiUrl + ", zoneUrl=" + zoneUrl.map(URI::toString).orElse("(lookup)")
        + ", webUrl=" + webUrl.map(URI::toString).orElse("(lookup)") + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", picklistRefresh=" + picklistRefresh + "]";
  }

  private static URI url(String text, String at, List<String> problems) {
    return SettingChecks.url(text, "https://webservices14.autotask.net/atservicesrest/", at, problems);
  }

  /** Builds {@link AutotaskSettings}. */
  public static final class Builder {
    private Secret username;
    private Secret secret;
    private Secret integrationCode;
    private URI apiUrl = DEFAULT_API_URL;
    private URI zoneUrl;
    private URI webUrl;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration picklistRefresh = Duration.ofHours(1);
    private final List<String> problems = new ArrayList<>();
    private boolean blankUsername;

    private Builder() {}

    /** @param username the API user's name (required) @return this builder */
    public Builder username(String username) {
      blankUsername = Objects.requireNonNull(username, "username").isBlank();
      this.username = blankUsername ? null : Secret.of(username.strip());
      return this;
    }

    /** @param secret the API user's secret (required) @return this builder */
    public Builder secret(Secret secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** @param integrationCode the API tracking identifier (required) @return this builder */
    public Builder integrationCode(Secret integrationCode) {
      this.integrationCode = Objects.requireNonNull(integrationCode, "integrationCode");
      return this;
    }

    /** @param apiUrl where the zone lookup is, default {@link #DEFAULT_API_URL} @return this builder */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = url(Objects.requireNonNull(apiUrl, "apiUrl"), "apiUrl", problems);
      return this;
    }

    /**
     * @param zoneUrl the zone's API address, such as {@code
     *     https://webservices14.autotask.net/atservicesrest/}; without it the zone is looked up once
     * @return this builder
     */
    public Builder zoneUrl(String zoneUrl) {
      this.zoneUrl = url(Objects.requireNonNull(zoneUrl, "zoneUrl"), "zoneUrl", problems);
      return this;
    }

    /** @param webUrl the start of ticket links, such as {@code https://ww14.autotask.net/} @return this builder */
    public Builder webUrl(String webUrl) {
      this.webUrl = url(Objects.requireNonNull(webUrl, "webUrl"), "webUrl", problems);
      return this;
    }

    /** @param connectTimeout how long to wait for a connection, default 5 s @return this builder */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** @param requestTimeout how long one whole exchange may take, default 10 s @return this builder */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** @param picklistRefresh how long picklists are kept, default 1 h @return this builder */
    public Builder picklistRefresh(Duration picklistRefresh) {
      this.picklistRefresh = positive(picklistRefresh, "picklistRefresh");
      return this;
    }

    private Duration positive(Duration duration, String name) {
      return SettingChecks.positive(duration, name, problems);
    }

    private List<String> missing(String at) {
      List<String> missing = new ArrayList<>();
      for (String name : List.of("username", "secret", "integrationCode")) {
        boolean absent = switch (name) {
          case "username" -> username == null;
          case "secret" -> secret == null;
          default -> integrationCode == null;
        };
        if (absent && name.equals("username") && blankUsername) {
          missing.add("the API user's username is blank");
        } else if (absent) {
          missing.add("the API user's " + name + " is missing" + (at == null ? "" : " at " + at + "/" + name));
        }
      }
      return missing;
    }

    /**
     * @return the settings
     * @throws ConfigurationException listing every problem, never a value
     */
    public AutotaskSettings build() {
      List<String> all = new ArrayList<>(problems);
      all.addAll(missing(null));
      if (!all.isEmpty()) {
        throw new ConfigurationException("autotask settings", all);
      }
      return new AutotaskSettings(this);
    }
  }
}
