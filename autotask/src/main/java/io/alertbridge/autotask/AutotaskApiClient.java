package io.alertbridge.autotask;

import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.http.ApiException.Reason;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Autotask REST API for one set of {@link AutotaskSettings}: finds the zone (once), gets tickets,
 * keeps the ticket-field picklists, and writes a ticket's status and notes. Thread-safe. Every exchange
 * goes through core's {@link ApiClient}: bounded as a whole in time (the request timeout, connecting
 * and the whole body included) and in bytes ({@link Limits#maxApiAnswerBytes()}); messages name the
 * request by method and address without query, never a credential.
 *
 * <p>Fetching a ticket for a callout fails with an {@link AutotaskApiException} (503, Autotask calls
 * again); writing fails with an {@link ApiException} whose {@link ApiException#retryable()} says whether
 * to try again. An answer is read with the processor's {@link Limits}: one that is not JSON, holds a
 * number beyond them, nests too deep, is {@code null} or is not of the documented shape is an
 * unreadable answer.
 */
final class AutotaskApiClient {
  /** The tool as messages name it. */
  static final String TOOL = "the Autotask API";
  /** The most characters of a note's description Autotask takes. */
  static final int MAX_NOTE_CHARS = 32_000;
  private static final Logger LOG = LoggerFactory.getLogger(AutotaskApiClient.class);

  private final AutotaskSettings settings;
  private final ApiClient api;
  private volatile Zone zone;
  private final Object picklistLock = new Object();
  private Picklists picklists;
  private Instant picklistsFetchedAt;
  private final Set<Long> statusesMissingAfterFetch = new HashSet<>();
  private final Set<String> labelsMissingAfterFetch = new HashSet<>();

  /** The zone's API address (ending in {@code /}) and web address for links, if known. */
  record Zone(URI api, Optional<String> web) {}

  AutotaskApiClient(AutotaskSettings settings) {
    this.settings = settings;
    this.api = new ApiClient(TOOL, settings.connectTimeout(), settings.requestTimeout());
  }

  /**
   * @param id the ticket id
   * @param clock the clock that ages the picklists
   * @param limits the bounds on each answer: its bytes, nesting and numbers
   * @return the ticket, or empty when the API does not know it
   * @throws AutotaskApiException when the ticket cannot be had for a while
   */
  Optional<AutotaskTicket> ticket(long id, Clock clock, Limits limits) {
    try {
      Zone current = zone(limits);
      URI uri = current.api().resolve("v1.0/Tickets/" + id);
      Optional<ApiClient.Answer> answer = get(uri, true, true, limits);
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      try {
        Optional<JsonObject> item = JsonObject.root(parse(answer.get(), limits)).optionalObject("item");
        if (item.isEmpty()) {
          return Optional.empty();
        }
        Picklists lists = picklistsFor(current, clock, TicketReader.status(item.get()), limits);
        return Optional.of(TicketReader.read(id, item.get(), lists, current.web()));
      } catch (InvalidDeliveryException e) {
        throw unreadable(answer.get(), e);
      }
    } catch (ApiException e) {
      throw inbound(e);
    }
  }

  /**
   * The value of a ticket status, by its label (ignoring case), from the picklists: fetched when missing
   * or old, and fetched again once when they lack the label.
   *
   * @param label a ticket status label, e.g. {@code In Progress}
   * @param clock the clock that ages the picklists
   * @param limits the bounds on each answer
   * @return the status value, or empty when the instance has no status of that label
   * @throws ApiException when the zone or the picklists cannot be had
   */
  Optional<Long> statusValue(String label, Clock clock, Limits limits) {
    Zone current = zone(limits);
    String key = label.strip().toLowerCase(Locale.ROOT);
    synchronized (picklistLock) {
      Instant now = clock.instant();
      if (picklists == null || !now.isBefore(picklistsFetchedAt.plus(settings.picklistRefresh()))) {
        fetchPicklists(current, now, limits);
      } else if (picklists.value(Picklists.STATUS, label).isEmpty() && !labelsMissingAfterFetch.contains(key)) {
        LOG.debug("status {} is not in the cached picklist; fetching the picklists again", JsonObject.quote(label));
        fetchPicklists(current, now, limits);
      }
      Optional<Long> value = picklists.value(Picklists.STATUS, label);
      if (value.isEmpty()) {
        labelsMissingAfterFetch.add(key);
      }
      return value;
    }
  }

  /** @return the labels of the active ticket statuses, as last fetched; empty before the first fetch */
  List<String> statusLabels() {
    synchronized (picklistLock) {
      return picklists == null ? List.of() : picklists.activeLabels(Picklists.STATUS);
    }
  }

  /**
   * Sets a ticket's status: {@code PATCH Tickets} with {@code {"id": ticketId, "status": status}}.
   *
   * @throws ApiException when the API does not take it
   */
  void writeStatus(long ticketId, long status, Limits limits) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", ticketId);
    body.put("status", status);
    write("PATCH", zone(limits).api().resolve("v1.0/Tickets"), body, limits);
  }

  /**
   * Adds a note to a ticket: {@code POST Tickets/{id}/Notes} with the settings' title, note type and
   * publish value; the description is cut to {@value #MAX_NOTE_CHARS} characters.
   *
   * @throws ApiException when the API does not take it
   */
  void addNote(long ticketId, String description, Limits limits) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ticketID", ticketId);
    body.put("title", settings.noteTitle());
    body.put("description", JsonObject.cut(description, MAX_NOTE_CHARS));
    body.put("noteType", settings.noteType());
    body.put("publish", settings.notePublish());
    write("POST", zone(limits).api().resolve("v1.0/Tickets/" + ticketId + "/Notes"), body, limits);
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
      ApiClient.Answer answer = get(uri, false, false, limits).orElseThrow();
      try {
        JsonObject lookup = JsonObject.root(parse(answer, limits));
        String url = lookup.requiredString("url").strip();
        URI api = URI.create(url.endsWith("/") ? url : url + '/');
        String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
        if (api.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
          throw zoneUnreadable(uri, "its url is not an http(s) address");
        }
        Optional<String> lookedUpWeb = lookup.optionalString("webUrl").map(String::strip).filter(w -> !w.isEmpty())
            .map(w -> w.endsWith("/") ? w : w + '/');
        known = new Zone(api, web.isPresent() ? web : lookedUpWeb);
      } catch (InvalidDeliveryException e) {
        throw unreadable(answer, e);
      } catch (IllegalArgumentException e) {
        throw zoneUnreadable(uri, "its url is not an address");
      }
    }
    zone = known;
    return known;
  }

  /**
   * The picklists, fetched when missing or older than the refresh interval, and fetched again once
   * when a status value is not in them.
   */
  private Picklists picklistsFor(Zone current, Clock clock, long status, Limits limits) {
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
    ApiClient.Answer answer = get(uri, true, false, limits).orElseThrow();
    try {
      picklists = Picklists.read(parse(answer, limits));
    } catch (InvalidDeliveryException e) {
      throw unreadable(answer, e);
    }
    picklistsFetchedAt = now;
    statusesMissingAfterFetch.clear();
    labelsMissingAfterFetch.clear();
  }

  /** @return the answer of a GET with a 2xx status; empty only for a 404 when {@code notFoundIsEmpty} */
  private Optional<ApiClient.Answer> get(URI uri, boolean authenticated, boolean notFoundIsEmpty, Limits limits) {
    ApiClient.Answer answer = api.send(request(uri, authenticated).GET().build(), limits);
    if (answer.status() == 404 && notFoundIsEmpty) {
      return Optional.empty();
    }
    return Optional.of(requireSuccess(answer));
  }

  /** Sends a JSON body; a 2xx answer is success, whatever its body. */
  private void write(String method, URI uri, Map<String, Object> body, Limits limits) {
    HttpRequest request = request(uri, true)
        .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build();
    requireSuccess(api.send(request, limits));
  }

  private HttpRequest.Builder request(URI uri, boolean authenticated) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(api.requestTimeout())
        .header("Accept", "application/json");
    if (authenticated) {
      request.header("UserName", settings.username().reveal())
          .header("Secret", settings.secret().reveal())
          .header("ApiIntegrationCode", settings.integrationCode().reveal())
          .header("Content-Type", "application/json");
    }
    return request;
  }

  /** @return the answer when its status is 2xx; otherwise throws, with the API's error text but for 401 and 403 */
  private static ApiClient.Answer requireSuccess(ApiClient.Answer answer) {
    int status = answer.status();
    if (status >= 200 && status <= 299) {
      return answer;
    }
    String request = answer.request();
    if (status == 401 || status == 403) {
      throw new ApiException(Reason.REFUSED, TOOL + " refused the API user's credentials (HTTP " + status + ") for "
          + request + "; check the alert source's username, secret and integrationCode", status, null, null);
    }
    if (status == 429) {
      throw new ApiException(Reason.RATE_LIMITED, TOOL + " is rate limiting (HTTP 429) " + request
          + answer.errorText(), status, answer.retryAfter(), null);
    }
    if (status >= 500) {
      throw new ApiException(Reason.SERVER_ERROR, TOOL + " failed (HTTP " + status + ") on " + request
          + answer.errorText(), status, answer.retryAfter(), null);
    }
    throw new ApiException(Reason.REJECTED, TOOL + " answered HTTP " + status + " to " + request + answer.errorText(),
        status, null, null);
  }

  /** @return the answer's body as JSON, never null */
  private static Object parse(ApiClient.Answer answer, Limits limits) {
    Object parsed;
    try {
      parsed = Json.parse(answer.body(), limits);
    } catch (MalformedDeliveryException e) {
      boolean beyondLimits = e.kind() == MalformedDeliveryException.Kind.NUMBER_OUT_OF_RANGE
          || e.kind() == MalformedDeliveryException.Kind.TOO_DEEP;
      throw answer.unreadable(beyondLimits ? "it is beyond the limits: " + e.describe("the answer") : e.describe("it"));
    }
    if (parsed == null) {
      throw answer.unreadable("it is null, not a JSON object");
    }
    return parsed;
  }

  private static ApiException unreadable(ApiClient.Answer answer, InvalidDeliveryException e) {
    return answer.unreadable("it is not of the documented shape: " + e.getMessage());
  }

  private static ApiException zoneUnreadable(URI uri, String what) {
    return new ApiException(Reason.UNREADABLE_ANSWER, TOOL + " gave an unreadable answer to the zone lookup "
        + ApiClient.describe("GET", uri) + ": " + what, 0, null, null);
  }

  /** @return the failure of a callout's fetch, as the inbound side has always reported it: a 503 */
  private static AutotaskApiException inbound(ApiException e) {
    AutotaskApiException.Reason reason = switch (e.reason()) {
      case TIMEOUT -> AutotaskApiException.Reason.TIMEOUT;
      case UNREACHABLE -> AutotaskApiException.Reason.UNREACHABLE;
      case SERVER_ERROR -> AutotaskApiException.Reason.SERVER_ERROR;
      case RATE_LIMITED -> AutotaskApiException.Reason.RATE_LIMITED;
      case UNREADABLE_ANSWER -> AutotaskApiException.Reason.UNREADABLE_ANSWER;
      case REFUSED -> AutotaskApiException.Reason.REFUSED;
      case REJECTED -> AutotaskApiException.Reason.UNEXPECTED_STATUS;
    };
    return new AutotaskApiException(reason, e.getMessage(), e.apiStatus().orElse(0), e.getCause());
  }

  @Override
  public String toString() {
    return "AutotaskApiClient[" + settings + "]";
  }
}
