package io.alertbridge.autotask;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The compatibility kit, with the recorded tickets served by the loopback API. */
class AutotaskCompatibilityTest extends IntegrationCompatibilityKit {
  private final LoopbackAutotaskApi api = LoopbackAutotaskApi.start()
      .ticket(48213, "api-01-ticket-48213-new.json")
      .ticket(48190, "api-03-ticket-48190-waiting-customer.json")
      .ticket(48227, "api-05-ticket-48227-denied.json")
      .ticket(48235, "api-06-ticket-48235-custom-status.json")
      .ticket(48302, "api-07-ticket-48302-new.json")
      .ticket(48310, "api-09-ticket-48310-user-defined-fields-object.json");

  @AfterEach
  void stop() {
    api.close();
  }

  @Override
  protected Integration createIntegration() {
    return new AutotaskIntegration();
  }

  @Override
  protected AlertSource alertSource(Integration integration) {
    return api.source("compatibility-kit");
  }

  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    Map<String, Delivery> samples = new LinkedHashMap<>();
    for (String name : new String[] {"01-new-ticket", "03-waiting-customer-update", "05-denied-ticket", "06-custom-status",
        "07-cancelled-ticket-callout", "08-user-defined-fields-object-callout"}) {
      samples.put(name, Fixtures.of(AutotaskDeliveries.class).delivery(name));
    }
    return samples;
  }
}
