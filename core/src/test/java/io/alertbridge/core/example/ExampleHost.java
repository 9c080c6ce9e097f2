package io.alertbridge.core.example;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import java.io.PrintStream;
import java.util.List;

/**
 * A host on the embedded defaults: one ticket's whole life, from creation to resolution, through the
 * example integration, printing the answer to each delivery.
 */
public final class ExampleHost {

  private static final List<String> DELIVERIES = List.of(
      "{\"id\": \"4711\", \"status\": \"New\", \"summary\": \"Checkout API returns 502\", \"priority\": \"Urgent\"}",
      "{\"id\": \"4711\", \"status\": \"Open\", \"summary\": \"Checkout API returns 502\"}",
      "{\"id\": \"4711\", \"status\": \"Working\", \"summary\": \"Checkout API returns 502\"}",
      "{\"id\": \"4711\", \"status\": \"Solved\", \"summary\": \"Checkout API returns 502\"}",
      "{\"id\": \"4711\", \"status\": \"Solved\", \"summary\": \"Checkout API returns 502\"}",
      "{\"id\": \"4712\", \"status\": \"Closed\", \"summary\": \"Printer on floor 2\"}");

  private ExampleHost() {}

  /** @param args ignored */
  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    WebhookProcessor processor = WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration())).build();
    AlertSource source = AlertSource.of("service-desk", ExampleIntegration.NAME);
    for (String body : DELIVERIES) {
      ProcessingResult result = processor.process(source, Deliveries.json(body));
      out.println(result.httpStatus() + " " + result.responseBody()
          + result.event().map(e -> "  -> " + e.eventType() + " " + e.priority()).orElse(""));
    }
  }
}
