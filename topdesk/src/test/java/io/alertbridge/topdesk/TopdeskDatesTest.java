package io.alertbridge.topdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopdeskDatesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2025-04-14T06:32:36.303+0000,   2025-04-14T06:32:36.303Z",
      "2025-04-14T08:32:36.303+0200,   2025-04-14T06:32:36.303Z",
      "2025-04-14T08:32:36.303+02:00,  2025-04-14T06:32:36.303Z",
      "2025-04-14T01:32:36-0500,       2025-04-14T06:32:36Z",
      "2025-04-14T06:32:36Z,           2025-04-14T06:32:36Z",
      "2025-04-14T06:32:36.303,        2025-04-14T06:32:36.303Z",
      "' 2025-04-14T06:32:36.000+0000 ', 2025-04-14T06:32:36Z",
  })
  void readsTheApisTimesWithOrWithoutAColonInTheOffset(String text, Instant expected) {
    assertThat(TopdeskDates.parse(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0} is no time")
  @CsvSource({"14-04-2025 08:32, 2025-04-14T25:00:00+0000, 2025-04-14T06:32:36+00000, '', yesterday"})
  void refusesWhatIsNoTime(String text) {
    assertThat(TopdeskDates.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2025-04-14T06:32:36.999Z, 2025-04-14T06:32:36Z",
      "2025-04-14T06:32:00Z,     2025-04-14T06:32:00Z",
      "1999-12-31T23:59:59.5Z,   1999-12-31T23:59:59Z",
  })
  void writesFiqlTimesInUtcCutToTheSecond(Instant time, String expected) {
    assertThat(TopdeskDates.fiql(time)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "a==1                       | true",
      "(a==1,b==2);c==3           | true",
      "name=='a' (x               | false",
      "name=='it\\'s (x'          | true",
      "name==\"a)b\"              | true",
      "(a==1                      | false",
      "a==1)                      | false",
      ")(                         | false",
      "name=='open                | false",
  })
  void checksBracketsOutsideQuotedValues(String query, boolean balanced) {
    assertThat(Fiql.balanced(query)).isEqualTo(balanced);
  }

  @ParameterizedTest(name = "query [{0}]")
  @CsvSource(delimiter = '|', value = {
      "''                                 | modificationDate=gt=2025-04-14T06:32:36Z",
      "status==secondLine                 | modificationDate=gt=2025-04-14T06:32:36Z;(status==secondLine)",
      "a==1,b==2                          | modificationDate=gt=2025-04-14T06:32:36Z;(a==1,b==2)",
  })
  void combinesTheModificationDateWithTheQuery(String query, String expected) {
    assertThat(Fiql.modifiedAfter(Instant.parse("2025-04-14T06:32:36.303Z"), query)).isEqualTo(expected);
  }
}
