package io.alertbridge.zendesk;

import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.ApiClient;
import io.alertbridge.core.http.ApiException;
import io.alertbridge.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk's error answers: {@code {"error": "RecordInvalid", "description": "Record validation errors",
 * "details": {"status": [{"description": "Status: is invalid", "error": "InvalidValue"}]}}}, or {@code
 * {"error": {"title": ..., "message": ...}}}. Their text goes into the exception, cut and without control
 * characters.
 */
final class ZendeskErrors {
  /** The most characters of Zendesk's own words in a message. */
  static final int MAX_TEXT_CHARS = 300;
  /** The most validation details read. */
  private static final int MAX_DETAILS = 8;

  private ZendeskErrors() {}

  /**
   * @param answer an answer whose status is not 2xx
   * @param limits the bounds on parsing its body
   * @return the failure, with Zendesk's message when the body carries one, else the body's text
   */
  static ApiException failure(ApiClient.Answer answer, Limits limits) {
    ApiException plain;
    try {
      answer.requireSuccess();
      throw new IllegalArgumentException("the answer succeeded: " + answer);
    } catch (ApiException e) {
      plain = e;
    }
    Optional<String> message = message(answer.body(), limits);
    if (message.isEmpty()) {
      return plain;
    }
    return new ApiException(plain.reason(), "Zendesk answered HTTP " + answer.status() + " to " + answer.request()
        + ": " + message.get(), answer.status(), plain.retryAfter().orElse(null), null);
  }

  /** @return the error, its description and its details' descriptions, when the body is Zendesk's error JSON */
  static Optional<String> message(byte[] body, Limits limits) {
    Object parsed;
    try {
      parsed = Json.parse(body, limits);
    } catch (MalformedDeliveryException e) {
      return Optional.empty();
    }
    if (!(parsed instanceof Map<?, ?> root)) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    Object error = root.get("error");
    if (error instanceof String text) {
      parts.add(text);
    } else if (error instanceof Map<?, ?> object) {
      addText(object.get("title"), parts);
      addText(object.get("message"), parts);
    }
    addText(root.get("description"), parts);
    List<String> details = new ArrayList<>();
    if (root.get("details") instanceof Map<?, ?> fields) {
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        if (field.getValue() instanceof List<?> list) {
          for (Object item : list) {
            if (details.size() < MAX_DETAILS && item instanceof Map<?, ?> detail
                && detail.get("description") instanceof String text && !text.isBlank()) {
              details.add(field.getKey() + ": " + text.strip());
            }
          }
        }
      }
    }
    if (parts.isEmpty() && details.isEmpty()) {
      return Optional.empty();
    }
    String text = String.join(": ", parts) + (details.isEmpty() ? "" : (parts.isEmpty() ? "" : " ")
        + "(" + String.join("; ", details) + ")");
    return Optional.of(clean(text));
  }

  private static void addText(Object value, List<String> parts) {
    if (value instanceof String text && !text.isBlank()) {
      parts.add(text.strip());
    }
  }

  private static String clean(String text) {
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_TEXT_CHARS + 1));
    for (int i = 0; i < text.length() && clean.length() < MAX_TEXT_CHARS; i++) {
      char c = text.charAt(i);
      clean.append(Character.isISOControl(c) ? ' ' : c);
    }
    return clean + (text.length() > MAX_TEXT_CHARS ? "\u2026" : "");
  }
}
