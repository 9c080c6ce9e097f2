package io.alertbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonObjectTest {
  @Test
  void quotesShortTextAsItIs() {
    assertThat(JsonObject.quote("Open")).isEqualTo("\"Open\"");
  }

  @Test
  void quotesLongTextCutWithAnEllipsisAndControlCharactersReplaced() {
    assertThat(JsonObject.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(64) + "\u2026\"");
    assertThat(JsonObject.quote("line one\nline two\u0000")).isEqualTo("\"line one?line two?\"");
    assertThat(JsonObject.quote("x".repeat(63) + "\ud83d\ude00")).isEqualTo("\"" + "x".repeat(63) + "\u2026\"");
  }
}
