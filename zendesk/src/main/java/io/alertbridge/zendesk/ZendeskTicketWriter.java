package io.alertbridge.zendesk;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writes an alert's change to its Zendesk ticket: {@code PUT /api/v2/tickets/{id}.json} with the status
 * from the write-back table and the note as a private comment (an internal note), {@code {"ticket":
 * {"status": "open", "comment": {"body": "Accepted in AlertBridge by Ada", "public": false}}}}, as the API
 * user ({@code Authorization: Basic} of {@code {email}/token:{apiToken}}). One {@link ApiClient} per
 * distinct settings.
 *
 * <p>Its own changes: with {@link ZendeskSettings#apiUserId()} set, an event webhook whose {@code
 * detail.actor_id} is that user, or a trigger body whose {@code current_user} object has that {@code id}
 * or the settings' {@code email}, is the echo of a write-back.
 */
final class ZendeskTicketWriter implements TicketWriter {
  static final String NEEDS_SETTINGS = "writing back to Zendesk needs the alert source's ZendeskSettings"
      + " (apiUrl, email, apiToken)";
  /** More distinct settings than alert sources a host plausibly has: start over rather than grow. */
  private static final int MAX_CLIENTS = 256;
  /** The most digits of a ticket id: Zendesk's ids are 64-bit integers. */
  private static final int MAX_ID_DIGITS = 19;

  private final ConcurrentMap<ZendeskSettings, ApiClient> clients = new ConcurrentHashMap<>();

  @Override
  public WriteBackTable table(AlertSource source) {
    return source.settings(ZendeskSettings.class).map(ZendeskSettings::writeBack)
        .orElse(ZendeskSettings.DEFAULT_WRITE_BACK);
  }

  @Override
  public void write(String ticketId, TicketChange change, ParseContext context) {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(change, "change");
    AlertSource source = context.source();
    ZendeskSettings settings = source.settings(ZendeskSettings.class).orElseThrow(
        () -> new ConfigurationException("alert source " + source.id(), List.of(NEEDS_SETTINGS)));
    if (ticketId.isEmpty() || ticketId.length() > MAX_ID_DIGITS || !ticketId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ApiException(ApiException.Reason.REJECTED, "Zendesk ticket ids are digits, so ticket "
          + JsonObject.quote(JsonObject.cut(ticketId, 40)) + " cannot be written to", 0, null, null);
    }
    URI uri = settings.apiUrl().resolve("api/v2/tickets/" + ticketId + ".json");
    ApiClient client = client(settings);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(client.requestTimeout())
        .header("Accept", "application/json")
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", authorization(settings))
        .PUT(HttpRequest.BodyPublishers.ofString(body(change), StandardCharsets.UTF_8))
        .build();
    ApiClient.Answer answer = client.send(request, context.limits());
    if (answer.status() < 200 || answer.status() > 299) {
      throw ZendeskErrors.failure(answer, context.limits());
    }
    if (!(answer.jsonObject(context.limits()).get("ticket") instanceof Map)) {
      throw answer.unreadable("it has no ticket object");
    }
  }

  /** @return the request body: the status, when the change has one, and the note as a private comment */
  static String body(TicketChange change) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    change.status().ifPresent(status -> ticket.put("status", status));
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("body", change.note());
    comment.put("public", false);
    ticket.put("comment", comment);
    return Json.write(Map.of("ticket", ticket));
  }

  private static String authorization(ZendeskSettings settings) {
    byte[] credentials = (settings.email() + "/token:" + settings.apiToken().reveal()).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(credentials);
  }

  private ApiClient client(ZendeskSettings settings) {
    ApiClient client = clients.get(settings);
    if (client == null) {
      if (clients.size() >= MAX_CLIENTS) {
        clients.clear();
      }
      client = clients.computeIfAbsent(settings,
          s -> new ApiClient("Zendesk", s.connectTimeout(), s.requestTimeout()));
    }
    return client;
  }

  /**
   * Each status the writer may set, with the names trigger webhooks give it in the languages of the
   * default table ({@code {{ticket.status}}} is rendered in the account's language).
   */
  static final Map<String, List<String>> LOCALIZED_STATUSES = Map.of(
      "new", List.of("Nuevo", "Novo", "Nouveau", "Neu", "Nieuw", "Nuovo"),
      "open", List.of("Abierto", "Aberto", "Ouvert", "Offen", "Aperto"),
      "pending", List.of("Pendiente", "Pendente", "En attente", "Wartend", "In afwachting", "In attesa"),
      "hold", List.of("On-hold", "En espera", "Em espera", "En pause", "Angehalten", "In de wacht", "In sospeso"),
      "solved", List.of("Resuelto", "Resolvido", "R\u00e9solu", "Gel\u00f6st", "Opgelost", "Risolto"),
      "closed", List.of("Cerrado", "Fechado", "Clos", "Ferm\u00e9", "Geschlossen", "Gesloten", "Chiuso"));

  @Override
  public List<String> echoStatuses(String written, AlertSource source) {
    List<String> names = new java.util.ArrayList<>();
    names.add(written);
    names.addAll(LOCALIZED_STATUSES.getOrDefault(written.toLowerCase(java.util.Locale.ROOT), List.of()));
    return names;
  }

  @Override
  public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
    Optional<ZendeskSettings> settings = source.settings(ZendeskSettings.class);
    if (settings.isEmpty() || settings.get().apiUserId().isEmpty()) {
      return false;
    }
    String userId = settings.get().apiUserId().get();
    Map<String, Object> custom = snapshot.customDetails();
    if (userId.equals(JsonObject.idText(custom.get(EventBody.ACTOR_ID)))) {
      return true;
    }
    return custom.get("current_user") instanceof Map<?, ?> user
        && (userId.equals(JsonObject.idText(user.get("id")))
            || user.get("email") instanceof String email && email.strip().equalsIgnoreCase(settings.get().email()));
  }

  @Override
  public String toString() {
    return "ZendeskTicketWriter[" + clients.size() + " clients]";
  }
}
