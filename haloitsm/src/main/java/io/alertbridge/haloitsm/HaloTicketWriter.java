package io.alertbridge.haloitsm;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes an alert's change to its Halo ticket as one action, {@code POST /api/Actions} with {@code
 * [{"ticket_id": 4242, "outcome": "AlertBridge", "note": "Accepted in AlertBridge by Ada", "new_status": 2,
 * "hiddenfromuser": true, "sendemail": false}]}: the note hidden from the end user, and the status, when the
 * change has one, by the id the tenant's statuses ({@code GET /api/Status}) give its name. A name the tenant
 * does not have is a configuration error naming the tenant's statuses.
 *
 * <p>Own changes are not recognised by author: Halo's webhooks do not reliably say who changed the ticket
 * (a native envelope's {@code agent_id} is also the ticket's agent), so echoes are recognised by the status
 * written, as core does for every tool.
 */
final class HaloTicketWriter implements TicketWriter {
  static final String NEEDS_SETTINGS = "writing back to Halo needs the alert source's HaloSettings (apiUrl,"
      + " clientId, clientSecret)";
  /** The most characters of the tenant's statuses named in a message. */
  static final int MAX_STATUSES_CHARS = 400;
  /** The most digits of a ticket id. */
  private static final int MAX_ID_DIGITS = 18;

  private final HaloClients clients;

  HaloTicketWriter(HaloClients clients) {
    this.clients = clients;
  }

  @Override
  public WriteBackTable table(AlertSource source) {
    return source.settings(HaloSettings.class).map(HaloSettings::writeBack).orElse(HaloSettings.DEFAULT_WRITE_BACK);
  }

  @Override
  public void write(String ticketId, TicketChange change, ParseContext context) {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(change, "change");
    AlertSource source = context.source();
    HaloSettings settings = source.settings(HaloSettings.class).orElseThrow(
        () -> new ConfigurationException("alert source " + source.id(), List.of(NEEDS_SETTINGS)));
    if (ticketId.isEmpty() || ticketId.length() > MAX_ID_DIGITS || !ticketId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ApiException(ApiException.Reason.REJECTED, "Halo ticket ids are digits, so ticket "
          + JsonObject.quote(JsonObject.cut(ticketId, 40)) + " cannot be written to", 0, null, null);
    }
    HaloApiClient client = clients.client(settings);
    Optional<Long> statusId = change.status().map(name -> statusId(client, name, source, context));
    Map<String, Object> action = new LinkedHashMap<>();
    action.put("ticket_id", Long.parseLong(ticketId));
    action.put("outcome", settings.outcome());
    action.put("note", change.note());
    statusId.ifPresent(id -> action.put("new_status", id));
    action.put("hiddenfromuser", true);
    action.put("sendemail", false);
    client.addActions(List.of(action), context.clock(), context.limits());
  }

  private static long statusId(HaloApiClient client, String name, AlertSource source, ParseContext context) {
    Optional<Long> id;
    try {
      id = client.statusId(name, context.clock(), context.limits());
    } catch (HaloApiException e) {
      throw HaloApiClient.outbound(e);
    }
    return id.orElseThrow(() -> new ConfigurationException("the haloitsm write-back table of alert source "
        + source.id(), List.of("Halo has no status named " + JsonObject.quote(name) + "; the tenant's statuses are "
        + named(client.knownStatuses()))));
  }

  /** @return the statuses as "New (1), In Progress (2)", by id, cut to {@value #MAX_STATUSES_CHARS} characters */
  static String named(Map<Long, String> statuses) {
    if (statuses.isEmpty()) {
      return "none";
    }
    String all = new TreeMap<>(statuses).entrySet().stream()
        .map(status -> JsonObject.cut(status.getValue(), 60) + " (" + status.getKey() + ")")
        .collect(Collectors.joining(", "));
    return all.length() <= MAX_STATUSES_CHARS ? all : all.substring(0, MAX_STATUSES_CHARS) + "\u2026";
  }

  @Override
  public String toString() {
    return "HaloTicketWriter[" + clients + "]";
  }
}
