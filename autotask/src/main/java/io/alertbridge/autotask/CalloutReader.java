package io.alertbridge.autotask;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an extension callout's name-value pairs: from the form body, and from the query string (which
 * fills what the body lacks, so a GET works too). Keys are matched ignoring case; unknown keys are
 * ignored.
 */
final class CalloutReader {
  private static final Pattern POSITIVE_INTEGER = Pattern.compile("0*[1-9][0-9]{0,18}");

  /** What a callout names: the ticket id and, if sent, its number. */
  record Callout(long id, Optional<String> number) {}

  private CalloutReader() {}

  /**
   * @param delivery the callout
   * @return the ticket it names
   * @throws MalformedDeliveryException when the body is not form data
   * @throws InvalidFieldException when the id is missing, repeated with another value, or not a
   *     positive integer
   */
  static Callout read(Delivery delivery) {
    Fields body = fields(text(delivery.body()), "body");
    Fields query = fields(delivery.query(), "query string");
    String idKey = body.idKey != null ? body.idKey : query.idKey;
    String id = body.idKey != null ? body.id : query.id;
    String number = body.number != null ? body.number : query.number;
    String pointer = "/" + (idKey == null ? "id" : idKey);
    if (id == null || id.isBlank()) {
      throw new InvalidFieldException(pointer, "a positive integer (the ticket id)", id == null ? "nothing" : "an empty value");
    }
    String trimmed = id.strip();
    long value;
    try {
      value = POSITIVE_INTEGER.matcher(trimmed).matches() ? Long.parseLong(trimmed) : 0;
    } catch (NumberFormatException tooLarge) {
      value = 0;
    }
    if (value <= 0) {
      throw new InvalidFieldException(pointer, "a positive integer (the ticket id)", JsonObject.quote(trimmed));
    }
    return new Callout(value, Optional.ofNullable(number).map(String::strip).filter(n -> !n.isEmpty()));
  }

  private static String text(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedDeliveryException("is not form data: its bytes are not UTF-8",
          MalformedDeliveryException.Kind.UNREADABLE, 0, 0);
    }
  }

  private static Fields fields(String text, String where) {
    Fields fields = new Fields();
    if (text.isBlank()) {
      return fields;
    }
    for (String pair : text.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals), where).strip();
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), where);
      switch (key.toLowerCase(Locale.ROOT)) {
        case "id", "ticketid" -> {
          if (fields.idKey != null && !fields.id.strip().equals(value.strip())) {
            throw new InvalidFieldException("/" + key, "one ticket id", "two different values in the " + where);
          }
          fields.idKey = key;
          fields.id = value;
        }
        case "number", "ticketnumber" -> fields.number = fields.number == null ? value : fields.number;
        default -> {
          // unknown keys are ignored
        }
      }
    }
    return fields;
  }

  private static String decode(String text, String where) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw MalformedDeliveryException.standalone(where + " is not form data: a broken %-escape",
          MalformedDeliveryException.Kind.SYNTAX, 0, 0);
    }
  }

  private static final class Fields {
    private String idKey;
    private String id;
    private String number;
  }
}
