package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @CsvSource({
      "2025-03-04T09:15:02Z,      2025-03-04T09:15:02Z",
      "2013-12-12T05:35Z,         2013-12-12T05:35:00Z",
      "2013-12-12T06:35:10+01:00, 2013-12-12T05:35:10Z",
      "2024-02-29T23:59:59Z,      2024-02-29T23:59:59Z",
      "2025-03-04T09:15:02.5Z,    2025-03-04T09:15:02.500Z",
  })
  void readsTheTimesZendeskSends(String text, Instant expected) {
    assertThat(IsoInstants.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-02-30T09:15:02Z", "2025-13-04T09:15:02Z", "2025-03-04T24:15:02Z", "2025-03-04 09:15:02Z",
      "2025-03-04T09:15:0xZ", "yesterday", ""})
  void refusesWhatIsNotATime(String text) {
    assertThat(IsoInstants.parse(text)).isEmpty();
  }
}
