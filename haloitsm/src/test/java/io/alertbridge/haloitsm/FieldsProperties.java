package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Member look-ups in large objects, through the case-fold index, find what a scan ignoring case finds. */
class FieldsProperties {
  /** Names the ticket reader asks for, and characters that equal some of their letters ignoring case. */
  private static final List<String> NAMES = List.of("id", "status", "status_id", "agent", "dateclosed", "team");
  private static final char[] LETTERS = {'i', 'I', '\u0131', '\u0130', 'd', 'D', 's', 'S', '\u017f', 't', 'T', 'a',
      'u', '_', 'k', 'K', '\u212a', 'e', 'E', 'g', 'n', 'm', 'c', 'l', 'o', '\u00df', '\ud801', '\udc00'};

  @Provide
  Arbitrary<List<String>> memberNames() {
    Arbitrary<String> mangled = Arbitraries.of(NAMES).flatMap(name -> Arbitraries.chars().with(LETTERS)
        .list().ofSize(name.length()).map(chars -> {
          StringBuilder spelled = new StringBuilder();
          for (int i = 0; i < name.length(); i++) {
            char c = chars.get(i);
            spelled.append(Character.toLowerCase(Character.toUpperCase(c)) == name.charAt(i) || c == name.charAt(i)
                || Math.random() < 0.2 ? c : name.charAt(i));
          }
          return spelled.toString();
        }));
    Arbitrary<String> any = Arbitraries.strings().withChars(LETTERS).ofMinLength(1).ofMaxLength(10);
    return Arbitraries.oneOf(mangled, any, Arbitraries.of(NAMES)).list().ofMinSize(17).ofMaxSize(40);
  }

  @Property(tries = 500)
  void theIndexFindsWhatTheScanFinds(@ForAll("memberNames") List<String> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.putIfAbsent(names.get(i), i);
    }
    Fields fields = Fields.of(values, "/ticket");
    JsonObject scanned = JsonObject.of(values, "/ticket");

    for (String name : NAMES) {
      Object expected = scanned.keyIgnoringCase(name).map(values::get).orElse(null);
      assertThat(fields.get(name)).as(name + " in " + values.keySet()).isEqualTo(expected);
      assertThat(fields.has(name)).isEqualTo(scanned.keyIgnoringCase(name).isPresent());
      assertThat(fields.pointerOf(name)).isEqualTo(scanned.pointerOf(scanned.keyIgnoringCase(name).orElse(name)));
    }
  }
}
