package io.alertbridge.haloitsm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaloDeliveriesTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void rendersEachShape() {
    HaloDeliveries.Ticket ticket = HaloDeliveries.ticket(4812, 9, "Closed").dateClosed("2025-11-18T11:05:42.117");

    Map<String, Object> recommended = map(map(Json.parse(ticket.recommended().body(), 8)).get("ticket"));
    Map<String, Object> full = map(map(Json.parse(ticket.full().body(), 8)).get("ticket"));
    List<?> batch = (List<?>) Json.parse(HaloDeliveries.envelopes("ticket status changed", ticket,
        HaloDeliveries.ticket(4813, 1, "New")).body(), 8);

    assertThat(recommended.get("status")).isEqualTo(Map.of("id", 9L, "name", "Closed", "shortname", "Closed"));
    assertThat(full).containsEntry("status_id", 9L).containsEntry("dateclosed", "2025-11-18T11:05:42.117");
    assertThat(batch).hasSize(2);
    assertThat(map(batch.get(1))).containsEntry("object_id", 4813L).containsEntry("event", "ticket status changed");
  }

  @Test
  void theRecordedDeliveriesAreBareJsonBodiesInScenarioOrder() {
    Fixtures fixtures = Fixtures.of(HaloDeliveries.class);

    assertThat(fixtures.names()).hasSize(11).startsWith("01-new-ticket-logged")
        .endsWith("11-full-payload-status-id-only-new");
    assertThat(fixtures.deliveries().values()).allSatisfy(delivery ->
        assertThat(delivery.mediaType()).contains("application/json"));
  }
}
