package io.alertbridge.zendesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the ISO-8601 times Zendesk sends: {@code 2025-03-04T09:15:02Z}, and without seconds too. */
final class IsoInstants {
  /** Longer than any such time ({@code 2013-12-12T06:35:10.123456789+01:00} has 35): not parsed at all. */
  private static final int MAX_CHARS = 64;

  private IsoInstants() {}

  /**
   * @param text a time with an offset, e.g. {@code 2013-12-12T05:35Z} or {@code 2013-12-12T06:35:10+01:00}
   * @return the instant, or empty when the text is not such a time (or longer than 64 characters)
   */
  static Optional<Instant> parse(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    Instant common = utcToTheSecond(text);
    if (common != null) {
      return Optional.of(common);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** @return the instant of {@code yyyy-MM-ddTHH:mm:ssZ}, the shape Zendesk signs with; null for any other */
  private static Instant utcToTheSecond(String text) {
    if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
      return null;
    }
    int[] fields = new int[6];
    int[] starts = {0, 5, 8, 11, 14, 17};
    int[] lengths = {4, 2, 2, 2, 2, 2};
    for (int f = 0; f < 6; f++) {
      int value = 0;
      for (int i = starts[f]; i < starts[f] + lengths[f]; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      fields[f] = value;
    }
    try {
      return java.time.LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
          .toInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
