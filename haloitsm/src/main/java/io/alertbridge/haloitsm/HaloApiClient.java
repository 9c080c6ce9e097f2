package io.alertbridge.haloitsm;

import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.BoundedBody;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.haloitsm.HaloApiException.Reason;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Halo API for one set of {@link HaloSettings}: a client-credentials token (kept until shortly before
 * it expires, and fetched again once when the API answers 401), {@code GET /api/Tickets/{id}} and the
 * tenant's statuses ({@code GET /api/Status}, kept for {@code statusRefresh}). Thread-safe. Every failure
 * is a {@link HaloApiException} naming the request by address without query, never a credential or token.
 *
 * <p>Every exchange is bounded as a whole by the request timeout, connecting and the whole body included,
 * and reads at most {@link Limits#maxApiAnswerBytes()} bytes; answers are parsed with the processor's
 * {@link Limits}.
 */
final class HaloApiClient {
  /** How long before its stated expiry a token is no longer used. */
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
  /** The lifetime assumed when the token answer states none. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
  /** The most statuses kept; a tenant has a few dozen. */
  private static final int MAX_STATUSES = 10_000;

  private final HaloSettings settings;
  private final HttpClient http;
  private final Object tokenLock = new Object();
  private String token;
  private Instant tokenExpiresAt;
  private final Object statusLock = new Object();
  private Map<Long, String> statuses;
  private Instant statusesFetchedAt;
  private final Set<Long> missingAfterFetch = new HashSet<>();

  HaloApiClient(HaloSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
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

  /** A GET with the bearer token; a 401 fetches a fresh token and tries once more. */
  private Optional<Object> authorized(URI uri, boolean notFoundIsEmpty, Clock clock, Limits limits) {
    String used = token(clock, limits, null);
    Answer answer = exchange(get(uri, used), "GET", uri, limits);
    if (answer.status() == 401) {
      answer = exchange(get(uri, token(clock, limits, used)), "GET", uri, limits);
      if (answer.status() == 401 || answer.status() == 403) {
        throw new HaloApiException(Reason.REFUSED, "the Halo API refused a fresh token (HTTP " + answer.status()
            + ") for " + describe("GET", uri) + "; check the application's permissions and scope", answer.status(),
            null);
      }
    }
    if (answer.status() == 404 && notFoundIsEmpty) {
      return Optional.empty();
    }
    return Optional.of(answer.body("GET", uri));
  }

  private HttpRequest get(URI uri, String bearer) {
    return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
        .header("Accept", "application/json").header("Authorization", "Bearer " + bearer).GET().build();
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
      Answer answer = exchange(request, "POST", uri, limits);
      if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
        throw new HaloApiException(Reason.REFUSED, "the Halo authorisation server refused the client credentials"
            + " (HTTP " + answer.status() + ") at " + describe("POST", uri)
            + "; check the alert source's clientId, clientSecret, tenant and scope", answer.status(), null);
      }
      Object body = answer.body("POST", uri);
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

  /** A status and, for 2xx, the bytes of the body. */
  private record Answer(int status, byte[] bytes, Limits limits) {
    /** @return the parsed 2xx body, never null */
    Object body(String method, URI uri) {
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
      Object parsed;
      try {
        parsed = Json.parse(bytes, limits);
      } catch (MalformedDeliveryException e) {
        throw unreadable(method, uri, e.describe("it"));
      }
      if (parsed == null) {
        throw unreadable(method, uri, "it is null");
      }
      return parsed;
    }
  }

  /** One exchange, bounded as a whole in time (the request timeout, the body included) and in bytes. */
  private Answer exchange(HttpRequest request, String method, URI uri, Limits limits) {
    BoundedBody body = new BoundedBody(limits.maxApiAnswerBytes());
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, body);
    try {
      HttpResponse<byte[]> response = exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
      return new Answer(response.statusCode(), response.body(), limits);
    } catch (TimeoutException e) {
      body.abort();
      exchange.cancel(true);
      throw timeout(method, uri, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof BoundedBody.TooLarge tooLarge) {
        throw unreadable(method, uri, "it is larger than " + limits.maxApiAnswerBytes()
            + " bytes (Limits.maxApiAnswerBytes): " + tooLarge.getMessage());
      }
      if (cause instanceof HttpConnectTimeoutException) {
        throw new HaloApiException(Reason.TIMEOUT, "could not connect to Halo for " + describe(method, uri)
            + " within " + settings.connectTimeout(), 0, cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timeout(method, uri, cause);
      }
      throw new HaloApiException(Reason.UNREACHABLE, (cause instanceof ConnectException ? "could not connect to Halo for "
          : "the Halo request failed: ") + describe(method, uri) + " (" + cause.getClass().getSimpleName() + ")", 0,
          cause);
    } catch (InterruptedException e) {
      body.abort();
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new HaloApiException(Reason.UNREACHABLE, "interrupted while waiting for " + describe(method, uri), 0, e);
    }
  }

  private HaloApiException timeout(String method, URI uri, Throwable cause) {
    return new HaloApiException(Reason.TIMEOUT, "Halo did not answer " + describe(method, uri) + " within "
        + settings.requestTimeout() + " (requestTimeout, for the whole answer)", 0, cause);
  }

  private static HaloApiException unreadable(String method, URI uri, String what) {
    return new HaloApiException(Reason.UNREADABLE_ANSWER, "Halo gave an unreadable answer to "
        + describe(method, uri) + ": " + what, 0, null);
  }

  /** @return the request, without the query (the token request's query names the tenant) */
  static String describe(String method, URI uri) {
    return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  @Override
  public String toString() {
    return "HaloApiClient[" + settings + "]";
  }
}
