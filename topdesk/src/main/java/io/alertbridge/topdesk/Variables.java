package io.alertbridge.topdesk;

import io.alertbridge.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * TOPdesk data-dictionary variables ({@code ${naam}}) that are still in a value: TOPdesk leaves a
 * variable as written when it does not know it, so such a value was never filled in.
 *
 * <p>A variable is a <code>${</code> and everything up to the first <code>}</code> after it, as the
 * pattern <code>\$\{[^}]*}</code> finds them, one after the other. The scan is linear in the value's
 * length whatever it holds (that pattern takes quadratic time on a value of many <code>${</code> and
 * no <code>}</code>), and what it keeps is bounded: the first {@value #MAX_LISTED} variables, each cut to
 * {@value #MAX_SHOWN_CHARS} characters, and the count of all of them.
 */
final class Variables {
  /** The most variables listed in a message; the rest are counted. */
  static final int MAX_LISTED = 5;
  /** The most characters of one variable shown in a message. */
  static final int MAX_SHOWN_CHARS = 64;

  /**
   * The variables still in a value.
   *
   * @param listed the first ones, as written (cut to {@value #MAX_SHOWN_CHARS} characters), in order
   * @param count how many there are in all
   */
  record Found(List<String> listed, int count) {
    static final Found NONE = new Found(List.of(), 0);

    boolean isEmpty() {
      return count == 0;
    }
  }

  private Variables() {}

  /**
   * @param value a string from the body
   * @return the variables it still holds; {@link Found#NONE} when none
   */
  static Found unsubstituted(String value) {
    int start = value.indexOf("${");
    if (start < 0) {
      return Found.NONE;
    }
    List<String> listed = new ArrayList<>();
    int count = 0;
    while (start >= 0) {
      int close = value.indexOf('}', start + 2);
      if (close < 0) {
        // no "}" after this "${", so none after any later one either
        break;
      }
      count++;
      if (listed.size() < MAX_LISTED) {
        listed.add(shown(value, start, close + 1));
      }
      start = value.indexOf("${", close + 1);
    }
    return count == 0 ? Found.NONE : new Found(List.copyOf(listed), count);
  }

  /** @return the variable as written, cut to {@value #MAX_SHOWN_CHARS} characters without copying more */
  private static String shown(String value, int start, int end) {
    return JsonObject.cut(value.substring(start, Math.min(end, start + MAX_SHOWN_CHARS + 1)), MAX_SHOWN_CHARS);
  }

  /**
   * @param found at least one variable
   * @return {@code the unsubstituted variable ${a}}, {@code the unsubstituted variables ${a}, ${b}}, or
   *     with more than {@value #MAX_LISTED}, {@code ... ${e} and 7 more}
   */
  static String describe(Found found) {
    String listed = String.join(", ", found.listed());
    int more = found.count() - found.listed().size();
    return "the unsubstituted variable" + (found.count() == 1 ? " " : "s ") + listed
        + (more > 0 ? " and " + more + " more" : "");
  }
}
