package io.alertbridge.zendesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the ISO-8601 times Zendesk sends: {@code 2025-03-04T09:15:02Z}, and without seconds too. */
final class IsoInstants {

  private IsoInstants() {}

  /**
   * @param text a time with an offset, e.g. {@code 2013-12-12T05:35Z} or {@code 2013-12-12T06:35:10+01:00}
   * @return the instant, or empty when the text is not such a time
   */
  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
