package com.example.host;

import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Secret;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.micrometer.MicrometerDeliveryListener;
import io.alertbridge.servlet.AlertBridgeServlet;
import io.alertbridge.topdesk.TopdeskIntegration;
import io.alertbridge.zendesk.ZendeskIntegration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * A modular host's webhook endpoint: the integrations it names, every delivery recorded in the host's
 * meter registry, one servlet for a Zendesk and a TOPdesk source.
 */
public final class HostWebhooks {
  public static final String ZENDESK = "zendesk-prod";
  public static final String TOPDESK = "topdesk";

  private final WebhookProcessor processor;
  private final List<AlertSource> sources;
  private final AlertBridgeServlet servlet;

  public HostWebhooks(Clock clock, MeterRegistry registry, AlertEventSink alerts, Secret zendeskSecret,
      String topdeskPassword) {
    processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration(), new TopdeskIntegration()))
        .clock(clock)
        .listener(new MicrometerDeliveryListener(registry))
        .eventSink(alerts)
        .build();
    sources = List.of(
        AlertSource.builder(ZENDESK, "zendesk").authentication(Authentication.signature(zendeskSecret)).build(),
        AlertSource.builder(TOPDESK, "topdesk")
            .authentication(Authentication.basic(Authentication.Credentials.of("topdesk", topdeskPassword))).build());
    servlet = AlertBridgeServlet.builder(processor).sources(sources).build();
  }

  public WebhookProcessor processor() {
    return processor;
  }

  public AlertSource source(String id) {
    return sources.stream().filter(source -> source.id().equals(id)).findFirst().orElseThrow();
  }

  /** Mount it at {@code /webhooks/*}. */
  public AlertBridgeServlet servlet() {
    return servlet;
  }
}
