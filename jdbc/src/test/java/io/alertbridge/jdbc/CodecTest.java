package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Priority;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.TicketChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON columns' formats: what earlier releases wrote still reads, writing keeps that format, and
 * changes and echoes keep their instants to the nanosecond, also before 1970.
 */
class CodecTest {
  /** An event as earlier releases wrote it, truncated fields as lower-case names. */
  private static final String WRITTEN_BEFORE = "{\"format\":1,\"eventId\":\"a-1/alert\",\"alertId\":\"a-1\","
      + "\"eventType\":\"ALERT\",\"alertKey\":\"4711\",\"summary\":\"Disk full\",\"details\":\"d\","
      + "\"priority\":\"HIGH\",\"links\":[],\"customDetails\":{},\"source\":\"zendesk-prod\","
      + "\"ticketStatus\":\"New\",\"truncated\":[\"details\",\"summary\"]}";

  private static final AlertEvent EVENT = new AlertEvent("a-1/alert", "a-1", EventType.ALERT, "4711", "Disk full",
      "d", Priority.HIGH, List.of(), Map.of(), "zendesk-prod", "New",
      Set.of(AlertEvent.Field.SUMMARY, AlertEvent.Field.DETAILS));

  @Test
  void readsEventsWrittenByEarlierReleases() {
    assertThat(Codec.event(WRITTEN_BEFORE)).isEqualTo(EVENT);
  }

  @Test
  void writesTheSameNamesAsEarlierReleases() {
    assertThat(Codec.event(EVENT)).contains("\"alertKey\":\"4711\"", "\"source\":\"zendesk-prod\"",
        "\"truncated\":[\"summary\",\"details\"]");
    assertThat(Codec.event(Codec.event(EVENT))).isEqualTo(EVENT);
  }

  @Test
  void changesAndEchoesKeepEveryFieldAndTheirInstantsExactly() {
    for (Instant instant : List.of(Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.EPOCH,
        Instant.parse("2025-03-04T09:15:00.000000001Z"), Instant.parse("+10000-01-01T00:00:00Z"))) {
      TicketChange noteOnly = new TicketChange("c-1", "a-1", AlertState.RESOLVED, Optional.empty(), "n\u00e9\n\"",
          instant);
      TicketChange withStatus = new TicketChange("c-2", "a-1", AlertState.ACCEPTED, Optional.of(""), "", instant);
      StoredAlert.Echo echo = new StoredAlert.Echo(List.of("inprogress", "r\u00e9solu"), instant);

      assertThat(Codec.change(Codec.change(noteOnly))).isEqualTo(noteOnly);
      assertThat(Codec.change(Codec.change(withStatus))).isEqualTo(withStatus);
      assertThat(Codec.echo(Codec.echo(Optional.of(echo)))).contains(echo);
    }
    assertThat(Codec.echo(Optional.empty())).isNull();
    assertThat(Codec.echo((String) null)).isEmpty();
    assertThat(Codec.change(new TicketChange("c-1", "a-1", AlertState.ACCEPTED, Optional.empty(), "n",
        Instant.parse("2025-03-04T09:15:00Z")))).isEqualTo("{\"format\":1,\"changeId\":\"c-1\",\"alertId\":\"a-1\","
        + "\"state\":\"ACCEPTED\",\"note\":\"n\",\"requestedAt\":\"1741079700.000000000\"}");
  }

  @Test
  void unreadableChangesAndEchoesSayWhatIsWrong() {
    assertThatThrownBy(() -> Codec.change("{\"format\":2}")).hasMessageContaining("unknown change format 2");
    assertThatThrownBy(() -> Codec.change("{\"format\":1,\"changeId\":7}")).hasMessageContaining("changeId");
    assertThatThrownBy(() -> Codec.echo("{\"statusKeys\":[\"a\"],\"until\":\"soon\"}"))
        .hasMessageContaining("echo's until");
    assertThatThrownBy(() -> Codec.echo("[]")).hasMessageContaining("echo as a JSON object");
  }
}
