package io.alertbridge.haloitsm;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketEvent;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.haloitsm.testing.HaloDeliveries;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.Deliveries;
import java.util.List;

/** Shared set-up for the HaloITSM tests. */
final class Halo {
  static final AlertSource SOURCE = AlertSource.of("halo-prod", "haloitsm");

  private Halo() {}

  static WebhookProcessor processor() {
    return WebhookProcessor.builder(IntegrationRegistry.of(new HaloItsmIntegration()))
        .clock(TestClock.at("2025-11-18T12:00:00Z")).build();
  }

  static Delivery fixture(String name) {
    return Fixtures.of(HaloDeliveries.class).delivery(name);
  }

  static Delivery json(String body) {
    return Deliveries.json(body);
  }

  static List<TicketSnapshot> parse(String body) {
    return parse(json(body));
  }

  static List<TicketSnapshot> parse(Delivery delivery) {
    return events(delivery).stream().map(event -> {
      if (event instanceof TicketSnapshot snapshot) {
        return snapshot;
      }
      throw new AssertionError("expected a snapshot, got " + event);
    }).toList();
  }

  static List<TicketEvent> events(Delivery delivery) {
    return new HaloParser().parse(delivery,
        new ParseContext(SOURCE, Limits.defaults(), TestClock.at("2025-11-18T12:00:00Z"))).stream()
        .map(TicketEvent.class::cast).toList();
  }

  static TicketSnapshot parseOne(String body) {
    List<TicketSnapshot> snapshots = parse(body);
    if (snapshots.size() != 1) {
      throw new AssertionError("expected one snapshot, got " + snapshots.size());
    }
    return snapshots.get(0);
  }
}
