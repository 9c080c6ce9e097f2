package com.example.host;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.IntegrationCompatibilityKit;
import io.alertbridge.zendesk.ZendeskIntegration;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.util.Map;

/** The integration kit, inherited as a host extends it, over the Zendesk module's recorded deliveries. */
class ZendeskKitTest extends IntegrationCompatibilityKit {

  @Override
  protected Integration createIntegration() {
    return new ZendeskIntegration();
  }

  @Override
  protected Map<String, Delivery> sampleDeliveries() {
    Fixtures fixtures = Fixtures.of(ZendeskDeliveries.class);
    return Map.of("new", fixtures.delivery("01-new-ticket-created"),
        "solved", fixtures.delivery("05-solved-update"),
        "retried", fixtures.delivery("08-retried-delivery-of-01"));
  }
}
