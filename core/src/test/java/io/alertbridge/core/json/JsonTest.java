package io.alertbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.MalformedDeliveryException.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"a\": \"b\" \"c\"}       | SYNTAX",
      "{\"a\": 1, \"a\": 2}       | DUPLICATE_KEY",
      "{\"a\": 1} []              | TRAILING_CONTENT",
      "'   '                      | EMPTY",
      "[[[[[[[[[[]]]]]]]]]]       | TOO_DEEP",
  })
  void tellsWhatKindOfProblemStoppedTheReading(String body, Kind kind) {
    assertThatThrownBy(() -> Json.parse(body, 5))
        .isInstanceOfSatisfying(MalformedDeliveryException.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.withHint("; check the template").getMessage()).endsWith("; check the template");
          assertThat(e.withHint("!").kind()).isEqualTo(kind);
        });
  }

  @Test
  void eachCallerNamesWhatItRead() {
    assertThatThrownBy(() -> Json.parse("{\"a\": ", 5))
        .isInstanceOfSatisfying(MalformedDeliveryException.class, e -> {
          assertThat(e.problem()).startsWith("is not valid JSON: ");
          assertThat(e.getMessage()).isEqualTo(e.describe("body")).isEqualTo("body " + e.problem());
          assertThat(e.withHint("; check the template").describe("configuration"))
              .isEqualTo("configuration " + e.problem() + "; check the template");
        });
  }

  @Test
  void aProblemThatNamesItsPlaceReadsTheSameForEveryCaller() {
    assertThatThrownBy(() -> Json.parse("{\"n\": 1e999}", 5))
        .isInstanceOfSatisfying(MalformedDeliveryException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.NUMBER_OUT_OF_RANGE);
          assertThat(e.describe("table")).isEqualTo(e.getMessage()).isEqualTo(e.problem())
              .startsWith("the number at /n has ");
        });
  }

  @Test
  void aDeliveryBodyGetsTheToolsHintForTheKindsItIsFor() {
    byte[] broken = "{\"a\": \"b\" \"c\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] twice = "{\"a\": 1, \"a\": 2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    io.alertbridge.core.Limits limits = io.alertbridge.core.Limits.defaults();

    assertThatThrownBy(() -> Json.parse(broken, limits, "; check the template", Kind.brokenText()))
        .hasMessageStartingWith("body is not valid JSON: ").hasMessageEndingWith("; check the template");
    assertThatThrownBy(() -> Json.parse(twice, limits, "; check the template", java.util.Set.of(Kind.SYNTAX)))
        .hasMessageStartingWith("body is not valid JSON: duplicate key \"a\" at /a").hasMessageNotContaining("check");
  }

  @Test
  void brokenTextInBytesThatAreNotUtf8IsAnEncodingProblem() {
    byte[] latin1 = "{\"summary\": \"caf\u00e9\" x}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Json.parse(latin1, 8))
        .isInstanceOfSatisfying(MalformedDeliveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ENCODING))
        .hasMessageEndingWith("; the body is not UTF-8 text");
  }

  @Test
  void readsPlainJavaValuesInDocumentOrder() {
    Object value = Json.parse("{\"s\": \"x\", \"i\": 3, \"d\": 3.0, \"b\": true, \"n\": null, \"l\": [1]}", 8);

    assertThat(value).isInstanceOf(Map.class);
    List<Object> keys = List.copyOf(((Map<?, ?>) value).keySet());
    List<Object> values = new java.util.ArrayList<>(((Map<?, ?>) value).values());
    assertThat(keys).containsExactly("s", "i", "d", "b", "n", "l");
    assertThat(values).containsExactly("x", 3L, new BigDecimal("3.0"), true, null, List.of(1L));
  }

  @Test
  void writesWhatItReads() {
    String json = "{\"s\":\"caf\u00e9 \\\"quoted\\\"\",\"i\":3,\"d\":3.0,\"b\":true,\"n\":null,\"l\":[1,\"x\"]}";

    assertThat(Json.write(Json.parse(json, 8))).isEqualTo(json);
  }
}
