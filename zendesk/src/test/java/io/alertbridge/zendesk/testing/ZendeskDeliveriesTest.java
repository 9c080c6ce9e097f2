package io.alertbridge.zendesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Secret;
import io.alertbridge.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZendeskDeliveriesTest {
  private static final Fixtures FIXTURES = Fixtures.of(ZendeskDeliveries.class);

  @Test
  void listsTheRecordedDeliveriesInScenarioOrder() {
    assertThat(FIXTURES.names()).hasSize(16).startsWith("01-new-ticket-created").endsWith("27-updated-at-plain-date");
  }

  @Test
  void recordedRequestsKeepHeadersAndExactBodyBytes() {
    Delivery delivery = FIXTURES.delivery("01-new-ticket-created");

    assertThat(delivery.headers().first("x-zendesk-webhook-invocation-id")).contains("9120456601");
    String body = new String(delivery.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("{\n  \"id\": \"4711\"").endsWith("}");
  }

  @Test
  void theSignatureReproducesTheRecordedSignatures() {
    for (String name : FIXTURES.names()) {
      Delivery delivery = FIXTURES.delivery(name);
      String timestamp = delivery.headers().first("X-Zendesk-Webhook-Signature-Timestamp").orElseThrow();

      assertThat(ZendeskDeliveries.signature(Secret.of(ZendeskDeliveries.FIXTURE_SECRET), timestamp, delivery.body()))
          .as(name).isEqualTo(delivery.headers().first("X-Zendesk-Webhook-Signature").orElseThrow());
    }
  }

  @Test
  void builtDeliveriesCarryTheirSignatureAndInvocation() {
    Delivery delivery = ZendeskDeliveries.ticket("12", "Solved").priority("Low").invocationId("inv-7")
        .signedWith(Secret.of("s3cret"), Instant.parse("2025-03-04T09:15:02Z")).build();

    assertThat(delivery.headers().first("X-Zendesk-Webhook-Invocation-Id")).contains("inv-7");
    assertThat(delivery.headers().first("X-Zendesk-Webhook-Signature"))
        .contains(ZendeskDeliveries.signature(Secret.of("s3cret"), "2025-03-04T09:15:02Z", delivery.body()));
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).contains("\"status\":\"Solved\"", "\"priority\":\"Low\"");
  }

  @Test
  void unknownFixturesSayWhatIsKnown() {
    assertThatThrownBy(() -> FIXTURES.delivery("99-nothing"))
        .hasMessageContaining("no fixture named 99-nothing in fixtures/ next to " + ZendeskDeliveries.class.getName()
            + "; known: [01-new-ticket-created");
  }
}
