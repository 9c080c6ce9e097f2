package io.alertbridge.haloitsm;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketEvent;
import io.alertbridge.core.TicketReference;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.UnreadableTicketEvent;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.core.json.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the three body shapes: {@code {"ticket": {...}}} from a Custom Integration method (the
 * recommended or the full ticket), a native webhook envelope ({@code event}, {@code object_id},
 * {@code timestamp}, {@code ticket}), or a JSON array of envelopes, one snapshot each. A bare ticket
 * object (with {@code id} and a status, but no wrapper) is read too. An envelope without a ticket
 * ("event information only") is a reference to its {@code object_id}, fetched by {@link HaloTickets}.
 * An element of an array that cannot be read is an {@link UnreadableTicketEvent}, with its ticket id
 * when that can be told, so that the other elements are still decided.
 */
final class HaloParser implements DeliveryParser {
  /** The reference attribute holding the webhook's event name. */
  static final String EVENT = "event";
  /** The event attribute of a reference made because the status came by id only. */
  static final String STATUS_ID_ONLY = "status by id only";
  private static final String HINT = "; check the body of the Halo Custom Integration method: Halo replaces each"
      + " <<...>> variable with a JSON value, so string variables must not be quoted again";

  @Override
  public List<TicketEvent> parse(Delivery delivery, ParseContext context) {
    boolean api = context.source().settings(HaloSettings.class).isPresent();
    Object parsed = Json.parse(delivery.body(), context.limits(), HINT, MalformedDeliveryException.Kind.brokenText());
    if (parsed instanceof List<?> batch) {
      if (batch.isEmpty()) {
        throw new InvalidFieldException("", "an array of webhook objects", "an empty array");
      }
      context.checkBatchSize(batch.size());
      List<TicketEvent> events = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        try {
          events.add(named(element(batch.get(i), JsonPointers.child("", i)), api));
        } catch (InvalidFieldException e) {
          events.add(UnreadableTicketEvent.of(e, ticketIdOf(batch.get(i))));
        }
      }
      return events;
    }
    if (!(parsed instanceof Map)) {
      throw new InvalidFieldException("", "a JSON object with a ticket, or an array of them",
          JsonObject.typeName(parsed));
    }
    return List.of(named(element(parsed, ""), api));
  }

  /**
   * A ticket whose status Halo sent by id only, to a source with API settings, is fetched in the
   * ticket-source step instead, where {@link HaloTickets} names its status from the tenant's statuses:
   * otherwise rows by name (a tenant's "Complete") could not match it.
   */
  private static TicketEvent named(TicketEvent event, boolean api) {
    if (api && event instanceof TicketSnapshot snapshot && HaloTickets.needsName(snapshot.status())) {
      return new TicketReference(snapshot.ticketId(), Map.of(EVENT, STATUS_ID_ONLY));
    }
    return event;
  }

  @SuppressWarnings("unchecked")
  private static TicketEvent element(Object value, String pointer) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new InvalidFieldException(pointer, "an object with a ticket", JsonObject.typeName(value));
    }
    Fields root = Fields.of((Map<String, Object>) map, pointer);
    if (!root.has("ticket") && root.has("event") && root.has("object_id")) {
      return reference(root);
    }
    if (!root.has("ticket") && root.has("id") && (root.has("status") || root.has("status_id"))) {
      return TicketReader.read(root, null);
    }
    Fields ticket = root.object("ticket").orElseThrow(() -> new InvalidFieldException(root.pointerOf("ticket"),
        "a ticket object", root.has("ticket") ? "null" : "nothing"));
    boolean envelope = root.has("event") || root.has("object_id") || root.has("webhook_id");
    return TicketReader.read(ticket, envelope ? root : null);
  }

  /**
   * @return the ticket id of an element that cannot be read, as far as it can be told: the ticket's
   *     {@code id}, else the envelope's {@code object_id}, else a bare ticket's {@code id}
   */
  @SuppressWarnings("unchecked")
  private static Optional<String> ticketIdOf(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Fields root = Fields.of((Map<String, Object>) map, "");
    Object id = root.get("ticket") instanceof Map<?, ?> ticket ? Fields.of((Map<String, Object>) ticket, "").get("id")
        : null;
    if (id == null) {
      boolean wrapped = root.has("ticket") || root.has("event") || root.has("object_id") || root.has("webhook_id");
      id = root.get(wrapped ? "object_id" : "id");
    }
    String text = Fields.idText(id);
    return text == null || text.isBlank() || text.contains("<<") ? Optional.empty() : Optional.of(text);
  }

  /** An "event information only" webhook: the ticket is fetched by {@link HaloTickets}. */
  private static TicketReference reference(Fields root) {
    Object value = root.get("object_id");
    String id = Fields.idText(value);
    if (id == null || !id.matches("\\d{1,19}")) {
      throw new InvalidFieldException(root.pointerOf("object_id"), "a ticket id such as 4242", Fields.seen(value));
    }
    return new TicketReference(id, root.text("event").map(event -> Map.of(EVENT, event)).orElse(Map.of()));
  }
}
