package com.example.host;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.micrometer.MicrometerDeliveryListener;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host's endpoint over real HTTP in embedded Jetty 12, its deliveries counted in Micrometer. */
class HostWebhooksTest {
  private static final Secret ZENDESK_SECRET = Secret.of("s3cret");

  private final TestClock clock = TestClock.at("2025-03-04T09:15:02Z");
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<AlertEvent> applied = new CopyOnWriteArrayList<>();
  private final HostWebhooks webhooks = new HostWebhooks(clock, registry, applied::add, ZENDESK_SECRET, "pa55");
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private Server server;
  private URI base;

  @BeforeEach
  void mount() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(webhooks.servlet()), "/webhooks/*");
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks/");
  }

  @AfterEach
  void unmount() throws Exception {
    server.stop();
  }

  private HttpResponse<String> post(String sourceId, Delivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(sourceId)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    for (String name : delivery.headers().names()) {
      delivery.headers().all(name).forEach(value -> request.header(name, value));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private double deliveries(String sourceId, String outcome) {
    Timer timer = registry.find(MicrometerDeliveryListener.DELIVERIES)
        .tags("source", sourceId, "outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void aSignedZendeskTicketOpensAnAlertOnceAndIsCounted() throws Exception {
    Delivery created = ZendeskDeliveries.ticket("4711", "New").priority("Urgent")
        .invocationId("01JA0000000000000000000001").signedWith(ZENDESK_SECRET, clock.instant()).build();

    HttpResponse<String> first = post(HostWebhooks.ZENDESK, created);
    HttpResponse<String> retry = post(HostWebhooks.ZENDESK, created);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.body()).contains("\"outcome\":\"CREATED\"");
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).contains("\"outcome\":\"DUPLICATE\"");
    assertThat(applied).singleElement().satisfies(event -> assertThat(event).hasEventType(EventType.ALERT));
    assertThat(deliveries(HostWebhooks.ZENDESK, "created")).isEqualTo(1);
    assertThat(deliveries(HostWebhooks.ZENDESK, "duplicate")).isEqualTo(1);
  }

  @Test
  void aBadSignatureAndAMissingPasswordAreRefused() throws Exception {
    Delivery forged = ZendeskDeliveries.ticket("4711", "New").signedWith(Secret.of("guessed"), clock.instant()).build();
    Delivery unsigned = Delivery.of(io.alertbridge.core.Headers.of("Content-Type", "application/json"),
        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    HttpResponse<String> zendesk = post(HostWebhooks.ZENDESK, forged);
    HttpResponse<String> topdesk = post(HostWebhooks.TOPDESK, unsigned);

    assertThat(zendesk.statusCode()).isEqualTo(401);
    assertThat(topdesk.statusCode()).isEqualTo(401);
    assertThat(topdesk.headers().firstValue("WWW-Authenticate")).get().asString()
        .startsWith("Basic realm=\"AlertBridge\"");
    assertThat(applied).isEmpty();
    assertThat(deliveries(HostWebhooks.ZENDESK, "unauthorized")).isEqualTo(1);
    assertThat(deliveries(HostWebhooks.TOPDESK, "unauthorized")).isEqualTo(1);
  }

  @Test
  void theKitsAssertionsReadTheProcessorsResults() {
    ProcessingResult created = webhooks.processor().process(webhooks.source(HostWebhooks.ZENDESK),
        ZendeskDeliveries.ticket("4712", "New").priority("Urgent").signedWith(ZENDESK_SECRET, clock.instant()).build());
    clock.advance(Duration.ofMinutes(30));
    ProcessingResult solved = webhooks.processor().process(webhooks.source(HostWebhooks.ZENDESK),
        ZendeskDeliveries.ticket("4712", "Solved").signedWith(ZENDESK_SECRET, clock.instant()).build());

    assertThat(created).isCreated().hasPriority(Priority.HIGH).hasHttpStatus(202);
    assertThat(solved).isResolved().hasEventType(EventType.RESOLVE);
    assertThat(deliveries(HostWebhooks.ZENDESK, "resolved")).isEqualTo(1);
  }
}
