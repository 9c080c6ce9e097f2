package com.example.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.micrometer.MicrometerDeliveryListener;
import io.alertbridge.servlet.AlertBridgeServlet;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import io.alertbridge.zendesk.ZendeskIntegration;
import org.junit.jupiter.api.Test;

/**
 * Where the host's tests run, as its build says ({@code expected.modulePath}): on the module path, as Maven
 * runs a modular host's tests, the host's module (its tests patched into it) and the AlertBridge modules it
 * requires are named, and the test kit, which the host's descriptor does not name, is on the class path;
 * on the class path, nothing is named. Either way the registry finds both integrations.
 */
class HostPathTest {
  private static final boolean MODULE_PATH = Boolean.getBoolean("expected.modulePath");

  @Test
  void theHostAndAlertBridgeAreNamedModulesExactlyOnTheModulePath() {
    if (MODULE_PATH) {
      assertThat(HostWebhooks.class.getModule().getName()).isEqualTo("com.example.host");
      assertThat(WebhookProcessor.class.getModule().getName()).isEqualTo("io.alertbridge.core");
      assertThat(ZendeskIntegration.class.getModule().getName()).isEqualTo("io.alertbridge.zendesk");
      assertThat(AlertBridgeServlet.class.getModule().getName()).isEqualTo("io.alertbridge.servlet");
      assertThat(MicrometerDeliveryListener.class.getModule().getName()).isEqualTo("io.alertbridge.micrometer");
    } else {
      for (Class<?> type : new Class<?>[] {HostWebhooks.class, WebhookProcessor.class, ZendeskIntegration.class,
          AlertBridgeServlet.class, MicrometerDeliveryListener.class}) {
        assertThat(type.getModule().isNamed()).as(type.getName()).isFalse();
      }
    }
  }

  @Test
  void theTestKitIsOnTheClassPath() {
    assertThat(IntegrationCompatibilityKit.class.getModule().isNamed()).isFalse();
  }

  @Test
  void theRegistryFindsTheIntegrations() {
    IntegrationRegistry registry = IntegrationRegistry.load(HostWebhooks.class.getClassLoader());

    assertThat(registry.find("zendesk")).isPresent();
    assertThat(registry.find("topdesk")).isPresent();
  }
}
