package io.alertbridge.topdesk;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import io.alertbridge.topdesk.testing.TopdeskDeliveries;
import java.util.Map;
import java.util.stream.Collectors;

class TopdeskCompatibilityTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new TopdeskIntegration();
  }

  /** Every fixture but the one with unsubstituted placeholders, which is refused on purpose. */
  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    return Fixtures.of(TopdeskDeliveries.class).deliveries().entrySet().stream()
        .filter(e -> !e.getKey().contains("unresolved-placeholders"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
