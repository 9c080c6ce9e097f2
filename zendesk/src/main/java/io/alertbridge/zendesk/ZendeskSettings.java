package io.alertbridge.zendesk;

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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Zendesk API settings of one alert source, for writing alert changes back to tickets: the account's
 * address, the API user's email address and API token, the write-back table, optionally the API user's id
 * (to recognise its own changes in event webhooks) and the timeouts. Webhooks need none of this: a source
 * without settings receives as before. Immutable; checked when built, every problem at once; {@code
 * toString()} never shows the token.
 *
 * <pre>{@code
 * ZendeskSettings settings = ZendeskSettings.builder()
 *     .apiUrl("https://acme.zendesk.com").email("alertbridge@acme.com").apiToken(Secret.of(token))
 *     .build();
 * AlertSource source = AlertSource.builder("zendesk", "zendesk").settings(settings).build();
 * }</pre>
 */
public final class ZendeskSettings implements IntegrationSettings {
  /** The ticket statuses the Zendesk API sets, in its spelling. */
  public static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");

  /** The table used unless the settings give one: accepted is "open", resolved is "solved". */
  public static final WriteBackTable DEFAULT_WRITE_BACK = WriteBackTable.of(Map.of(AlertState.ACCEPTED, "open",
      AlertState.RESOLVED, "solved"));

  static final Set<String> MEMBERS = Set.of("apiUrl", "email", "apiToken", "apiUserId", "writeBack",
      "connectTimeout", "requestTimeout");
  private static final int MAX_USER_ID_DIGITS = 20;

  private final URI apiUrl;
  private final String email;
  private final Secret apiToken;
  private final Optional<String> apiUserId;
  private final WriteBackTable writeBack;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  private ZendeskSettings(Builder b) {
    this.apiUrl = b.apiUrl;
    this.email = b.email;
    this.apiToken = b.apiToken;
    this.apiUserId = Optional.ofNullable(b.apiUserId);
    this.writeBack = b.writeBack;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
  }

