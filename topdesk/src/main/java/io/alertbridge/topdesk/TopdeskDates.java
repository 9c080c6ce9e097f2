package io.alertbridge.topdesk;

import io.alertbridge.core.json.IsoTimes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * TOPdesk's times. The API writes {@code 2025-04-14T06:32:36.303+0000}: milliseconds and an offset without
 * a colon, which {@link java.time.OffsetDateTime#parse} refuses; the reader here also takes {@code Z}, {@code
 * +02:00}, {@code +02}, no fraction or no offset (UTC). FIQL takes {@code yyyy-MM-ddTHH:mm:ssZ}.
 */
final class TopdeskDates {
  private static final DateTimeFormatter FIQL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private TopdeskDates() {}

  /**
   * @param text a time as the API writes it
   * @return the instant, or empty when the text is not a time (or longer than {@value IsoTimes#MAX_CHARS}
   *     characters); never throws
   */
  static Optional<Instant> parse(String text) {
    return IsoTimes.parse(text.strip());
  }

  /**
   * @param time a time
   * @return the time for a FIQL query, in UTC to the second, cut down (not rounded): {@code
   *     2025-04-14T06:32:36Z}; a filter "after" it may then read a little before {@code time}, never less
   */
  static String fiql(Instant time) {
    return FIQL.format(time.truncatedTo(ChronoUnit.SECONDS));
  }
}
