package io.alertbridge.testkit;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.example.ExampleIntegration;
import java.util.Map;

class ExampleIntegrationCompatibilityTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new ExampleIntegration();
  }

  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    return Map.of(
        "new ticket", Deliveries.json("{\"id\": \"1\", \"status\": \"New\", \"summary\": \"Disk full\"}"),
        "closed ticket", Deliveries.json("{\"id\": \"2\", \"status\": \"Closed\"}"),
        "batch", Deliveries.json("[{\"id\": \"3\", \"status\": \"Working\", \"updatedAt\": \"2025-01-01T00:00:00Z\"},"
            + " {\"id\": \"4\", \"status\": \"New\"}]"));
  }
}
