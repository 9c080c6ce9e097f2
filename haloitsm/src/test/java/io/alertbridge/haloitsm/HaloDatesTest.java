package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.InvalidFieldException;
import io.alertbridge.core.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HaloDatesTest {

  @SuppressWarnings("unchecked")
  private static Optional<Instant> read(String json) {
    Fields fields = Fields.of((Map<String, Object>) Json.parse("{\"ticket\": {\"date\": " + json + "}}", 8), "");
    return HaloDates.read(fields.object("ticket").orElseThrow(), "date");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2025-11-18T08:42:17, 2025-11-18T08:42:17Z",
      "2025-11-18T08:42:17.3, 2025-11-18T08:42:17.300Z",
      "2025-11-18T08:42:17.303, 2025-11-18T08:42:17.303Z",
      "2025-11-18T08:42:17.3031234, 2025-11-18T08:42:17.3031234Z",
      "2025-11-18T08:42:17.303Z, 2025-11-18T08:42:17.303Z",
      "2025-11-18T08:42:17+01:00, 2025-11-18T07:42:17Z",
      "2025-11-18T08:42:17.1234567-0500, 2025-11-18T13:42:17.1234567Z",
      "2025-11-18T08:42, 2025-11-18T08:42:00Z",
      "2025-11-18 08:42:17, 2025-11-18T08:42:17Z",
  })
  void readsEverySpellingOfADate(String text, String expected) {
    assertThat(read('"' + text + '"')).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"null", "\"\"", "\"  \"", "\"0001-01-01T00:00:00\"", "\"1900-01-01T00:00:00\"",
      "\"1899-12-30T00:00:00\"", "\"1900-01-01T00:00:00.000Z\"", "\"0001-01-01T00:00:00Z\""})
  void readsEveryNoDateAsEmpty(String json) {
    assertThat(read(json)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void readsAMissingDateAsEmpty() {
    assertThat(HaloDates.read(Fields.of(Map.of(), "/ticket"), "dateclosed")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"yesterday\"", "\"2025-02-30T00:00:00\"", "\"2025-11-18\"", "\"2025-11-18T25:00:00\"",
      "12345", "true", "\"+2025-11-18T08:42:17\""})
  void refusesAnythingElse(String json) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("\"date\": expected a date such as \"2025-11-18T08:42:17.303\" at /ticket/date, got ");
  }
}
