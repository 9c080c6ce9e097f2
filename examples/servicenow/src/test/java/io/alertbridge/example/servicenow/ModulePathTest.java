package io.alertbridge.example.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.example.servicenow.testing.ServiceNowDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run on the module path: the integration and the test kit are named modules, the
 * registry finds the integration through its module's {@code provides}, and the test kit reads the
 * fixtures (a recorded request too) from the opened package.
 */
class ModulePathTest {

  @Test
  void theIntegrationAndTheTestKitAreNamedModules() {
    assertThat(ServiceNowIntegration.class.getModule().getName()).isEqualTo("io.alertbridge.example.servicenow");
    assertThat(IntegrationCompatibilityKit.class.getModule().getName()).isEqualTo("io.alertbridge.testkit");
    assertThat(Integration.class.getModule().getName()).isEqualTo("io.alertbridge.core");
  }

  @Test
  void theRegistryFindsTheIntegration() {
    assertThat(IntegrationRegistry.load(getClass().getClassLoader()).find(ServiceNowIntegration.NAME))
        .get().isInstanceOf(ServiceNowIntegration.class);
  }

  @Test
  void theTestKitReadsEveryFixture() {
    Fixtures fixtures = Fixtures.of(ServiceNowDeliveries.class);

    assertThat(fixtures.deliveries()).hasSize(7);
    assertThat(fixtures.delivery("07-new-incident-recorded-request").headers().first("X-AlertBridge-Secret"))
        .contains("s3cret-from-the-rest-message");
  }
}
