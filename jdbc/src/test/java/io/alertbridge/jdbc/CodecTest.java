package io.alertbridge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Priority;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The event column's format: what earlier releases wrote still reads, and writing keeps that format. */
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
}
