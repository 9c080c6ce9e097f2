package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void listsEachToolsDeliveriesInScenarioOrder() {
    assertThat(Fixtures.names("zendesk")).hasSize(8).startsWith("01-new-ticket-created").endsWith("08-retried-delivery-of-01");
    assertThat(Fixtures.names("topdesk")).hasSize(6);
    assertThat(Fixtures.names("haloitsm")).hasSize(6);
    assertThat(Fixtures.names("autotask")).hasSize(6).doesNotContain("api-00-zone-information");
  }

  @Test
  void recordedRequestsKeepHeadersAndExactBodyBytes() {
    Delivery delivery = Fixtures.delivery("zendesk", "01-new-ticket-created");

    assertThat(delivery.headers().first("x-zendesk-webhook-invocation-id")).contains("9120456601");
    String body = new String(delivery.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("{\n  \"id\": \"4711\"").endsWith("}");
  }

  @Test
  void bareBodiesAreSentAsJson() {
    Delivery delivery = Fixtures.delivery("topdesk", "01-alert-new-card");

    assertThat(delivery.mediaType()).contains("application/json");
    assertThat(Fixtures.deliveries("haloitsm")).containsKey("06-full-payload-closed");
  }

  @Test
  void theZendeskSignerReproducesTheRecordedSignatures() {
    for (String name : Fixtures.names("zendesk")) {
      Delivery delivery = Fixtures.delivery("zendesk", name);
      String timestamp = delivery.headers().first("X-Zendesk-Webhook-Signature-Timestamp").orElseThrow();

      assertThat(ZendeskDeliveries.signature(Secret.of(Fixtures.ZENDESK_SECRET), timestamp, delivery.body()))
          .as(name).isEqualTo(delivery.headers().first("X-Zendesk-Webhook-Signature").orElseThrow());
    }
  }

  @Test
  void builtZendeskDeliveriesCarryTheirSignatureAndInvocation() {
    Delivery delivery = ZendeskDeliveries.ticket("12", "Solved").priority("Low").invocationId("inv-7")
        .signedWith(Secret.of("s3cret"), Instant.parse("2025-03-04T09:15:02Z")).build();

    assertThat(delivery.headers().first("X-Zendesk-Webhook-Invocation-Id")).contains("inv-7");
    assertThat(delivery.headers().first("X-Zendesk-Webhook-Signature"))
        .contains(ZendeskDeliveries.signature(Secret.of("s3cret"), "2025-03-04T09:15:02Z", delivery.body()));
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).contains("\"status\":\"Solved\"", "\"priority\":\"Low\"");
  }

  @Test
  void unknownFixturesSayWhatIsKnown() {
    assertThatThrownBy(() -> Fixtures.delivery("zendesk", "99-nothing"))
        .hasMessageContaining("no zendesk fixture named 99-nothing; known: [01-new-ticket-created");
  }
}
