package io.alertbridge.autotask;

import io.alertbridge.autotask.AutotaskApiException.Reason;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.BoundedBody;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Autotask REST API for one set of {@link AutotaskSettings}: finds the zone (once), gets tickets, and
 * keeps the ticket-field picklists. Thread-safe. Every failure is an {@link AutotaskApiException}
 * whose message names the request by address without query, never a credential.
 *
 * <p>Every exchange is bounded as a whole: it ends within the request timeout, connecting and the whole
 * body included (an API that sends its headers and then stalls, or trickles its body, is a
 * {@link Reason#TIMEOUT}), and reads at most {@link Limits#maxApiAnswerBytes()} bytes of an answer (more
 * is an {@link Reason#UNREADABLE_ANSWER}). An answer is read with the processor's {@link Limits}: one
 * that is not JSON, holds a number beyond them, nests too deep, is {@code null} or is not of the
 * documented shape is an {@link Reason#UNREADABLE_ANSWER} too.
 */
final class AutotaskApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(AutotaskApiClient.class);

  private final AutotaskSettings settings;
  private final HttpClient http;
  private volatile Zone zone;
  private final Object picklistLock = new Object();
  private Picklists picklists;
  private Instant picklistsFetchedAt;
  private final Set<Long> statusesMissingAfterFetch = new HashSet<>();

  /** The zone's API address (ending in {@code /}) and web address for links, if known. */
  record Zone(URI api, Optional<String> web) {}

  AutotaskApiClient(AutotaskSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * @param id the ticket id
   * @param clock the clock that ages the picklists
   * @param limits the bounds on each answer: its bytes, nesting and numbers
   * @return the ticket, or empty when the API does not know it
   */
  Optional<AutotaskTicket> ticket(long id, Clock clock, Limits limits) {
    Zone current = zone(limits);
    URI uri = current.api().resolve("v1.0/Tickets/" + id);
    Optional<Object> answer = get(uri, true, true, limits);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<JsonObject> item = JsonObject.root(answer.get()).optionalObject("item");
      if (item.isEmpty()) {
        return Optional.empty();
      }
      Picklists lists = picklists(current, clock, TicketReader.status(item.get()), limits);
      return Optional.of(TicketReader.read(id, item.get(), lists, current.web()));
    } catch (InvalidDeliveryException e) {
      throw unreadable(uri, e);
    }
  }

  /** @return the zone: from the settings, or looked up once */
  Zone zone(Limits limits) {
    Zone known = zone;
    if (known != null) {
      return known;
    }
    Optional<String> web = settings.webUrl().map(URI::toString);
    if (settings.zoneUrl().isPresent()) {
      known = new Zone(settings.zoneUrl().get(), web);
    } else {
      URI uri = settings.apiUrl().resolve("atservicesrest/v1.0/zoneInformation?user="
          + URLEncoder.encode(settings.username().reveal(), StandardCharsets.UTF_8));
      try {
        JsonObject answer = JsonObject.root(get(uri, false, false, limits).orElseThrow());
        String url = answer.requiredString("url").strip();
        URI api = URI.create(url.endsWith("/") ? url : url + '/');
        String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (api.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
          throw new AutotaskApiException(Reason.UNREADABLE_ANSWER, "the Autotask API gave an unreadable answer to the"
              + " zone lookup " + describe(uri) + ": its url is not an http(s) address");
        }
        Optional<String> lookedUpWeb = answer.optionalString("webUrl").map(String::strip).filter(w -> !w.isEmpty())
            .map(w -> w.endsWith("/") ? w : w + '/');
        known = new Zone(api, web.isPresent() ? web : lookedUpWeb);
      } catch (InvalidDeliveryException e) {
        throw unreadable(uri, e);
      } catch (IllegalArgumentException e) {
        throw new AutotaskApiException(Reason.UNREADABLE_ANSWER, "the Autotask API gave an unreadable answer to the"
            + " zone lookup " + describe(uri) + ": its url is not an address");
      }
    }
    zone = known;
    return known;
  }

  /**
   * The picklists, fetched when missing or older than the refresh interval, and fetched again once
   * when a status value is not in them.
   */
  private Picklists picklists(Zone current, Clock clock, long status, Limits limits) {
    synchronized (picklistLock) {
      Instant now = clock.instant();
      if (picklists == null || !now.isBefore(picklistsFetchedAt.plus(settings.picklistRefresh()))) {
        fetchPicklists(current, now, limits);
      } else if (picklists.label(Picklists.STATUS, status).isEmpty() && !statusesMissingAfterFetch.contains(status)) {
        LOG.debug("status value {} is not in the cached picklist; fetching the picklists again", status);
        fetchPicklists(current, now, limits);
      }
      if (picklists.label(Picklists.STATUS, status).isEmpty()) {
        statusesMissingAfterFetch.add(status);
      }
      return picklists;
    }
  }

  private void fetchPicklists(Zone current, Instant now, Limits limits) {
    URI uri = current.api().resolve("v1.0/Tickets/entityInformation/fields");
    try {
      picklists = Picklists.read(get(uri, true, false, limits).orElseThrow());
    } catch (InvalidDeliveryException e) {
      throw unreadable(uri, e);
    }
    picklistsFetchedAt = now;
    statusesMissingAfterFetch.clear();
  }

  /**
   * One exchange, bounded as a whole in time (the request timeout, the body included) and in bytes.
   *
   * @return the parsed answer, never null; empty only for a 404 when {@code notFoundIsEmpty}
   */
  private Optional<Object> get(URI uri, boolean authenticated, boolean notFoundIsEmpty, Limits limits) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Accept", "application/json")
        .GET();
    if (authenticated) {
      request.header("UserName", settings.username().reveal())
          .header("Secret", settings.secret().reveal())
          .header("ApiIntegrationCode", settings.integrationCode().reveal())
          .header("Content-Type", "application/json");
    }
    BoundedBody body = new BoundedBody(limits.maxApiAnswerBytes());
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), body);
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      stop(exchange, body);
      throw new AutotaskApiException(Reason.TIMEOUT, "the Autotask API did not answer " + describe(uri)
          + " within " + settings.requestTimeout() + " (requestTimeout, for the whole answer)");
    } catch (ExecutionException e) {
      throw failed(uri, e.getCause() == null ? e : e.getCause(), limits);
    } catch (InterruptedException e) {
      stop(exchange, body);
      Thread.currentThread().interrupt();
      throw new AutotaskApiException(Reason.UNREACHABLE, "interrupted while waiting for " + describe(uri), e);
    }
    int status = response.statusCode();
    if (status == 404 && notFoundIsEmpty) {
      return Optional.empty();
    }
    if (status < 200 || status > 299) {
      throw failure(status, uri);
    }
    Object answer;
    try {
      answer = Json.parse(response.body(), limits);
    } catch (MalformedDeliveryException e) {
      boolean beyondLimits = e.kind() == MalformedDeliveryException.Kind.NUMBER_OUT_OF_RANGE
          || e.kind() == MalformedDeliveryException.Kind.TOO_DEEP;
      throw unreadable(uri, beyondLimits ? "it is beyond the limits: " + e.describe("the answer") : e.describe("it"));
    }
    if (answer == null) {
      throw unreadable(uri, "it is null, not a JSON object");
    }
    return Optional.of(answer);
  }

  /** Ends an exchange whose time is up: the request, and the body if it has started. */
  private static void stop(CompletableFuture<?> exchange, BoundedBody body) {
    body.abort();
    exchange.cancel(true);
  }

  /** @return the failure of an exchange that ended before an answer was read */
  private AutotaskApiException failed(URI uri, Throwable cause, Limits limits) {
    if (cause instanceof BoundedBody.TooLarge tooLarge) {
      return unreadable(uri, "it is larger than " + limits.maxApiAnswerBytes() + " bytes (Limits.maxApiAnswerBytes): "
          + tooLarge.getMessage());
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new AutotaskApiException(Reason.TIMEOUT, "could not connect to the Autotask API for " + describe(uri)
          + " within " + settings.connectTimeout(), cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new AutotaskApiException(Reason.TIMEOUT, "the Autotask API did not answer " + describe(uri)
          + " within " + settings.requestTimeout() + " (requestTimeout, for the whole answer)", cause);
    }
    if (cause instanceof ConnectException) {
      return new AutotaskApiException(Reason.UNREACHABLE, "could not connect to the Autotask API for " + describe(uri),
          cause);
    }
    return new AutotaskApiException(Reason.UNREACHABLE, "the Autotask API request " + describe(uri) + " failed: "
        + cause.getClass().getSimpleName(), cause);
  }

  private static AutotaskApiException failure(int status, URI uri) {
    String request = describe(uri);
    if (status == 401 || status == 403) {
      return new AutotaskApiException(Reason.REFUSED, "the Autotask API refused the API user's credentials (HTTP "
          + status + ") for " + request + "; check the alert source's username, secret and integrationCode", status, null);
    }
    if (status == 429) {
      return new AutotaskApiException(Reason.RATE_LIMITED, "the Autotask API is rate limiting (HTTP 429) " + request,
          status, null);
    }
    if (status >= 500) {
      return new AutotaskApiException(Reason.SERVER_ERROR, "the Autotask API failed (HTTP " + status + ") on " + request,
          status, null);
    }
    return new AutotaskApiException(Reason.UNEXPECTED_STATUS, "the Autotask API answered HTTP " + status + " to "
        + request, status, null);
  }

  private static AutotaskApiException unreadable(URI uri, InvalidDeliveryException e) {
    return unreadable(uri, "it is not of the documented shape: " + e.getMessage());
  }

  /** @return an {@link Reason#UNREADABLE_ANSWER} saying what is wrong with the answer; the API, not the sender, is at fault */
  private static AutotaskApiException unreadable(URI uri, String what) {
    return new AutotaskApiException(Reason.UNREADABLE_ANSWER, "the Autotask API gave an unreadable answer to "
        + describe(uri) + ": " + what);
  }

  /** @return the request, without the query (the zone lookup's query names the API user) */
  static String describe(URI uri) {
    return "GET " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  @Override
  public String toString() {
    return "AutotaskApiClient[" + settings + "]";
  }
}
