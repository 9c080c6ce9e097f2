package io.alertbridge.zendesk;

import static io.alertbridge.testkit.AlertBridgeAssertions.assertThat;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertEventSink;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Secret;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The code shown in the README, run as it is shown. */
class ReadmeExamplesTest {

  /** What a host returns to its HTTP framework. */
  record Response(int status, String body) {}

  // README quickstart: begin
  /** A host's webhook endpoint for one Zendesk account, callable from any HTTP framework. */
  static final class ZendeskWebhook {
    private final WebhookProcessor processor;
    private final AlertSource source;

    ZendeskWebhook(Clock clock, String signingSecret, AlertEventSink alerts) {
      this.processor = WebhookProcessor.builder(IntegrationRegistry.load(getClass().getClassLoader()))
          .clock(clock)                      // in-memory stores and default limits unless you say otherwise
          .eventSink(alerts)                 // ALERT, ACCEPT or RESOLVE: apply each, skipping event ids already applied
          .build();
      this.source = AlertSource.builder("zendesk-prod", "zendesk")
          .authentication(Authentication.signature(Secret.of(signingSecret)))
          .build();
      processor.redeliverPending();          // at start-up and on a schedule: events whose hand-over failed
    }

    Response handle(Map<String, List<String>> headers, byte[] body) {
      try {
        ProcessingResult result = processor.process(source, Delivery.of(Headers.of(headers), body));
        return new Response(result.httpStatus(), result.responseBody());
      } catch (UnavailableException e) {   // the store, your sink or a tool's API failed: the sender retries
        return new Response(503, "{\"message\": \"try again later\"}");
      }
    }
  }
  // README quickstart: end

  @Test
  void theQuickstartHandsEveryEventOverExactlyOnceEvenWhenTheHostFails() {
    Map<String, AlertEvent> applied = new LinkedHashMap<>();
    AtomicInteger failures = new AtomicInteger(1);
    AlertEventSink hostDatabase = event -> {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("host database unavailable");
      }
      applied.putIfAbsent(event.eventId(), event);
    };
    ZendeskWebhook webhook = new ZendeskWebhook(TestClock.at("2025-03-04T09:15:30Z"), ZendeskDeliveries.FIXTURE_SECRET, hostDatabase);
    Delivery recorded = Fixtures.of(ZendeskDeliveries.class).delivery("01-new-ticket-created");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    recorded.headers().names().forEach(name -> headers.put(name, recorded.headers().all(name)));

    Response failed = webhook.handle(headers, recorded.body());
    Response retried = webhook.handle(headers, recorded.body());
    Response tampered = webhook.handle(headers, "{\"id\": \"4711\", \"status\": \"Solved\"}".getBytes(StandardCharsets.UTF_8));

    Assertions.assertThat(failed.status()).isEqualTo(503);
    Assertions.assertThat(retried.status()).isEqualTo(200);
    Assertions.assertThat(retried.body()).startsWith("{\"outcome\":\"DUPLICATE\",\"alertKey\":\"4711\"");
    Assertions.assertThat(tampered.status()).isEqualTo(401);
    Assertions.assertThat(applied.values()).extracting(AlertEvent::summary)
        .containsExactly("Checkout API returns 502 for EU customers");
  }

  @Test
  void theReadmeShowsThisCode() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    String source = java.nio.file.Files.readString(
        java.nio.file.Path.of("src/test/java/io/alertbridge/zendesk/ReadmeExamplesTest.java"));

    for (String block : List.of("quickstart", "test kit")) {
      String marker = "  // README " + block + ": ";
      String code = source.substring(source.indexOf(marker + "begin\n") + marker.length() + 6, source.indexOf(marker + "end"));
      String dedented = code.lines().map(line -> line.length() >= 2 ? line.substring(2) : line)
          .collect(java.util.stream.Collectors.joining("\n"));
      Assertions.assertThat(readme).as("README block " + block).contains(dedented);
    }
  }

  // README test kit: begin
  @Test
  void opensAHighPriorityAlertForANewUrgentTicketAndResolvesItWhenSolved() {
    TestClock clock = TestClock.at("2025-03-04T09:15:02Z");
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ZendeskIntegration()))
        .clock(clock).build();
    AlertSource source = AlertSource.builder("zendesk-prod", "zendesk")
        .authentication(Authentication.signature(Secret.of("s3cret"))).build();

    ProcessingResult created = processor.process(source, ZendeskDeliveries.ticket("4711", "New")
        .priority("Urgent").signedWith(Secret.of("s3cret"), clock.instant()).build());
    clock.advance(java.time.Duration.ofMinutes(30));
    ProcessingResult solved = processor.process(source, ZendeskDeliveries.ticket("4711", "Solved")
        .signedWith(Secret.of("s3cret"), clock.instant()).build());

    assertThat(created).isCreated().hasPriority(Priority.HIGH).hasSummary("Checkout API returns 502 for EU customers");
    assertThat(solved).isResolved().hasHttpStatus(202);
  }
  // README test kit: end
}
