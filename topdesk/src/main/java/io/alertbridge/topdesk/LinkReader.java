package io.alertbridge.topdesk;

import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.Link;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.JsonObject;
import io.alertbridge.core.json.JsonPointers;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code links}: an array whose elements are address strings or {@code {"href", "text"}}
 * objects, mixed as the body likes. An empty address (a variable TOPdesk filled with nothing) is
 * skipped; an address still holding a variable is skipped with a note.
 */
final class LinkReader {
  private static final String ARRAY = "an array of link addresses or of {\"href\", \"text\"} objects";
  private static final String ELEMENT = "a link address or an {\"href\", \"text\"} object";

  private LinkReader() {}

  static void read(JsonObject body, TicketSnapshot.Builder snapshot) {
    Object value = body.get("links");
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> elements)) {
      throw new InvalidFieldException(body.pointerOf("links"), ARRAY, JsonObject.typeName(value));
    }
    for (int i = 0; i < elements.size(); i++) {
      String at = JsonPointers.child(body.pointerOf("links"), i);
      Object element = elements.get(i);
      if (element instanceof String href) {
        add(snapshot, at, href, "");
      } else if (element instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        JsonObject link = JsonObject.of((Map<String, Object>) map, at);
        if (!(link.get("href") instanceof String href)) {
          throw new InvalidFieldException(link.pointerOf("href"), "a link address (a string)",
              link.seen("href"));
        }
        add(snapshot, at, href, link.optionalString("text").orElse(""));
      } else {
        throw new InvalidFieldException(at, ELEMENT, JsonObject.typeName(element));
      }
    }
  }

  private static void add(TicketSnapshot.Builder snapshot, String at, String href, String text) {
    if (href.isBlank()) {
      return;
    }
    Variables.Found variables = Variables.unsubstituted(href);
    if (!variables.isEmpty()) {
      snapshot.note("the link at " + at + " holds " + Variables.describe(variables)
          + ", which TOPdesk did not fill in; the link is left out");
      return;
    }
    snapshot.link(new Link(href, text));
  }
}
