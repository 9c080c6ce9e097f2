package io.alertbridge.core;

import io.alertbridge.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks an integration's {@link IntegrationSettings} make of their values, from JSON or a
 * builder. Each adds what is wrong to a list instead of throwing, so that every problem is reported at
 * once, names where the value is (a JSON pointer or a builder method), and never shows a secret.
 */
public final class SettingChecks {
  private static final int MAX_SHOWN_CHARS = 40;

  private SettingChecks() {}

  /**
   * @param source an alert source
   * @param integration the integration's name, for the message
   * @param type the settings the integration reads
   * @return a problem when the source has settings of another type; none when it has none or these
   */
  public static List<String> typeOf(AlertSource source, String integration, Class<? extends IntegrationSettings> type) {
    return source.settings().filter(settings -> !type.isInstance(settings))
        .map(settings -> List.of("the " + integration + " integration takes " + type.getSimpleName() + ", not "
            + settings.getClass().getSimpleName()))
        .orElse(List.of());
  }

  /**
   * @param text a value
   * @param at where it is
   * @param problems where a problem is added
   * @return whether it is not blank
   */
  public static boolean nonBlank(String text, String at, List<String> problems) {
    if (text.isBlank()) {
      problems.add("expected a non-blank string at " + at);
      return false;
    }
    return true;
  }

  /**
   * @param text an address, e.g. {@code https://example.halopsa.com}
   * @param example an address of the right kind, for the message
   * @param at where it is
   * @param problems where a problem is added
   * @return the http(s) address ending in {@code /}, or null when it is not one without user, query or
   *     fragment
   */
  public static URI url(String text, String example, String at, List<String> problems) {
    String value = text.strip();
    try {
      URI uri = new URI(value.endsWith("/") ? value : value + '/');
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add("expected an http(s) address without user, query or fragment, such as " + example + ", at " + at);
    return null;
  }

  /**
   * @param text an ISO-8601 duration, e.g. {@code PT10S}
   * @param at where it is
   * @param problems where a problem is added
   * @return the duration, or null when it is not a positive one
   */
  public static Duration duration(String text, String at, List<String> problems) {
    try {
      Duration duration = Duration.parse(text.strip());
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add("expected a positive ISO-8601 duration such as PT10S at " + at + ", got "
        + JsonObject.quote(JsonObject.cut(text, MAX_SHOWN_CHARS)));
    return null;
  }

  /**
   * @param duration a duration given to a builder
   * @param name the builder method, for the message
   * @param problems where a problem is added
   * @return the duration, or null when it is not positive
   */
  public static Duration positive(Duration duration, String name, List<String> problems) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      problems.add(name + " must be positive, got " + duration);
      return null;
    }
    return duration;
  }
}
