package io.alertbridge.topdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOPdesk data-dictionary variables ({@code ${naam}}) that are still in a value: TOPdesk leaves a
 * variable as written when it does not know it, so such a value was never filled in.
 */
final class Variables {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private Variables() {}

  /**
   * @param value a string from the body
   * @return the variables it still holds, as written ({@code ${naam}}), in order; empty when none
   */
  static List<String> unsubstituted(String value) {
    if (!value.contains("${")) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(value);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  /**
   * @param variables at least one variable, as written
   * @return {@code the unsubstituted variable ${a}} or {@code the unsubstituted variables ${a}, ${b}}
   */
  static String describe(List<String> variables) {
    return "the unsubstituted variable" + (variables.size() == 1 ? " " : "s ") + String.join(", ", variables);
  }
}
