package io.alertbridge.testkit;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a recorded HTTP request: header lines {@code Name: value} (LF or CRLF), one empty line, then
 * the body bytes exactly as they are, with no newline added or removed. The same format as the
 * command-line tool's {@code .http} files; kept here so that the kit needs only core's public API and
 * works on the class path beside core on the module path.
 */
final class RecordedRequests {

  private RecordedRequests() {}

  /**
   * @param message the recorded request
   * @return the delivery it describes
   * @throws IllegalArgumentException when a header line has no colon
   */
  static Delivery parse(byte[] message) {
    List<String> namesAndValues = new ArrayList<>();
    int start = 0;
    while (start < message.length) {
      int newline = start;
      while (newline < message.length && message[newline] != '\n') {
        newline++;
      }
      int end = newline > start && message[newline - 1] == '\r' ? newline - 1 : newline;
      int next = Math.min(newline + 1, message.length);
      if (end == start) {
        start = next;
        break;
      }
      String line = new String(message, start, end - start, StandardCharsets.UTF_8);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected a header line \"Name: value\", got \"" + line + '"');
      }
      namesAndValues.add(line.substring(0, colon).strip());
      namesAndValues.add(line.substring(colon + 1).strip());
      start = next;
    }
    byte[] body = Arrays.copyOfRange(message, Math.min(start, message.length), message.length);
    return Delivery.of(Headers.of(namesAndValues.toArray(String[]::new)), body);
  }
}
