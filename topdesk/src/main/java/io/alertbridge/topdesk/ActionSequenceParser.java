package io.alertbridge.topdesk;

import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of a TOPdesk action sequence's HTTP request step:
 *
 * <pre>{@code
 * {"eventType": "ALERT", "incidentKey": "I 2504 117", "summary": "Mailserver reageert niet",
 *  "details": "...", "priority": "HIGH", "links": ["https://..."], "aanmeldernaam": "Jansen, Pieter"}
 * }</pre>
 *
 * The event type becomes the snapshot's status; every field not listed in {@link #OWN_FIELDS}
 * becomes a custom detail, exactly as sent.
 */
final class ActionSequenceParser implements DeliveryParser {
  /** The fields this parser reads itself; all others are custom details. */
  static final Set<String> OWN_FIELDS =
      Set.of("eventType", "incidentKey", "alertKey", "summary", "details", "priority", "links");

  /** Appended to syntax errors: the usual cause is an unticked escaping option. */
  static final String ESCAPE_HINT = "; if a ticket field can hold a quote or a backslash, tick \"Escape values"
      + " inserted into body\" in the HTTP request step of the TOPdesk action sequence";

  private static final String EVENT_TYPES = "one of ALERT, ACCEPT, RESOLVE";
  private static final String INCIDENT_NUMBER = "an incident number";

  @Override
  public List<TicketSnapshot> parse(Delivery delivery, ParseContext context) {
    JsonObject body = JsonObject.root(Json.parse(delivery.body(), context.limits(), ESCAPE_HINT,
        MalformedDeliveryException.Kind.brokenText()));
    EventType eventType = eventType(body);
    String key = key(body);
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(key, CodedValue.of(eventType.name()));
    String summary = body.optionalString("summary").orElse("");
    snapshot.summary(summary);
    noteVariables(snapshot, "summary", summary);
    String details = body.optionalString("details").orElse("");
    snapshot.details(details);
    noteVariables(snapshot, "details", details);
    String priority = body.optionalString("priority").orElse("");
    if (!priority.isBlank()) {
      snapshot.priority(CodedValue.of(priority));
      noteVariables(snapshot, "priority", priority);
    }
    LinkReader.read(body, snapshot);
    snapshot.unreadMembers(body, OWN_FIELDS::contains);
    return List.of(snapshot.build());
  }


  private static EventType eventType(JsonObject body) {
    Object value = body.get("eventType");
    if (value instanceof String text) {
      for (EventType type : EventType.values()) {
        if (type.name().equalsIgnoreCase(text)) {
          return type;
        }
      }
    }
    throw new InvalidFieldException(body.pointerOf("eventType"), EVENT_TYPES, body.seen("eventType"));
  }

  /** The incident number from incidentKey or alertKey, exactly as sent; when both are sent, they agree. */
  private static String key(JsonObject body) {
    String incidentKey = keyField(body, "incidentKey");
    String alertKey = keyField(body, "alertKey");
    if (incidentKey != null && alertKey != null && !incidentKey.equals(alertKey)) {
      throw new InvalidFieldException(body.pointerOf("alertKey"),
          "the incident number in " + body.pointerOf("incidentKey") + ", " + JsonObject.quote(incidentKey), JsonObject.quote(alertKey));
    }
    String name = incidentKey == null && alertKey != null ? "alertKey" : "incidentKey";
    String key = incidentKey == null ? alertKey : incidentKey;
    if (key == null || key.isBlank()) {
      throw new InvalidFieldException(body.pointerOf(name), INCIDENT_NUMBER, body.seen(name));
    }
    Variables.Found variables = Variables.unsubstituted(key);
    if (!variables.isEmpty()) {
      throw new InvalidFieldException(body.pointerOf(name), INCIDENT_NUMBER, Variables.describe(variables)
          + ", which TOPdesk did not fill in (such a key would merge every incident into one alert);"
          + " correct the variable in the action sequence's body");
    }
    return key;
  }

  /** @return the field's string value, or null when missing or null */
  private static String keyField(JsonObject body, String name) {
    Object value = body.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidFieldException(body.pointerOf(name), INCIDENT_NUMBER + " (a string)", body.seen(name));
  }

  private static void noteVariables(TicketSnapshot.Builder snapshot, String field, String value) {
    Variables.Found variables = Variables.unsubstituted(value);
    if (!variables.isEmpty()) {
      snapshot.note(field + " holds " + Variables.describe(variables)
          + ", which TOPdesk did not fill in; check the variable in the action sequence's body");
    }
  }
}
