package io.alertbridge.topdesk;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketChange;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.TicketWriter;
import io.alertbridge.core.WriteBackTable;
import io.alertbridge.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The way back to TOPdesk: {@code PATCH /tas/api/incidents/number/{number}} (or {@code /id/{id}} when the
 * alert key is an incident id) with the processing status by name, when the change has one, and the note as
 * an action invisible for the caller:
 *
 * <pre>{@code
 * {"processingStatus": {"name": "In progress"}, "action": "Accepted in AlertBridge by Ada", "actionInvisibleForCaller": true}
 * }</pre>
 *
 * <p>The action is TOPdesk's limited HTML, so {@code &}, {@code <} and {@code >} are escaped and line
 * breaks become {@code <br>}. An incident last modified by the operator the API writes as ({@link
 * TopdeskSettings#operatorName()}, when given) is an echo of a write-back.
 */
final class TopdeskWriter implements TicketWriter {
  private final TopdeskClients clients;

  TopdeskWriter(TopdeskClients clients) {
    this.clients = clients;
  }

  @Override
  public WriteBackTable table(AlertSource source) {
    return source.settings(TopdeskSettings.class).map(TopdeskSettings::writeBack)
        .orElse(TopdeskSettings.DEFAULT_WRITE_BACK);
  }

  @Override
  public void write(String ticketId, TicketChange change, ParseContext context) {
    TopdeskSettings settings = TopdeskClients.required(context.source(), "writing changes back to TOPdesk");
    clients.get(settings).patchIncident(ticketId, Json.write(body(change)), context.limits());
  }

  /** @return the PATCH body: the status when the change has one, and the note as an invisible action */
  static Map<String, Object> body(TicketChange change) {
    Map<String, Object> body = new LinkedHashMap<>();
    change.status().ifPresent(status -> body.put("processingStatus", Map.of("name", status)));
    if (!change.note().isBlank()) {
      body.put("action", html(change.note()));
      body.put("actionInvisibleForCaller", true);
    }
    return body;
  }

  /** @return the text as TOPdesk's limited HTML: {@code &}, {@code <}, {@code >} escaped, line breaks as {@code <br>} */
  static String html(String text) {
    StringBuilder html = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '\r' -> {
          html.append("<br>");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> html.append("<br>");
        default -> html.append(c);
      }
    }
    return html.toString();
  }

  /**
   * @return true when the source names its API operator ({@link TopdeskSettings#operatorName()}) and the
   *     incident's {@code modifier}, as a poll reads it (or as a webhook body sends it), is that operator
   */
  @Override
  public boolean isOwnChange(TicketSnapshot snapshot, AlertSource source) {
    Optional<String> operator = source.settings(TopdeskSettings.class).flatMap(TopdeskSettings::operatorName);
    return operator.isPresent() && snapshot.customDetails().get("modifier") instanceof String modifier
        && modifier.strip().equals(operator.get());
  }
}
