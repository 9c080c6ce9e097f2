package io.alertbridge.topdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopdeskDeliveriesTest {

  @Test
  void rendersTheWireFormat() {
    assertThat(new String(TopdeskDeliveries.event("RESOLVE", "I 2504 117").field("aanmeldernaam", "Jansen").build().body(),
        StandardCharsets.UTF_8))
        .isEqualTo("{\"eventType\":\"RESOLVE\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver reageert niet\","
            + "\"aanmeldernaam\":\"Jansen\"}");
  }

  @Test
  void theRecordedDeliveriesAreBareJsonBodiesAndTheApiAnswersAreNotAmongThem() {
    Fixtures fixtures = Fixtures.of(TopdeskDeliveries.class);

    assertThat(fixtures.names()).hasSize(6).startsWith("01-alert-new-card").noneMatch(name -> name.startsWith("api-"));
    assertThat(fixtures.delivery("01-alert-new-card").mediaType()).contains("application/json");
    assertThat(fixtures.text("api-01-incident-open-second-line.json")).contains("\"number\"");
  }
}
