package io.alertbridge.haloitsm;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class HaloCompatibilityTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new HaloItsmIntegration();
  }

  /**
   * The recorded bodies whose statuses a retry cannot change (the recorded bodies carry no update
   * time, so a retried In Progress would accept the alert it created), and every shape with an
   * update time.
   */
  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    Map<String, Delivery> samples = new LinkedHashMap<>();
    for (String name : List.of("01-new-ticket-logged", "04-status-resolved-custom", "05-status-closed",
        "06-full-payload-closed")) {
      samples.put(name, Halo.fixture(name));
    }
    HaloDeliveries.Ticket inProgress = HaloDeliveries.ticket(4813, 2, "In Progress")
        .lastActionDate("2025-11-18T09:15:00.5");
    samples.put("full in progress", inProgress.full());
    samples.put("envelope in progress", inProgress.envelope("ticket status changed"));
    samples.put("batch", HaloDeliveries.envelopes("ticket status changed", inProgress,
        HaloDeliveries.ticket(4814, 1, "New"), HaloDeliveries.ticket(4815, 9, "Closed").hasBeenClosed(true)));
    return samples;
  }
}
