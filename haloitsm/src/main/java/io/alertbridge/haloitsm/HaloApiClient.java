package io.alertbridge.haloitsm;

import io.alertbridge.core.Limits;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.haloitsm.HaloApiException.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Halo API for one set of {@link HaloSettings}: a client-credentials token (kept until shortly before
 * it expires, and fetched again once when the API answers 401), {@code GET /api/Tickets/{id}}, the
 * tenant's statuses ({@code GET /api/Status}, kept for {@code statusRefresh}) and, on the way back, {@code
 * POST /api/Actions}. Thread-safe. Fetches for deliveries fail with {@link HaloApiException}, the way back
 * with {@link ApiException}; every message names the request by address without query, never a credential
 * or token.
 *
 * <p>Every exchange goes through {@link ApiClient}: bounded as a whole by the request timeout, connecting
 * and the whole body included, and to at most {@link Limits#maxApiAnswerBytes()} bytes; answers are parsed
 * with the processor's {@link Limits}.
 */
final class HaloApiClient {
  /** How long before its stated expiry a token is no longer used. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
  /** The lifetime assumed when the token answer states none. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  /** The most statuses kept; a tenant has a few dozen. */
  private static final int MAX_STATUSES = 10_000;

  private final HaloSettings settings;
  private final ApiClient api;
  private final Object tokenLock = new Object();
  private String token;
  private Instant tokenExpiresAt;
  private final Object statusLock = new Object();
  private Map<Long, String> statuses;
  private Instant statusesFetchedAt;
  private final Set<Long> missingAfterFetch = new HashSet<>();

  HaloApiClient(HaloSettings settings) {
    this.settings = settings;
    this.api = new ApiClient("Halo", settings.connectTimeout(), settings.requestTimeout());
  }

  /**
   * @param id the ticket id, digits only
   * @return the ticket object, or empty when the API does not know it (404)
   */
  Optional<JsonObject> ticket(String id, Clock clock, Limits limits) {
    URI uri = settings.apiUrl().resolve("api/Tickets/" + id);
    Optional<Object> answer = authorized(uri, true, clock, limits);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    if (!(answer.get() instanceof Map)) {
      throw unreadable("GET", uri, "it is " + JsonObject.typeName(answer.get()) + ", not a ticket object");
    }
    return Optional.of(JsonObject.root(answer.get()));
  }

  /**
   * The name of a status, from the tenant's statuses: fetched when missing or older than {@code
   * statusRefresh}, and fetched again once when the id is not in them.
   *
   * @param id a status id
   * @return its name, if the tenant has it
   */
  Optional<String> statusName(long id, Clock clock, Limits limits) {
    synchronized (statusLock) {
      Instant now = clock.instant();
      if (statuses == null || !now.isBefore(statusesFetchedAt.plus(settings.statusRefresh()))
          || !statuses.containsKey(id) && !missingAfterFetch.contains(id)) {
        fetchStatuses(now, clock, limits);
      }
      String name = statuses.get(id);
      if (name == null && missingAfterFetch.size() < MAX_STATUSES) {
        missingAfterFetch.add(id);
      }
      return Optional.ofNullable(name);
    }
  }

  /**
   * The id of a status by its name (ignoring case and spaces), from the tenant's statuses: fetched when
   * missing or older than {@code statusRefresh}, and fetched again once when no status has the name.
   *
   * @param name a status name, e.g. {@code In Progress}
   * @return the lowest id of a status with that name, if the tenant has one
   * @throws HaloApiException when the statuses cannot be fetched
   */
  Optional<Long> statusId(String name, Clock clock, Limits limits) {
    synchronized (statusLock) {
      Instant now = clock.instant();
      boolean fetched = statuses == null || !now.isBefore(statusesFetchedAt.plus(settings.statusRefresh()));
      if (fetched) {
        fetchStatuses(now, clock, limits);
      }
      Optional<Long> id = idOf(name);
      if (id.isEmpty() && !fetched) {
        fetchStatuses(now, clock, limits);
        id = idOf(name);
      }
      return id;
    }
  }

  /** @return the tenant's statuses by id, as last fetched; empty before the first fetch */
  Map<Long, String> knownStatuses() {
    synchronized (statusLock) {
      return statuses == null ? Map.of() : statuses;
    }
  }

  private Optional<Long> idOf(String name) {
    return new TreeMap<>(statuses).entrySet().stream()
        .filter(status -> StatusMappingTable.sameLabel(status.getValue(), name))
        .map(Map.Entry::getKey).findFirst();
  }

  private void fetchStatuses(Instant now, Clock clock, Limits limits) {
    URI uri = settings.apiUrl().resolve("api/Status");
    Object answer = authorized(uri, false, clock, limits).orElseThrow();
    if (answer instanceof Map<?, ?> && JsonObject.root(answer).has("statuses")) {
      answer = JsonObject.root(answer).get("statuses");
    }
    if (!(answer instanceof List<?> list)) {
      throw unreadable("GET", uri, "it is " + JsonObject.typeName(answer) + ", not an array of statuses");
    }
    Map<Long, String> byId = new HashMap<>();
    for (Object element : list) {
      if (element instanceof Map<?, ?> && byId.size() < MAX_STATUSES) {
        Fields status = Fields.of(JsonObject.root(element).values(), "");
        Optional<Long> id = Fields.numericId(status.get("id"));
        Optional<String> name = status.text("name").or(() -> status.text("shortname"));
        if (id.isPresent() && name.isPresent()) {
          byId.put(id.get(), name.get());
        }
      }
    }
    statuses = Map.copyOf(byId);
    statusesFetchedAt = now;
    missingAfterFetch.clear();
  }

  /**
   * Adds actions to tickets: {@code POST /api/Actions} with the bearer token; a 401 fetches a fresh token
   * and tries once more.
   *
   * @param actions the actions, each an object such as {@code {"ticket_id": 4242, "note": "..."}}
   * @throws ApiException when Halo did not take them; retryable for timeouts, 5xx, 429 and unreadable
   *     answers, not for refused credentials or a refused request
   */
  void addActions(List<Map<String, Object>> actions, Clock clock, Limits limits) {
    URI uri = settings.apiUrl().resolve("api/Actions");
    String body = Json.write(actions);
    try {
      String used = token(clock, limits, null);
      ApiClient.Answer answer = api.send(post(uri, used, body), limits);
      if (answer.status() == 401) {
        answer = api.send(post(uri, token(clock, limits, used), body), limits);
        if (answer.status() == 401 || answer.status() == 403) {
          throw new ApiException(ApiException.Reason.REFUSED, "the Halo API refused a fresh token (HTTP "
              + answer.status() + ") for " + describe("POST", uri) + "; check the application's permissions and"
              + " scope", answer.status(), null, null);
        }
      }
      if (answer.requireSuccess().body().length > 0) {
        answer.json(limits);
      }
    } catch (HaloApiException e) {
      throw outbound(e);
    }
  }

  /** A GET with the bearer token; a 401 fetches a fresh token and tries once more. */
  private Optional<Object> authorized(URI uri, boolean notFoundIsEmpty, Clock clock, Limits limits) {
    String used = token(clock, limits, null);
    ApiClient.Answer answer = exchange(get(uri, used), limits);
    if (answer.status() == 401) {
      answer = exchange(get(uri, token(clock, limits, used)), limits);
      if (answer.status() == 401 || answer.status() == 403) {
        throw new HaloApiException(Reason.REFUSED, "the Halo API refused a fresh token (HTTP " + answer.status()
            + ") for " + describe("GET", uri) + "; check the application's permissions and scope", answer.status(),
            null);
      }
    }
    if (answer.status() == 404 && notFoundIsEmpty) {
      return Optional.empty();
    }
    return Optional.of(body(answer, "GET", uri, limits));
  }

  private HttpRequest get(URI uri, String bearer) {
    return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
        .header("Accept", "application/json").header("Authorization", "Bearer " + bearer).GET().build();
  }

  private HttpRequest post(URI uri, String bearer, String json) {
    return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
        .header("Accept", "application/json").header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", "Bearer " + bearer)
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
  }

  /**
   * @param stale the token the API just refused, or null
   * @return a token that is not {@code stale} and not about to expire
   */
  private String token(Clock clock, Limits limits, String stale) {
    synchronized (tokenLock) {
      Instant now = clock.instant();
      if (token != null && !token.equals(stale) && now.isBefore(tokenExpiresAt)) {
        return token;
      }
      URI uri = settings.authUrl().resolve("token" + settings.tenant()
          .map(t -> "?tenant=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse(""));
      StringBuilder form = new StringBuilder("grant_type=client_credentials")
          .append("&client_id=").append(encode(settings.clientId().reveal()))
          .append("&client_secret=").append(encode(settings.clientSecret().reveal()))
          .append("&scope=").append(encode(settings.scope()));
      settings.tenant().ifPresent(t -> form.append("&tenant=").append(encode(t)));
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
          .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
      ApiClient.Answer answer = exchange(request, limits);
      if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
        throw new HaloApiException(Reason.REFUSED, "the Halo authorisation server refused the client credentials"
            + " (HTTP " + answer.status() + ") at " + describe("POST", uri)
            + "; check the alert source's clientId, clientSecret, tenant and scope", answer.status(), null);
      }
      Object body = body(answer, "POST", uri, limits);
      if (!(body instanceof Map)) {
        throw unreadable("POST", uri, "it is " + JsonObject.typeName(body) + ", not a token object");
      }
      JsonObject json = JsonObject.root(body);
      String accessToken = json.get("access_token") instanceof String text && !text.isBlank() ? text.strip() : null;
      if (accessToken == null) {
        throw unreadable("POST", uri, "it has no access_token");
      }
      Optional<Long> seconds = Fields.numericId(json.get("expires_in")).filter(s -> s > 0);
      Duration lifetime = seconds.map(Duration::ofSeconds).orElse(DEFAULT_LIFETIME);
      Duration margin = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? EXPIRY_MARGIN : lifetime.dividedBy(2);
      token = accessToken;
      tokenExpiresAt = now.plus(lifetime).minus(margin);
      return token;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** @return the parsed 2xx body, never null; the other statuses as {@link HaloApiException} */
  private static Object body(ApiClient.Answer answer, String method, URI uri, Limits limits) {
    int status = answer.status();
    if (status == 429) {
      throw new HaloApiException(Reason.RATE_LIMITED, "the Halo API is rate limiting (HTTP 429) "
          + describe(method, uri), status, null);
    }
    if (status >= 500) {
      throw new HaloApiException(Reason.SERVER_ERROR, "the Halo API failed (HTTP " + status + ") on "
          + describe(method, uri), status, null);
    }
    if (status < 200 || status > 299) {
      throw new HaloApiException(Reason.UNEXPECTED_STATUS, "the Halo API answered HTTP " + status + " to "
          + describe(method, uri), status, null);
    }
    try {
      return answer.json(limits);
    } catch (ApiException e) {
      throw new HaloApiException(Reason.UNREADABLE_ANSWER, e.getMessage(), 0, null);
    }
  }

  /** One exchange through {@link ApiClient}; its failures as {@link HaloApiException} of the same kind. */
  private ApiClient.Answer exchange(HttpRequest request, Limits limits) {
    try {
      return api.send(request, limits);
    } catch (ApiException e) {
      Reason reason = switch (e.reason()) {
        case TIMEOUT -> Reason.TIMEOUT;
        case UNREACHABLE -> Reason.UNREACHABLE;
        case SERVER_ERROR -> Reason.SERVER_ERROR;
        case RATE_LIMITED -> Reason.RATE_LIMITED;
        case UNREADABLE_ANSWER -> Reason.UNREADABLE_ANSWER;
        case REFUSED -> Reason.REFUSED;
        case REJECTED -> Reason.UNEXPECTED_STATUS;
      };
      throw new HaloApiException(reason, e.getMessage(), e.apiStatus().orElse(0), e.getCause());
    }
  }

  /**
   * @param e a failure of the token or the statuses, on the way back
   * @return it as the writer reports it: retryable unless the credentials or the request were refused
   */
  static ApiException outbound(HaloApiException e) {
    ApiException.Reason reason = switch (e.reason()) {
      case TIMEOUT -> ApiException.Reason.TIMEOUT;
      case UNREACHABLE -> ApiException.Reason.UNREACHABLE;
      case SERVER_ERROR -> ApiException.Reason.SERVER_ERROR;
      case RATE_LIMITED -> ApiException.Reason.RATE_LIMITED;
      case UNREADABLE_ANSWER -> ApiException.Reason.UNREADABLE_ANSWER;
      case REFUSED -> ApiException.Reason.REFUSED;
      case UNEXPECTED_STATUS -> ApiException.Reason.REJECTED;
    };
    return new ApiException(reason, e.getMessage(), e.apiStatus().orElse(0), null, e);
  }

  private static HaloApiException unreadable(String method, URI uri, String what) {
    return new HaloApiException(Reason.UNREADABLE_ANSWER, "Halo gave an unreadable answer to "
        + describe(method, uri) + ": " + what, 0, null);
  }

  /** @return the request, without the query (the token request's query names the tenant) */
  static String describe(String method, URI uri) {
    return ApiClient.describe(method, uri);
  }

  @Override
  public String toString() {
    return "HaloApiClient[" + settings + "]";
  }
}