  /** @return a builder; {@code apiUrl}, {@code email} and {@code apiToken} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from JSON: string members {@code apiUrl}, {@code email}, {@code apiToken}
   * (required), {@code apiUserId} (digits), ISO-8601 durations {@code connectTimeout} and {@code
   * requestTimeout}, and the object {@code writeBack} ({@code {"ACCEPTED": "open", "RESOLVED": "solved"}}).
   *
   * @param json the settings object
   * @return the settings
   * @throws ConfigurationException listing every problem with its JSON pointer, never the token
   */
  public static ZendeskSettings fromJson(JsonObject json) {
    Objects.requireNonNull(json, "json");
    List<String> problems = new ArrayList<>();
    Builder builder = new Builder();
    for (String member : json.values().keySet()) {
      String at = json.pointerOf(member);
      Object value = json.get(member);
      if (!MEMBERS.contains(member)) {
        problems.add("unknown member at " + at + "; the zendesk settings are " + new TreeSet<>(MEMBERS));
      } else if (member.equals("writeBack")) {
        if (value instanceof Map) {
          builder.writeBack = table(json.optionalObject(member).orElseThrow(), problems);
        } else {
          problems.add("expected an object from ACCEPTED and RESOLVED to Zendesk statuses at " + at + ", got "
              + JsonObject.typeName(value));
        }
      } else if (!(value instanceof String text)) {
        problems.add("expected a string at " + at + ", got " + JsonObject.typeName(value));
      } else {
        switch (member) {
          case "apiUrl" -> builder.apiUrl = url(text, at, problems);
          case "email" -> builder.email = email(text, at, problems);
          case "apiToken" -> builder.apiToken = SettingChecks.nonBlank(text, at, problems) ? Secret.of(text.strip()) : null;
          case "apiUserId" -> builder.apiUserId = userId(text, at, problems);
          case "connectTimeout" -> builder.connectTimeout = SettingChecks.duration(text, at, problems);
          default -> builder.requestTimeout = SettingChecks.duration(text, at, problems);
        }
      }
    }
    for (String name : List.of("apiUrl", "email", "apiToken")) {
      if (!json.has(name)) {
        problems.add("the " + name + " is missing at " + json.pointerOf(name));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("zendesk settings", problems);
    }
    return builder.build();
  }

  /** @return the account's address, ending in {@code /}; requests go to {@code <apiUrl>/api/v2/...} */
  public URI apiUrl() {
    return apiUrl;
  }

  /** @return the API user's email address */
  public String email() {
    return email;
  }

  /** @return the API user's API token */
  public Secret apiToken() {
    return apiToken;
  }

  /** @return the API user's id, to recognise its own changes in event webhooks ({@code detail.actor_id}) */
  public Optional<String> apiUserId() {
    return apiUserId;
  }

  /** @return the statuses written for accepted and resolved alerts; {@link #DEFAULT_WRITE_BACK} unless set */
  public WriteBackTable writeBack() {
    return writeBack;
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
    return o instanceof ZendeskSettings other && apiUrl.equals(other.apiUrl) && email.equals(other.email)
        && apiToken.equals(other.apiToken) && apiUserId.equals(other.apiUserId) && writeBack.equals(other.writeBack)
        && connectTimeout.equals(other.connectTimeout) && requestTimeout.equals(other.requestTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiUrl, email, apiToken, apiUserId, writeBack, connectTimeout, requestTimeout);
  }

  @Override
  public String toString() {
    return "ZendeskSettings[apiUrl=" + apiUrl + ", email=" + email + ", apiUserId=" + apiUserId.orElse("(none)")
        + ", writeBack=" + writeBack.statuses() + ", connectTimeout=" + connectTimeout + ", requestTimeout="
        + requestTimeout + "]";
  }

  private static URI url(String text, String at, List<String> problems) {
    return SettingChecks.url(text, "https://acme.zendesk.com", at, problems);
  }

  private static String email(String text, String at, List<String> problems) {
    String value = text.strip();
    int sign = value.indexOf('@');
    if (sign <= 0 || sign == value.length() - 1 || value.chars().anyMatch(c -> c <= ' ' || c == ':' || c == '/')) {
      problems.add("expected the API user's email address, such as alertbridge@acme.com, at " + at);
      return null;
    }
    return value;
  }

  private static String userId(String text, String at, List<String> problems) {
    String value = text.strip();
    if (value.isEmpty() || value.length() > MAX_USER_ID_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      problems.add("expected the API user's id, digits such as 8447388090494, at " + at);
      return null;
    }
    return value;
  }

  /** The table from JSON, its statuses checked against {@link #STATUSES} and written in lower case. */
  private static WriteBackTable table(JsonObject json, List<String> problems) {
    WriteBackTable table;
    try {
      table = WriteBackTable.fromJson(json);
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
    return checked(table, state -> json.pointerOf(state.name()), problems);
  }

  private static WriteBackTable checked(WriteBackTable table, java.util.function.Function<AlertState, String> where,
      List<String> problems) {
    EnumMap<AlertState, String> statuses = new EnumMap<>(AlertState.class);
    int before = problems.size();
    table.statuses().forEach((state, name) -> {
      String status = name.strip().toLowerCase(Locale.ROOT);
      if (STATUSES.contains(status)) {
        statuses.put(state, status);
      } else {
        problems.add("unknown Zendesk status " + JsonObject.quote(JsonObject.cut(name, 40)) + " at "
            + where.apply(state) + "; expected one of new, open, pending, hold, solved, closed");
      }
    });
    return problems.size() == before ? WriteBackTable.of(statuses) : null;
  }

  /** Builds {@link ZendeskSettings}. */
  public static final class Builder {
    private URI apiUrl;
    private String email;
    private Secret apiToken;
    private String apiUserId;
    private WriteBackTable writeBack = DEFAULT_WRITE_BACK;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * @param apiUrl the account's address, such as {@code https://acme.zendesk.com} (required)
     * @return this builder
     */
    public Builder apiUrl(String apiUrl) {
      this.apiUrl = url(Objects.requireNonNull(apiUrl, "apiUrl"), "apiUrl", problems);
      return this;
    }

    /**
     * @param email the API user's email address (required)
     * @return this builder
     */
    public Builder email(String email) {
      this.email = ZendeskSettings.email(Objects.requireNonNull(email, "email"), "email", problems);
      return this;
    }

    /**
     * @param apiToken the API user's API token (required)
     * @return this builder
     */
    public Builder apiToken(Secret apiToken) {
      this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
      return this;
    }

    /**
     * @param apiUserId the API user's id, digits
     * @return this builder
     */
    public Builder apiUserId(String apiUserId) {
      this.apiUserId = userId(Objects.requireNonNull(apiUserId, "apiUserId"), "apiUserId", problems);
      return this;
    }

    /**
     * @param writeBack the statuses to write, Zendesk's (open, solved, ...)
     * @return this builder
     */
    public Builder writeBack(WriteBackTable writeBack) {
      this.writeBack = checked(Objects.requireNonNull(writeBack, "writeBack"), state -> "writeBack " + state,
          problems);
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
     * @param requestTimeout how long one whole exchange may take, default 10 s
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = SettingChecks.positive(requestTimeout, "requestTimeout", problems);
      return this;
    }

    /**
     * @return the settings
     * @throws ConfigurationException listing every problem, never the token
     */
    public ZendeskSettings build() {
      List<String> all = new ArrayList<>(problems);
      if (apiUrl == null && problems.stream().noneMatch(p -> p.endsWith(" apiUrl"))) {
        all.add("the apiUrl is missing");
      }
      if (email == null && problems.stream().noneMatch(p -> p.endsWith(" email"))) {
        all.add("the email is missing");
      }
      if (apiToken == null) {
        all.add("the apiToken is missing");
      }
      if (!all.isEmpty()) {
        throw new ConfigurationException("zendesk settings", all);
      }
      return new ZendeskSettings(this);
    }
  }
}
