package io.alertbridge.autotask.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutotaskDeliveriesTest {

  @Test
  void rendersTheWireFormat() {
    assertThat(new String(AutotaskDeliveries.callout(48213, "T20250612.0042").body(), StandardCharsets.UTF_8))
        .isEqualTo("id=48213&number=T20250612.0042");
    assertThat(AutotaskDeliveries.calloutByQuery(48213, "T20250612.0042").query()).isEqualTo("id=48213&number=T20250612.0042");
  }

  @Test
  void theRecordedCalloutsLeaveOutTheApiAnswers() {
    Fixtures fixtures = Fixtures.of(AutotaskDeliveries.class);

    assertThat(fixtures.names()).hasSize(8).startsWith("01-new-ticket").doesNotContain("api-00-zone-information");
    assertThat(fixtures.text("api-01-ticket-48213-new.json")).contains("\"id\": 48213");
  }
}
