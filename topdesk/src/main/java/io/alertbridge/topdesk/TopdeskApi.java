package io.alertbridge.topdesk;

import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The TOPdesk API for one set of {@link TopdeskSettings}, on core's {@link ApiClient}: HTTP Basic with the
 * operator's login name and application password, {@code PATCH /tas/api/incidents/id/{id}} or {@code
 * .../number/{number}}, and {@code GET /tas/api/incidents} page by page. Thread-safe. Every failure is an
 * {@link ApiException} naming the request by address without query, with TOPdesk's own message (its
 * errors are {@code [{"message": "..."}]}); never a credential.
 */
final class TopdeskApi {
  /** The tool's name in messages. */
  static final String TOOL = "TOPdesk";
  /** The incident fields a poll reads: what {@link IncidentReader} needs, not the long request text. */
  static final String POLL_FIELDS = "id,number,briefDescription,processingStatus,completed,closed,"
      + "modificationDate,modifier,caller,operator,operatorGroup,priority";
  /** The most characters of TOPdesk's messages put in an exception. */
  private static final int MAX_MESSAGE_CHARS = 300;
  /** An incident's id, as TOPdesk writes it: a UUID. */
  private static final Pattern ID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final TopdeskSettings settings;
  private final ApiClient api;

  TopdeskApi(TopdeskSettings settings) {
    this.settings = settings;
    this.api = new ApiClient(TOOL, settings.connectTimeout(), settings.requestTimeout());
  }

  /**
   * Changes one incident.
   *
   * @param ticketId the incident's id (a UUID) or its number
   * @param body the JSON body
   * @param limits the bound on the answer
   */
  void patchIncident(String ticketId, String body, Limits limits) {
    HttpRequest request = request(incident(settings.apiUrl(), ticketId))
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    checked(api.send(request, limits), limits);
  }

  /**
   * One page of incidents, oldest modification first.
   *
   * @param query the FIQL filter
   * @param pageStart how many incidents to skip
   * @param pageSize how many to read at most
   * @return the incidents, each a JSON value as sent; empty when TOPdesk has none (204)
   */
  List<Object> incidents(String query, int pageStart, int pageSize, Limits limits) {
    URI uri = settings.apiUrl().resolve("tas/api/incidents?query=" + encode(query) + "&pageStart=" + pageStart
        + "&pageSize=" + pageSize + "&sort=" + encode("modificationDate:asc") + "&fields=" + encode(POLL_FIELDS));
    ApiClient.Answer answer = checked(api.send(request(uri).GET().build(), limits), limits);
    if (answer.status() == 204) {
      return List.of();
    }
    Object json = answer.json(limits);
    if (!(json instanceof List<?> incidents)) {
      throw answer.unreadable("it is " + JsonObject.typeName(json) + ", not an array of incidents");
    }
    return new ArrayList<>(incidents);
  }

  /**
   * @param base the tenant's base address
   * @param ticketId an incident's id or number
   * @return {@code tas/api/incidents/id/{id}} for a UUID, else {@code tas/api/incidents/number/{number}}, the
   *     number encoded as one path segment
   */
  static URI incident(URI base, String ticketId) {
    return base.resolve(isId(ticketId) ? "tas/api/incidents/id/" + ticketId
        : "tas/api/incidents/number/" + segment(ticketId));
  }

  /** @return whether the ticket id is an incident's id (a UUID) rather than its number */
  static boolean isId(String ticketId) {
    return ticketId.length() == 36 && ID.matcher(ticketId).matches();
  }

  private HttpRequest.Builder request(URI uri) {
    String credentials = settings.username() + ":" + settings.applicationPassword().reveal();
    return HttpRequest.newBuilder(uri).timeout(api.requestTimeout())
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** @return the answer when it is 2xx; otherwise throws with TOPdesk's message */
  private static ApiClient.Answer checked(ApiClient.Answer answer, Limits limits) {
    try {
      return answer.requireSuccess();
    } catch (ApiException e) {
      String hint = answer.status() == 401
          ? "; check the source's username and applicationPassword (an application password of that operator)"
          : answer.status() == 403 ? "; the operator lacks a permission this needs" : "";
      throw new ApiException(e.reason(), TOOL + " answered HTTP " + answer.status() + " to " + answer.request()
          + message(answer, limits) + hint, answer.status(), answer.retryAfter(), null);
    }
  }

  /**
   * @return TOPdesk's messages ({@code [{"message": "..."}]} or {@code {"message": "..."}}) after a colon, or
   *     the start of the answer as {@link ApiClient.Answer#errorText()} gives it
   */
  static String message(ApiClient.Answer answer, Limits limits) {
    Object parsed;
    try {
      parsed = Json.parse(answer.body(), limits);
    } catch (MalformedDeliveryException e) {
      return answer.errorText();
    }
    List<String> messages = new ArrayList<>();
    for (Object element : parsed instanceof List<?> list ? list : List.of(parsed == null ? List.of() : parsed)) {
      if (element instanceof Map<?, ?> map && map.get("message") instanceof String text && !text.isBlank()) {
        messages.add(text.strip());
      }
    }
    if (messages.isEmpty()) {
      return answer.errorText();
    }
    StringBuilder clean = new StringBuilder();
    String joined = String.join("; ", messages);
    for (int i = 0; i < joined.length() && clean.length() < MAX_MESSAGE_CHARS; i++) {
      char c = joined.charAt(i);
      clean.append(Character.isISOControl(c) ? ' ' : c);
    }
    return ": " + clean + (joined.length() > MAX_MESSAGE_CHARS ? "\u2026" : "");
  }

  /** @return the text encoded as one path segment, dots too when it is {@code .} or {@code ..} */
  private static String segment(String text) {
    String encoded = encode(text);
    return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
  }

  /** @return the text encoded for a query parameter or a path segment: spaces as {@code %20} */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
