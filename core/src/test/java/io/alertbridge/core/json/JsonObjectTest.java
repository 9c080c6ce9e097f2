package io.alertbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
  private static final String EXPECTED = "an ISO-8601 time";

  private static JsonObject object(String json) {
    return JsonObject.of(JsonObject.root(Json.parse(json, 8)).values(), "/ticket");
  }

  @Test
  void quotesShortTextAsItIs() {
    assertThat(JsonObject.quote("Open")).isEqualTo("\"Open\"");
  }

  @Test
  void quotesLongTextCutWithAnEllipsisAndControlCharactersReplaced() {
    assertThat(JsonObject.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(64) + "\u2026\"");
    assertThat(JsonObject.quote("line one\nline two\u0000")).isEqualTo("\"line one?line two?\"");
    assertThat(JsonObject.quote("x".repeat(65))).isEqualTo("\"" + "x".repeat(65) + "\"");
    assertThat(JsonObject.quote("x".repeat(63) + "\ud83d\ude00y")).isEqualTo("\"" + "x".repeat(63) + "\u2026\"");
  }

  @Test
  void cutsLongTextToAtMostTheGivenLength() {
    assertThat(JsonObject.cut("abc", 3)).isEqualTo("abc");
    assertThat(JsonObject.cut("abcd", 3)).isEqualTo("ab\u2026");
    assertThat(JsonObject.cut("a\ud83d\ude00b", 3)).isEqualTo("a\u2026");
    assertThatThrownBy(() -> JsonObject.cut("abc", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsAnOptionalTime() {
    JsonObject ticket = object("{\"a\": \" 2025-06-11T16:02:55+0200 \", \"b\": \"\", \"c\": null}");

    assertThat(ticket.optionalInstant("a", EXPECTED)).contains(Instant.parse("2025-06-11T14:02:55Z"));
    assertThat(ticket.optionalInstant("b", EXPECTED)).isEmpty();
    assertThat(ticket.optionalInstant("c", EXPECTED)).isEmpty();
    assertThat(ticket.optionalInstant("missing", EXPECTED)).isEmpty();
  }

  @Test
  void refusesWhatIsNotATime() {
    JsonObject ticket = object("{\"a\": \"yesterday\", \"b\": 12}");

    assertThatThrownBy(() -> ticket.optionalInstant("a", EXPECTED)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"a\": expected an ISO-8601 time at /ticket/a, got \"yesterday\"");
    assertThatThrownBy(() -> ticket.optionalInstant("b", EXPECTED)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("\"b\": expected an ISO-8601 time at /ticket/b, got number");
  }
}
