package io.alertbridge.topdesk;

import static io.alertbridge.core.example.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.LifecycleRule;
import io.alertbridge.core.Priority;
import io.alertbridge.core.Secret;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopdeskIntegrationTest {
  private final TopdeskIntegration integration = new TopdeskIntegration();
  private final TestClock clock = TestClock.at("2025-04-14T06:32:36Z");

  @Test
  void isFoundByTheServiceLoader() {
    IntegrationRegistry registry = IntegrationRegistry.load(TopdeskIntegrationTest.class.getClassLoader());

    assertThat(registry.find("topdesk")).get().isInstanceOf(TopdeskIntegration.class);
  }

  @Test
  void readsJsonAndHasNeitherDeliveryIdNorSignature() {
    assertThat(integration.name()).isEqualTo("topdesk");
    assertThat(integration.mediaTypes()).containsExactly("application/json");
    assertThat(integration.deliveryId(json("{}"))).isEmpty();
    Authentication.Signature signature = (Authentication.Signature) Authentication.signature(Secret.of("s"));
    assertThat(integration.signatureVerifier(signature, clock)).isEmpty();
  }

  @Test
  void hasTheLifecycleTableOfTheSpecification() {
    StatusMappingTable table = integration.defaultTable();

    assertThat(table.toString()).isEqualTo("""
        ALERT -> CREATE / KEEP
        ACCEPT -> IGNORE / ACCEPT
        RESOLVE -> IGNORE / RESOLVE
        any other -> IGNORE / KEEP""");
    assertThat(table.match(CodedValue.of("resolve")).rule())
        .isEqualTo(LifecycleRule.of(LifecycleRule.WhenAbsent.IGNORE, LifecycleRule.WhenOpen.RESOLVE));
  }

  @ParameterizedTest(name = "priority {0} with source default {1} -> {2}")
  @CsvSource({
      "HIGH,    LOW,  HIGH",
      "high,    LOW,  HIGH",
      "Low,     HIGH, LOW",
      "P1,      LOW,  LOW",
      "'',      LOW,  LOW",
      "${prio}, HIGH, HIGH",
  })
  void mapsHighAndLowAndLeavesTheRestToTheSourceDefault(String sent, Priority sourceDefault, Priority expected) {
    AlertSource source = AlertSource.builder("topdesk-prod", TopdeskIntegration.NAME)
        .defaultPriority(sourceDefault).build();
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock).build();

    AlertEvent event = processor.process(source, json("{\"eventType\": \"ALERT\", \"incidentKey\": \"I 1\","
        + " \"priority\": \"" + sent + "\"}")).event().orElseThrow();

    assertThat(event.priority()).isEqualTo(expected);
    assertThat(event.customDetails()).isEmpty();
  }
}
