package io.alertbridge.autotask;

import io.alertbridge.autotask.AutotaskApiException.Reason;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.internal.Json;
import io.alertbridge.core.internal.JsonObject;
import java.io.IOException;
import java.io.InputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Autotask REST API for one set of {@link ApiSettings}: finds the zone (once), gets tickets, and
 * keeps the ticket-field picklists. Thread-safe. Every failure is an {@link AutotaskApiException}
 * whose message names the request by address without query, never a credential.
 */
final class AutotaskApiClient {
  private static final Logger LOG = LoggerFactory.getLogger(AutotaskApiClient.class);
  private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
  private static final int MAX_DEPTH = 64;

  private final ApiSettings settings;
  private final HttpClient http;
  private volatile Zone zone;
  private final Object picklistLock = new Object();
  private Picklists picklists;
  private Instant picklistsFetchedAt;
  private final Set<Long> statusesMissingAfterFetch = new HashSet<>();

  /** The zone's API address (ending in {@code /}) and web address for links, if known. */
  record Zone(URI api, Optional<String> web) {}

  AutotaskApiClient(ApiSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * @param id the ticket id
   * @param clock the clock that ages the picklists
   * @return the ticket, or empty when the API does not know it
   */
  Optional<AutotaskTicket> ticket(long id, Clock clock) {
    Zone current = zone();
    URI uri = current.api().resolve("v1.0/Tickets/" + id);
    Optional<Object> answer = get(uri, true, true);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<JsonObject> item = JsonObject.root(answer.get()).optionalObject("item");
      if (item.isEmpty()) {
        return Optional.empty();
      }
      Picklists lists = picklists(current, clock, TicketReader.status(item.get()));
      return Optional.of(TicketReader.read(id, item.get(), lists, current.web()));
    } catch (InvalidDeliveryException e) {
      throw unreadable(uri, e);
    }
  }

  /** @return the zone: from the settings, or looked up once */
  Zone zone() {
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
        JsonObject answer = JsonObject.root(get(uri, false, false).orElseThrow());
        String url = answer.requiredString("url").strip();
        URI api = URI.create(url.endsWith("/") ? url : url + '/');
        if (api.getHost() == null || !(api.getScheme().equalsIgnoreCase("https") || api.getScheme().equalsIgnoreCase("http"))) {
          throw new AutotaskApiException(Reason.UNREADABLE_ANSWER,
              "the zone lookup " + describe(uri) + " answered a url that is not an http(s) address");
        }
        Optional<String> lookedUpWeb = answer.optionalString("webUrl").map(String::strip).filter(w -> !w.isEmpty())
            .map(w -> w.endsWith("/") ? w : w + '/');
        known = new Zone(api, web.isPresent() ? web : lookedUpWeb);
      } catch (InvalidDeliveryException e) {
        throw unreadable(uri, e);
      } catch (IllegalArgumentException e) {
        throw new AutotaskApiException(Reason.UNREADABLE_ANSWER,
            "the zone lookup " + describe(uri) + " answered a url that is not an address", e);
      }
    }
    zone = known;
    return known;
  }

  /**
   * The picklists, fetched when missing or older than the refresh interval, and fetched again once
   * when a status value is not in them.
   */
  private Picklists picklists(Zone current, Clock clock, long status) {
    synchronized (picklistLock) {
      Instant now = clock.instant();
      if (picklists == null || !now.isBefore(picklistsFetchedAt.plus(settings.picklistRefresh()))) {
        fetchPicklists(current, now);
      } else if (picklists.label(Picklists.STATUS, status).isEmpty() && !statusesMissingAfterFetch.contains(status)) {
        LOG.debug("status value {} is not in the cached picklist; fetching the picklists again", status);
        fetchPicklists(current, now);
      }
      if (picklists.label(Picklists.STATUS, status).isEmpty()) {
        statusesMissingAfterFetch.add(status);
      }
      return picklists;
    }
  }

  private void fetchPicklists(Zone current, Instant now) {
    URI uri = current.api().resolve("v1.0/Tickets/entityInformation/fields");
    try {
      picklists = Picklists.read(get(uri, true, false).orElseThrow());
    } catch (InvalidDeliveryException e) {
      throw unreadable(uri, e);
    }
    picklistsFetchedAt = now;
    statusesMissingAfterFetch.clear();
  }

  /** @return the parsed answer; empty only for a 404 when {@code notFoundIsEmpty} */
  private Optional<Object> get(URI uri, boolean authenticated, boolean notFoundIsEmpty) {
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
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new AutotaskApiException(Reason.TIMEOUT, "could not connect to the Autotask API for " + describe(uri)
          + " within " + settings.connectTimeout(), e);
    } catch (HttpTimeoutException e) {
      throw new AutotaskApiException(Reason.TIMEOUT, "the Autotask API did not answer " + describe(uri)
          + " within " + settings.requestTimeout(), e);
    } catch (ConnectException e) {
      throw new AutotaskApiException(Reason.UNREACHABLE, "could not connect to the Autotask API for " + describe(uri), e);
    } catch (IOException e) {
      throw new AutotaskApiException(Reason.UNREACHABLE, "the Autotask API request " + describe(uri) + " failed: "
          + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AutotaskApiException(Reason.UNREACHABLE, "interrupted while waiting for " + describe(uri), e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404 && notFoundIsEmpty) {
        return Optional.empty();
      }
      if (status < 200 || status > 299) {
        throw failure(status, uri);
      }
      byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
      if (bytes.length > MAX_ANSWER_BYTES) {
        throw new AutotaskApiException(Reason.UNREADABLE_ANSWER, "the answer to " + describe(uri) + " is larger than "
            + MAX_ANSWER_BYTES + " bytes", status, null);
      }
      return Optional.of(Json.parse(bytes, MAX_DEPTH));
    } catch (InvalidDeliveryException e) {
      throw unreadable(uri, e);
    } catch (IOException e) {
      throw new AutotaskApiException(Reason.UNREACHABLE, "the answer to " + describe(uri) + " broke off: "
          + e.getClass().getSimpleName(), e);
    }
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
    return new AutotaskApiException(Reason.UNREADABLE_ANSWER, "the Autotask API's answer to " + describe(uri)
        + " is not of the documented shape: " + e.getMessage().replace("body", "answer"), e);
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
