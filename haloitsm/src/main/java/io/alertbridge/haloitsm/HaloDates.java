package io.alertbridge.haloitsm;

import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.json.IsoTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Halo's dates: times as {@link IsoTimes} reads them (no zone means UTC), at most 40 characters, also with
 * a space between date and time; "no date" is a missing key, null, {@code ""} or one of three placeholder
 * dates.
 */
final class HaloDates {
  private static final Set<Instant> NO_DATE = Set.of(
      Instant.parse("0001-01-01T00:00:00Z"),
      Instant.parse("1900-01-01T00:00:00Z"),
      Instant.parse("1899-12-30T00:00:00Z"));
  private static final int MAX_CHARS = 40;
  private static final String EXPECTED = "a date such as \"2025-11-18T08:42:17.303\"";

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
    Optional<Instant> date = value instanceof String text ? parse(text.strip()) : Optional.empty();
    if (date.isEmpty()) {
      throw new InvalidFieldException(fields.pointerOf(name), EXPECTED, Fields.seen(value));
    }
    return date.filter(instant -> !NO_DATE.contains(instant));
  }

  /** @return the instant, placeholders included; empty when the text is not a date */
  private static Optional<Instant> parse(String text) {
    if (text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    // Some exports separate date and time with a space.
    return IsoTimes.parse(text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11) : text);
  }
}
