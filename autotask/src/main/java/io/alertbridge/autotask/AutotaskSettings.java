package io.alertbridge.autotask;

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
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Autotask REST API settings of one alert source: the API user, where the API is, the timeouts,
 * and how alert changes are written back to tickets (the {@link #writeBack() write-back table}, the
 * note's type, visibility and title, and the API user's resource id that marks its own changes).
 * Immutable; checked when built, every problem at once. Equal settings share one API client. {@code
 * toString()} shows addresses, timeouts and the write-back choices only, never the API user or its
 * secrets.
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

  /** The statuses written back unless {@link Builder#writeBack} says otherwise: In Progress, then Complete. */
  public static final WriteBackTable DEFAULT_WRITE_BACK = WriteBackTable.of(Map.of(
      AlertState.ACCEPTED, "In Progress", AlertState.RESOLVED, "Complete"));

  /**
   * The ticket note's type unless {@link Builder#noteType} says otherwise: a value of the TicketNotes
   * {@code noteType} picklist.
   */
  public static final int DEFAULT_NOTE_TYPE = 1;

  /**
   * The ticket note's visibility unless {@link Builder#notePublish} says otherwise: the TicketNotes {@code
   * publish} picklist's "Internal Only", so that the customer never sees the note.
   */
  public static final int DEFAULT_NOTE_PUBLISH = 2;

  /** The ticket note's title unless {@link Builder#noteTitle} says otherwise. */
  public static final String DEFAULT_NOTE_TITLE = "AlertBridge";

  /** The longest note title accepted. */
  private static final int MAX_NOTE_TITLE_CHARS = 250;

  static final Set<String> MEMBERS = Set.of("username", "secret", "integrationCode", "apiUrl", "zoneUrl", "webUrl",
      "connectTimeout", "requestTimeout", "picklistRefresh", "writeBack", "apiResourceId", "noteType", "notePublish",
      "noteTitle");
  private static final Set<String> INTEGER_MEMBERS = Set.of("apiResourceId", "noteType", "notePublish");

  private final Secret username;
  private final Secret secret;
  private final Secret integrationCode;
  private final URI apiUrl;
  private final Optional<URI> zoneUrl;
  private final Optional<URI> webUrl;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration picklistRefresh;
  private final WriteBackTable writeBack;
  private final OptionalLong apiResourceId;
  private final int noteType;
  private final int notePublish;
  private final String noteTitle;

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
    this.writeBack = b.writeBack;
    this.apiResourceId = b.apiResourceId == null ? OptionalLong.empty() : OptionalLong.of(b.apiResourceId);
    this.noteType = b.noteType;
    this.notePublish = b.notePublish;
    this.noteTitle = b.noteTitle;
  }

  /** @return a builder; {@code username}, {@code secret} and {@code integrationCode} are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the settings from JSON: string members {@code username}, {@code secret}, {@code
   * integrationCode} (required), {@code apiUrl}, {@code zoneUrl}, {@code webUrl}, {@code noteTitle}; ISO-8601
   * durations {@code connectTimeout}, {@code requestTimeout}, {@code picklistRefresh}; positive integers (a
   * number or a string of digits) {@code apiResourceId}, {@code noteType}, {@code notePublish}; and {@code
   * writeBack}, an object from {@code ACCEPTED} and {@code RESOLVED} to ticket status labels ({@link
   * WriteBackTable#fromJson}).
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
      String at = json.pointerOf(member);
      if (member.equals("writeBack")) {
        builder.writeBack = writeBack(json, problems);
        continue;
      }
      if (INTEGER_MEMBERS.contains(member)) {
        Long number = positiveInteger(value, at, problems);
        if (number != null) {
          switch (member) {
            case "apiResourceId" -> builder.apiResourceId = number;
            case "noteType" -> builder.noteType = picklistValue(number, at, problems);
            default -> builder.notePublish = picklistValue(number, at, problems);
          }
        }
        continue;
      }
      if (!(value instanceof String text)) {
        problems.add("expected a string at " + at + ", got " + JsonObject.typeName(value));
        continue;
      }
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
        case "noteTitle" -> builder.noteTitle = noteTitle(text, at, problems);
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

  /** @return the ticket status label written per alert state; {@link #DEFAULT_WRITE_BACK} unless set */
  public WriteBackTable writeBack() {
    return writeBack;
  }

  /**
   * @return the API user's resource id, when known: a ticket whose last activity was this resource's is the
   *     echo of a write-back
   */
  public OptionalLong apiResourceId() {
    return apiResourceId;
  }

  /** @return the ticket note's {@code noteType} picklist value */
  public int noteType() {
    return noteType;
  }

  /** @return the ticket note's {@code publish} picklist value: who may see it */
  public int notePublish() {
    return notePublish;
  }

  /** @return the ticket note's title */
  public String noteTitle() {
    return noteTitle;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutotaskSettings other && username.equals(other.username) && secret.equals(other.secret)
        && integrationCode.equals(other.integrationCode) && apiUrl.equals(other.apiUrl)
        && zoneUrl.equals(other.zoneUrl) && webUrl.equals(other.webUrl)
        && connectTimeout.equals(other.connectTimeout) && requestTimeout.equals(other.requestTimeout)
        && picklistRefresh.equals(other.picklistRefresh) && writeBack.equals(other.writeBack)
        && apiResourceId.equals(other.apiResourceId) && noteType == other.noteType
        && notePublish == other.notePublish && noteTitle.equals(other.noteTitle);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, secret, integrationCode, apiUrl, zoneUrl, webUrl, connectTimeout, requestTimeout,
        picklistRefresh, writeBack, apiResourceId, noteType, notePublish, noteTitle);
  }

  @Override
  public String toString() {
    return "AutotaskSettings[apiUrl=" + apiUrl + ", zoneUrl=" + zoneUrl.map(URI::toString).orElse("(lookup)")
        + ", webUrl=" + webUrl.map(URI::toString).orElse("(lookup)") + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", picklistRefresh=" + picklistRefresh + ", writeBack="
        + writeBack.statuses() + ", apiResourceId=" + (apiResourceId.isPresent() ? apiResourceId.getAsLong() : "(none)")
        + ", noteType=" + noteType + ", notePublish=" + notePublish + "]";
  }

  private static URI url(String text, String at, List<String> problems) {
    return SettingChecks.url(text, "https://webservices14.autotask.net/atservicesrest/", at, problems);
  }

  /** @return the member's write-back table, or null (with its problems added) when it has any */
  private static WriteBackTable writeBack(JsonObject json, List<String> problems) {
    Object value = json.get("writeBack");
    if (!(value instanceof Map<?, ?>)) {
      problems.add("expected an object from ACCEPTED and RESOLVED to ticket status labels at "
          + json.pointerOf("writeBack") + ", got " + JsonObject.typeName(value));
      return null;
    }
    try {
      return WriteBackTable.fromJson(json.optionalObject("writeBack").orElseThrow());
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  /** @return the value as a positive integer, or null (with a problem added) when it is not one */
  private static Long positiveInteger(Object value, String at, List<String> problems) {
    Long number = value instanceof String || value instanceof Number ? Picklists.integer(value) : null;
    if (number == null || number <= 0) {
      problems.add("expected a positive integer at " + at + ", got " + (value instanceof String text
          ? JsonObject.quote(text) : JsonObject.typeName(value)));
      return null;
    }
    return number;
  }

  private static int picklistValue(long value, String at, List<String> problems) {
    if (value > Integer.MAX_VALUE) {
      problems.add("expected a picklist value up to " + Integer.MAX_VALUE + " at " + at + ", got " + value);
      return 1;
    }
    return (int) value;
  }

  private static String noteTitle(String text, String at, List<String> problems) {
    if (text.isBlank()) {
      problems.add("the note title at " + at + " is blank");
      return DEFAULT_NOTE_TITLE;
    }
    if (text.strip().length() > MAX_NOTE_TITLE_CHARS) {
      problems.add("the note title at " + at + " is " + text.strip().length() + " characters long; the limit is "
          + MAX_NOTE_TITLE_CHARS);
      return DEFAULT_NOTE_TITLE;
    }
    return text.strip();
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
    private WriteBackTable writeBack = DEFAULT_WRITE_BACK;
    private Long apiResourceId;
    private int noteType = DEFAULT_NOTE_TYPE;
    private int notePublish = DEFAULT_NOTE_PUBLISH;
    private String noteTitle = DEFAULT_NOTE_TITLE;
    private final List<String> problems = new ArrayList<>();
    private boolean blankUsername;

    private Builder() {}

    /**
     * @param username the API user's name (required)
     * @return this builder
     */
    public Builder username(String username) {
      blankUsername = Objects.requireNonNull(username, "username").isBlank();
      this.username = blankUsername ? null : Secret.of(username.strip());
      return this;
    }

    /**
     * @param secret the API user's secret (required)
     * @return this builder
     */
    public Builder secret(Secret secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * @param integrationCode the API tracking identifier (required)
     * @return this builder
     */
    public Builder integrationCode(Secret integrationCode) {
      this.integrationCode = Objects.requireNonNull(integrationCode, "integrationCode");
      return this;
    }

    /**
     * @param apiUrl where the zone lookup is, default {@link #DEFAULT_API_URL}
     * @return this builder
     */
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

    /**
     * @param webUrl the start of ticket links, such as {@code https://ww14.autotask.net/}
     * @return this builder
     */
    public Builder webUrl(String webUrl) {
      this.webUrl = url(Objects.requireNonNull(webUrl, "webUrl"), "webUrl", problems);
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
     * @param picklistRefresh how long picklists are kept, default 1 h
     * @return this builder
     */
    public Builder picklistRefresh(Duration picklistRefresh) {
      this.picklistRefresh = positive(picklistRefresh, "picklistRefresh");
      return this;
    }

    /**
     * @param writeBack the ticket status label to write per alert state, default {@link
     *     AutotaskSettings#DEFAULT_WRITE_BACK}; {@link WriteBackTable#notesOnly()} writes notes only
     * @return this builder
     */
    public Builder writeBack(WriteBackTable writeBack) {
      this.writeBack = Objects.requireNonNull(writeBack, "writeBack");
      return this;
    }

    /**
     * @param apiResourceId the API user's resource id (Admin, Resources/Users): a ticket whose {@code
     *     lastActivityResourceID} it is was last changed by AlertBridge, an echo; unset by default
     * @return this builder
     */
    public Builder apiResourceId(long apiResourceId) {
      if (apiResourceId <= 0) {
        problems.add("apiResourceId must be positive, got " + apiResourceId);
      } else {
        this.apiResourceId = apiResourceId;
      }
      return this;
    }

    /**
     * @param noteType the note's {@code noteType} picklist value, default {@value
     *     AutotaskSettings#DEFAULT_NOTE_TYPE}
     * @return this builder
     */
    public Builder noteType(int noteType) {
      this.noteType = positive(noteType, "noteType");
      return this;
    }

    /**
     * @param notePublish the note's {@code publish} picklist value, default {@value
     *     AutotaskSettings#DEFAULT_NOTE_PUBLISH} (Internal Only)
     * @return this builder
     */
    public Builder notePublish(int notePublish) {
      this.notePublish = positive(notePublish, "notePublish");
      return this;
    }

    /**
     * @param noteTitle the note's title, default {@value AutotaskSettings#DEFAULT_NOTE_TITLE}
     * @return this builder
     */
    public Builder noteTitle(String noteTitle) {
      this.noteTitle = AutotaskSettings.noteTitle(Objects.requireNonNull(noteTitle, "noteTitle"), "noteTitle",
          problems);
      return this;
    }

    private int positive(int value, String name) {
      if (value <= 0) {
        problems.add(name + " must be positive, got " + value);
        return 1;
      }
      return value;
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
