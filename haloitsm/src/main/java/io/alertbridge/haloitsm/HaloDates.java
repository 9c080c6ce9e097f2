package io.alertbridge.haloitsm;

import io.alertbridge.core.InvalidFieldException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.Set;

/**
 * Halo's dates: ISO-8601 with 0 to 7 fraction digits, with or without a zone (none means UTC), and
 * "no date" written as a missing key, null, {@code ""} or one of three placeholder dates.
 */
final class HaloDates {
  private static final Set<LocalDateTime> NO_DATE = Set.of(
      LocalDateTime.of(1, 1, 1, 0, 0),
      LocalDateTime.of(1900, 1, 1, 0, 0),
      LocalDateTime.of(1899, 12, 30, 0, 0));

  private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
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

  private HaloDates() {}

  /**
   * @param fields the object holding the date
   * @param name the member name
   * @return the instant; empty for every spelling of "no date"
   * @throws InvalidFieldException when the member holds something else
   */
  static Optional<Instant> read(Fields fields, String name) {
    Object value = fields.get(name);
    if (value == null || value instanceof String s && s.isBlank()) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new InvalidFieldException(fields.pointerOf(name), "a date such as \"2025-11-18T08:42:17.303\"",
          Fields.seen(value));
    }
    try {
      return parse(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidFieldException(fields.pointerOf(name), "a date such as \"2025-11-18T08:42:17.303\"",
          Fields.seen(value));
    }
  }

  /** @return the instant, or empty for a placeholder date */
  static Optional<Instant> parse(String text) {
    if (text.isEmpty() || text.length() > 40 || text.charAt(0) == '+' || text.charAt(0) == '-') {
      throw new DateTimeParseException("not a Halo date", text, 0);
    }
    // Some exports separate date and time with a space.
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    TemporalAccessor parsed = FORMAT.parse(iso);
    LocalDateTime local = LocalDateTime.from(parsed);
    if (NO_DATE.contains(local)) {
      return Optional.empty();
    }
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
    return Optional.of(local.toInstant(offset));
  }
}
