package io.alertbridge.core.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the ISO-8601 times ticketing tools send: a date, {@code T}, hours and minutes, optional seconds
 * with 0 to 9 fraction digits, then {@code Z}, an offset ({@code +01:00}, {@code +0100} or {@code +01}) or
 * nothing, which means UTC. The year has four digits and no sign. Texts longer than {@value #MAX_CHARS}
 * characters are not parsed at all.
 */
public final class IsoTimes {
  /** The longest text read: {@code 2013-12-12T06:35:10.123456789+01:00} has 35 characters. */
  public static final int MAX_CHARS = 64;

  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
      .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
      .appendValue(ChronoField.DAY_OF_MONTH, 2)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private IsoTimes() {}

  /**
   * @param text a time such as {@code 2025-03-04T09:15:02Z}, {@code 2013-12-12T05:35Z},
   *     {@code 2025-11-18T08:42:17.303} (UTC) or {@code 2025-06-11T16:02:55+0200}; not stripped
   * @return the instant, or empty when the text is not such a time (or longer than {@value #MAX_CHARS}
   *     characters); never throws for any text
   */
  public static Optional<Instant> parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    Instant common = utcToTheSecond(text);
    if (common != null) {
      return Optional.of(common);
    }
    try {
      TemporalAccessor parsed = FORMAT.parse(text);
      ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
      return Optional.of(LocalDateTime.from(parsed).toInstant(offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** @return the instant of {@code yyyy-MM-ddTHH:mm:ssZ}, the most common shape, read without a formatter; else null */
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
      return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
