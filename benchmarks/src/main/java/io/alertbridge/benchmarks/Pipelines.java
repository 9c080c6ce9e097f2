package io.alertbridge.benchmarks;

import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.DeliveryLog;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.zendesk.ZendeskSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Processors and deliveries shared by the benchmarks. */
final class Pipelines {
  static final Secret SECRET = Secret.of("dGhpc2lzYXRlc3RzZWNyZXQ=");
  static final Instant NOW = Instant.parse("2025-03-04T09:15:02Z");

  private Pipelines() {}

  static WebhookProcessor processor(AlertStateStore store, Integration... integrations) {
    return builder(store, integrations).build();
  }

  /** @return a processor that hands its events to {@code sink} through the store's outbox */
  static WebhookProcessor processor(AlertEventSink sink, Integration... integrations) {
    return builder(new InMemoryAlertStateStore(), integrations).eventSink(sink).build();
  }

  /** @return a processor on the given stores that hands its events to {@code sink} through the store's outbox */
  static WebhookProcessor processor(AlertStateStore store, DeliveryLog deliveryLog, AlertEventSink sink,
      Integration... integrations) {
    return builder(store, integrations).deliveryLog(deliveryLog).eventSink(sink).build();
  }

  private static WebhookProcessor.Builder builder(AlertStateStore store, Integration... integrations) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integrations))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).stateStore(store);
  }

  static WebhookProcessor processor(Integration... integrations) {
    return processor(new InMemoryAlertStateStore(), integrations);
  }

  static AlertSource source(String integration) {
    return AlertSource.of(integration + "-bench", integration);
  }

  static AlertSource signedSource(String integration) {
    return AlertSource.builder(integration + "-signed", integration).authentication(Authentication.signature(SECRET)).build();
  }

  static Delivery json(byte[] body) {
    return Delivery.of(Headers.of("Content-Type", "application/json"), body);
  }

  static Delivery signed(byte[] body) {
    List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
    for (Map.Entry<String, String> header : ZendeskSigner.headers(SECRET, NOW, body).entrySet()) {
      headers.add(header.getKey());
      headers.add(header.getValue());
    }
    return Delivery.of(Headers.of(headers.toArray(String[]::new)), body);
  }

  /**
   * Two Zendesk deliveries for one ticket, Open then Solved: processed in turn, every one commits
   * (a new alert, then its resolution).
   */
  static Delivery[] zendeskCycle(int bytes, String ticketId, boolean signed) {
    byte[] open = Bodies.zendesk(bytes, ticketId, "Open");
    byte[] solved = Bodies.zendesk(bytes, ticketId, "Solved");
    return signed ? new Delivery[] {signed(open), signed(solved)} : new Delivery[] {json(open), json(solved)};
  }
}
