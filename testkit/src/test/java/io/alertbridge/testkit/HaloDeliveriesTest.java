package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloDeliveriesTest {

  @Test
  void rendersEachShape() {
    HaloDeliveries.Ticket ticket = HaloDeliveries.ticket(4812, 9, "Closed").dateClosed("2025-11-18T11:05:42.117");

    Map<String, Object> recommended = FakeAutotaskApiTest.map(FakeAutotaskApiTest.map(Json.parse(ticket.recommended().body(), 8)).get("ticket"));
    Map<String, Object> full = FakeAutotaskApiTest.map(FakeAutotaskApiTest.map(Json.parse(ticket.full().body(), 8)).get("ticket"));
    List<?> batch = (List<?>) Json.parse(HaloDeliveries.envelopes("ticket status changed", ticket,
        HaloDeliveries.ticket(4813, 1, "New")).body(), 8);

    assertThat(recommended.get("status")).isEqualTo(Map.of("id", 9L, "name", "Closed", "shortname", "Closed"));
    assertThat(full).containsEntry("status_id", 9L).containsEntry("dateclosed", "2025-11-18T11:05:42.117");
    assertThat(batch).hasSize(2);
    assertThat(FakeAutotaskApiTest.map(batch.get(1))).containsEntry("object_id", 4813L).containsEntry("event", "ticket status changed");
  }

  @Test
  void topdeskAndAutotaskBuildersRenderTheWireFormat() {
    assertThat(new String(TopdeskDeliveries.event("RESOLVE", "I 2504 117").field("aanmeldernaam", "Jansen").build().body(),
        java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"eventType\":\"RESOLVE\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver reageert niet\","
            + "\"aanmeldernaam\":\"Jansen\"}");
    assertThat(new String(AutotaskDeliveries.callout(48213, "T20250612.0042").body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("id=48213&number=T20250612.0042");
    assertThat(AutotaskDeliveries.calloutByQuery(48213, "T20250612.0042").query()).isEqualTo("id=48213&number=T20250612.0042");
  }
}
