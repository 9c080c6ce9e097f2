package io.alertbridge.zendesk;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ZendeskCompatibilityTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new ZendeskIntegration();
  }

  /** Every recorded delivery; the kit's alert source does not check signatures. */
  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    Map<String, Delivery> samples = new LinkedHashMap<>();
    for (String name : List.of("01-new-ticket-created", "02-open-update", "03-pending-update", "04-on-hold-update",
        "05-solved-update", "06-closed-ticket-first-seen", "07-description-quotes-newlines-unicode",
        "08-retried-delivery-of-01", "20-event-ticket-created", "21-event-status-changed-solved",
        "22-nested-ticket-open", "23-nested-ticket-solved", "24-status-spanish-abierto", "25-status-spanish-resuelto",
        "26-description-separator-and-author-header", "27-updated-at-plain-date")) {
      samples.put(name, Fixtures.of(ZendeskDeliveries.class).delivery(name));
    }
    return samples;
  }
}
