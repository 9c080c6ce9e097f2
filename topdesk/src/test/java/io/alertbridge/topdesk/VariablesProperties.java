package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The linear scan for unsubstituted variables finds exactly what the pattern it replaces found. */
class VariablesProperties {
  /** The pattern the scan replaces: quadratic on many "${" without "}", and the reference for what it finds. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

  private static List<String> byPattern(String value) {
    List<String> found = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(value);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  @Property(tries = 2000)
  void findsWhatThePatternFinds(@ForAll @StringLength(max = 40) @Chars({'$', '{', '}', 'a', ' '})
      @CharRange(from = 'x', to = 'z') String value) {
    List<String> expected = byPattern(value);

    Variables.Found found = Variables.unsubstituted(value);

    assertThat(found.count()).isEqualTo(expected.size());
    assertThat(found.listed()).isEqualTo(expected.subList(0, Math.min(expected.size(), Variables.MAX_LISTED)));
  }

  @Test
  void describesTheFirstFiveAndCountsTheRest() {
    assertThat(Variables.describe(Variables.unsubstituted("${a}"))).isEqualTo("the unsubstituted variable ${a}");
    assertThat(Variables.describe(Variables.unsubstituted("x ${a} ${b}"))).isEqualTo(
        "the unsubstituted variables ${a}, ${b}");
    assertThat(Variables.describe(Variables.unsubstituted("${1}${2}${3}${4}${5}${6}${7}"))).isEqualTo(
        "the unsubstituted variables ${1}, ${2}, ${3}, ${4}, ${5} and 2 more");
    assertThat(Variables.unsubstituted("${${${a}").listed()).containsExactly("${${${a}");
    assertThat(Variables.unsubstituted("${a ${b").isEmpty()).isTrue();
  }

  @Test
  void cutsALongVariable() {
    String shown = Variables.unsubstituted("${" + "x".repeat(1000) + "}").listed().get(0);

    assertThat(shown).hasSize(Variables.MAX_SHOWN_CHARS).startsWith("${xx").endsWith("x\u2026");
  }
}
