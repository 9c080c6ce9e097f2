package io.alertbridge.example.servicenow;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.example.servicenow.testing.ServiceNowDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import java.util.LinkedHashMap;
import java.util.Map;

class ServiceNowCompatibilityTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new ServiceNowIntegration();
  }

  /** Every recorded body (each carries sys_updated_on, so a retry is recognised), and a few variations. */
  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    Map<String, Delivery> samples = new LinkedHashMap<>(Fixtures.of(ServiceNowDeliveries.class).deliveries());
    samples.put("labels", ServiceNowDeliveries.incident("INC0010003", "In Progress").priority("2 - High").build());
    samples.put("numbers", ServiceNowDeliveries.incident("INC0010004", "1").state(1).priority(5).build());
    samples.put("no update time", ServiceNowDeliveries.incident("INC0010005", "New").without("sys_updated_on").build());
    return samples;
  }
}
