package io.alertbridge.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimesTest {

  @ParameterizedTest
  @CsvSource({
      "2025-03-04T09:15:02Z,                2025-03-04T09:15:02Z",
      "2013-12-12T05:35Z,                   2013-12-12T05:35:00Z",
      "2013-12-12T06:35:10+01:00,           2013-12-12T05:35:10Z",
      "2025-06-11T16:02:55+0200,            2025-06-11T14:02:55Z",
      "2025-06-11T16:02:55+02,              2025-06-11T14:02:55Z",
      "2025-11-18T08:42:17.1234567-0500,    2025-11-18T13:42:17.1234567Z",
      "2024-02-29T23:59:59Z,                2024-02-29T23:59:59Z",
      "2025-03-04T09:15:02.5Z,              2025-03-04T09:15:02.500Z",
      "2013-12-12T06:35:10.123456789+01:00, 2013-12-12T05:35:10.123456789Z",
      "2025-11-18T08:42:17.303,             2025-11-18T08:42:17.303Z",
      "2025-11-18T08:42,                    2025-11-18T08:42:00Z",
  })
  void readsTheTimesToolsSend(String text, Instant expected) {
    assertThat(IsoTimes.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30T09:15:02Z", "2025-13-04T09:15:02Z", "2025-03-04T24:15:02Z",
      "2025-03-04 09:15:02Z", "2025-03-04T09:15:0xZ", "yesterday", "", "2025-11-18", "+2025-11-18T08:42:17",
      "12025-11-18T08:42:17Z",
      "2025-11-18T08:42:17Z ", "2025-11-18T08:42:17.1234567890Z"})
  void refusesWhatIsNotATime(String text) {
    assertThat(IsoTimes.parse(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void refusesALongTextWithoutReadingIt() {
    assertThat(IsoTimes.parse("2025-03-04T09:15:02" + "0".repeat(IsoTimes.MAX_CHARS) + "Z")).isEmpty();
  }
}
