package io.alertbridge.zendesk;

import io.alertbridge.core.Authentication;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Link;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.IsoTimes;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON body of a Zendesk trigger webhook in the documented template (and hands the body of
 * an event webhook to {@link EventBody}):
 *
 * <pre>{@code
 * {"id": "4711", "title": "...", "description": "...", "via": "Web form", "status": "Open",
 *  "priority": "Urgent", "requester_name": "...", "group_name": "", "assignee_name": "",
 *  "account": "...", "link": "https://...", "latest_comment": "..."}
 * }</pre>
 *
 * {@code id} and {@code status} are required; every other field is optional, and an empty string
 * means unset. Fields not in {@link #OWN_FIELDS}, and the entries of
 * {@code additional_ticket_details}, become custom details exactly as sent. A body whose root has
 * neither {@code id} nor {@code status} but a {@code ticket} object is read from that object
 * ({@link #ticket}).
 */
final class TriggerBodyParser implements DeliveryParser {
  /** An optional object whose entries become custom details. */
  static final String ADDITIONAL_DETAILS = "additional_ticket_details";

  /** The fields read into the snapshot's own parts; all others are custom details. */
  static final Set<String> OWN_FIELDS = Set.of("id", "title", "description", "status", "priority",
      "requester_name", "assignee_name", "link", "latest_comment", "updated_at", ADDITIONAL_DETAILS);

  /** Appended to syntax errors: the usual cause is a placeholder that inserted unescaped text. */
  static final String TEMPLATE_HINT = "; check the JSON body template of the Zendesk trigger's webhook action:"
      + " a placeholder there probably inserted text that is not JSON-escaped (a quote, a backslash or a line"
      + " break), or the quotes around a placeholder are missing";

  /** The problems a placeholder causes; a duplicate field is the template's own. */
  private static final Set<MalformedDeliveryException.Kind> HINTED =
      EnumSet.of(MalformedDeliveryException.Kind.SYNTAX, MalformedDeliveryException.Kind.TRAILING_CONTENT);

  static final String STATUS_EXPECTED = "a ticket status such as New, Open, Pending, On-hold, Solved or Closed";
  /** What a usable {@code updated_at} holds. */
  static final String UPDATED_AT_EXPECTED = "an ISO-8601 time such as 2013-12-12T05:35Z";

  /**
   * An unrendered placeholder. Linear in the text's length whatever it holds: a match can only start at
   * "{{", and the run of characters it tries after one ends at the next brace, so no character is tried
   * from more than two starts.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
  /** The most characters of a placeholder shown in a note. */
  private static final int MAX_SHOWN_CHARS = 64;

  /** The object some templates nest the ticket's fields in. */
  static final String NESTED = "ticket";

  /** A field another template (or Zendesk's own ticket JSON) names differently, and the field to use. */
  private record Rename(String foreign, String ours, String placeholder) {}

  /** Noted when only the foreign name is present. */
  private static final List<Rename> FOREIGN_NAMES = List.of(
      new Rename("subject", "title", "{{ticket.title}}"),
      new Rename("url", "link", "{{ticket.link}}"),
      new Rename("latest_comment_html", "latest_comment", "{{ticket.latest_comment}}"),
      new Rename("requester", "requester_name", "{{ticket.requester.name}}"),
      new Rename("assignee", "assignee_name", "{{ticket.assignee.name}}"),
      new Rename("group", "group_name", "{{ticket.group.name}}"));

  @Override
  public List<TicketSnapshot> parse(Delivery delivery, ParseContext context) {
    JsonObject root = JsonObject.root(Json.parse(delivery.body(), context.limits(), TEMPLATE_HINT, HINTED));
    if (EventBody.isEvent(root)) {
      return List.of(EventBody.snapshot(root));
    }
    JsonObject body = ticket(root);
    String id = id(body);
    TicketSnapshot.Builder snapshot = TicketSnapshot.builder(id, CodedValue.of(status(body)));
    if (body != root) {
      snapshot.note("the ticket's fields were read from the nested object " + body.pointer()
          + " (the root has no id or status)");
    }
    noteForeignNames(body, snapshot);
    String title = text(body, "title");
    String description = text(body, "description");
    snapshot.summary(TicketText.summary(title, description));
    String requester = text(body, "requester_name");
    String assignee = text(body, "assignee_name");
    snapshot.details(TicketText.details(description, requester, text(body, "group_name"), assignee,
        text(body, "via"), text(body, "latest_comment"), text(body, "latest_comment_author_name")));
    snapshot.requester(requester.isBlank() ? null : requester);
    snapshot.assignee(assignee.isBlank() ? null : assignee);
    String priority = text(body, "priority");
    if (!priority.isBlank()) {
      snapshot.priority(CodedValue.of(priority.strip()));
    }
    String link = text(body, "link").strip();
    if (!link.isEmpty() && !PLACEHOLDER.matcher(link).find()) {
      snapshot.link(new Link(link, "Zendesk ticket " + id));
    }
    boolean sent = body.get("updated_at") != null && !isBlankText(body.get("updated_at"));
    Instant updatedAt = updatedAt(body).orElse(null);
    if (updatedAt == null && sent) {
      snapshot.note("updated_at holds " + body.seen("updated_at") + ", not " + UPDATED_AT_EXPECTED
          + ", so it does not order this delivery; use {{ticket.updated_at_with_timestamp}} in the trigger's JSON"
          + " body ({{ticket.updated_at}} renders a date for people)");
    }
    if (updatedAt == null) {
      updatedAt = signedAt(delivery, context).orElse(null);
      if (updatedAt != null) {
        snapshot.note((sent ? "instead" : "no updated_at in the body") + ": the signed timestamp " + updatedAt
            + " orders this delivery");
      }
    }
    snapshot.sourceUpdatedAt(updatedAt);
    customDetails(body, snapshot);
    for (String field : List.of("status", "title", "description", "priority", "link")) {
      noteUnrendered(snapshot, field, text(body, field));
    }
    return List.of(snapshot.build());
  }

  /**
   * @return the root, unless it has neither {@code id} nor {@code status} but a {@value #NESTED} object:
   *     then that object
   */
  static JsonObject ticket(JsonObject root) {
    if (root.has("id") || root.has("status") || !(root.get(NESTED) instanceof Map)) {
      return root;
    }
    return root.optionalObject(NESTED).orElseThrow();
  }

  /** Notes the fields sent under another template's names, with the documented field to use instead. */
  private static void noteForeignNames(JsonObject body, TicketSnapshot.Builder snapshot) {
    StringBuilder names = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    for (Rename rename : FOREIGN_NAMES) {
      if (body.has(rename.foreign()) && !body.has(rename.ours())) {
        names.append(names.length() == 0 ? "" : ", ").append(rename.foreign());
        fields.append(fields.length() == 0 ? "" : ", ").append('"').append(rename.ours()).append("\": \"")
            .append(rename.placeholder()).append('"');
      }
    }
    if (names.length() > 0) {
      snapshot.note((body.pointer().isEmpty() ? "the body" : body.pointer()) + " names fields unlike the documented"
          + " JSON body template (" + names + " not read): use " + fields + " in the trigger's webhook body");
    }
  }

  /**
   * @return {@code updated_at} when it is an ISO-8601 time; empty when it is missing, blank or anything
   *     else (a date Zendesk rendered for people, a number), which is noted and left out rather than refused
   */
  private static java.util.Optional<Instant> updatedAt(JsonObject body) {
    return body.get("updated_at") instanceof String text ? IsoTimes.parse(text.strip()) : java.util.Optional.empty();
  }

  private static boolean isBlankText(Object value) {
    return value instanceof String text && text.isBlank();
  }

  /** The ticket id, a non-empty string or an integer; an unrendered placeholder would merge every ticket. */
  private static String id(JsonObject body) {
    String id = JsonObject.idText(body.get("id"));
    if (id == null) {
      throw new InvalidFieldException(body.pointerOf("id"), "a non-empty string or an integer",
          body.seen("id") + nestedHint(body));
    }
    if (id.contains("{{") && PLACEHOLDER.matcher(id).find()) {
      throw new InvalidFieldException(body.pointerOf("id"), "a ticket id", JsonObject.quote(id)
          + ", a placeholder Zendesk did not fill in (such a key would merge every ticket into one alert);"
          + " check {{ticket.id}} in the trigger's JSON body");
    }
    return id;
  }

  private static String status(JsonObject body) {
    Object value = body.get("status");
    if (value instanceof String status && !status.isBlank()) {
      return status;
    }
    throw new InvalidFieldException(body.pointerOf("status"), STATUS_EXPECTED, body.seen("status") + nestedHint(body));
  }

  /** @return for a nested ticket, what to write instead; else nothing */
  private static String nestedHint(JsonObject body) {
    return body.pointer().isEmpty() ? "" : " (the root has no id or status, so the nested object " + body.pointer()
        + " was read); use the documented JSON body template, \"id\": \"{{ticket.id}}\", \"status\":"
        + " \"{{ticket.status}}\", ..., at the root or in " + body.pointer();
  }

  /**
   * The {@value ZendeskSigner#TIMESTAMP_HEADER} of a delivery to a source that checks Zendesk's signature:
   * the processor has checked it before parsing, so it is Zendesk's, and within the tolerance of the
   * clock. Without a signature check anyone could write it, so it is not used.
   */
  private static java.util.Optional<Instant> signedAt(Delivery delivery, ParseContext context) {
    if (!(context.source().authentication() instanceof Authentication.Signature)) {
      return java.util.Optional.empty();
    }
    return delivery.headers().first(ZendeskSigner.TIMESTAMP_HEADER).map(String::strip).flatMap(IsoTimes::parse);
  }

  /** The fields this parser does not read itself, then the additional details that do not clash with them. */
  private static void customDetails(JsonObject body, TicketSnapshot.Builder snapshot) {
    snapshot.unreadMembers(body, OWN_FIELDS::contains);
    Object additional = body.get(ADDITIONAL_DETAILS);
    if (additional instanceof Map) {
      snapshot.unreadMembers(body.optionalObject(ADDITIONAL_DETAILS).orElseThrow(),
          name -> body.has(name) && !OWN_FIELDS.contains(name));
    } else if (additional != null) {
      snapshot.customDetail(ADDITIONAL_DETAILS, Json.freeze(additional));
    }
  }

  /**
   * @return the field as text: a string as sent, a number or boolean as written; empty when missing or null
   * @throws InvalidFieldException when it is an object or an array
   */
  static String text(JsonObject body, String name) {
    Object value = body.get(name);
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new InvalidFieldException(body.pointerOf(name), "a string", JsonObject.typeName(value));
  }

  private static void noteUnrendered(TicketSnapshot.Builder snapshot, String field, String value) {
    if (!value.contains("{{")) {
      return;
    }
    Matcher placeholder = PLACEHOLDER.matcher(value);
    if (placeholder.find()) {
      snapshot.note(field + " holds " + JsonObject.cut(placeholder.group(), MAX_SHOWN_CHARS) + ", a placeholder Zendesk did not fill in;"
          + " check it in the trigger's JSON body");
    }
  }
}
