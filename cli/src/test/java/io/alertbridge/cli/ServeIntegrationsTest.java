package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.autotask.testing.AutotaskDeliveries;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.json.Json;
import io.alertbridge.zendesk.testing.ZendeskDeliveries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver with the real integrations: signed Zendesk deliveries and Autotask callouts over loopback. */
class ServeIntegrationsTest {
  private static final IntegrationRegistry REGISTRY =
      IntegrationRegistry.load(ServeIntegrationsTest.class.getClassLoader());

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Receiver receiver;
  private AutotaskApiStub api;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop();
    }
    if (api != null) {
      api.close();
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private void start(Path dir, String config) throws IOException {
    Path file = dir.resolve("alertbridge.json");
    Files.writeString(file, config);
    PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    receiver = new Cli(REGISTRY, CliRunner.CLOCK, log, log)
        .startReceiver(List.of("--port", "0", "--config", file.toString(), "--now", "2025-03-04T09:15:30Z"));
  }

  private HttpResponse<String> post(String source, Class<?> anchor, String fixture)
      throws IOException, InterruptedException {
    Delivery delivery = DeliveryFiles.read(CliRunner.fixture(anchor, fixture));
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + receiver.port() + "/webhooks/" + source))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    for (String name : delivery.headers().names()) {
      delivery.headers().all(name).forEach(value -> request.header(name, value));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    return (Map<String, Object>) Json.parse(body, 16);
  }

  @Test
  @SuppressWarnings("unchecked")
  void acceptsSignedZendeskDeliveriesAndRefusesAWrongSecret(@TempDir Path dir) throws Exception {
    start(dir, """
        {"adminToken": "admin-token-0123456789",
         "sources": [
          {"id": "zendesk-prod", "integration": "zendesk", "secrets": ["%s"]},
          {"id": "zendesk-other", "integration": "zendesk", "secrets": ["another-signing-secret"]}
        ]}
        """.formatted(ZendeskDeliveries.FIXTURE_SECRET));

    HttpResponse<String> created = post("zendesk-prod", ZendeskDeliveries.class, "01-new-ticket-created.http");
    HttpResponse<String> retried = post("zendesk-prod", ZendeskDeliveries.class, "08-retried-delivery-of-01.http");
    HttpResponse<String> wrongSecret = post("zendesk-other", ZendeskDeliveries.class, "01-new-ticket-created.http");
    HttpResponse<String> alerts = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + receiver.port() + "/alerts"))
        .header("Authorization", "Bearer admin-token-0123456789").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(json(created.body())).containsEntry("outcome", "CREATED").containsEntry("alertKey", "4711");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json(retried.body())).containsEntry("outcome", "DUPLICATE");
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(json(wrongSecret.body())).containsEntry("outcome", "UNAUTHORIZED")
        .containsEntry("message", "authentication failed");
    assertThat(wrongSecret.body()).doesNotContain("secret");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("POST /webhooks/zendesk-other -> 401 UNAUTHORIZED "
        + "(authentication failed: the signature matches none of the 1 signing secret(s)")
        .doesNotContain("another-signing-secret");
    assertThat((List<Map<String, Object>>) json(alerts.body()).get("alerts"))
        .extracting(a -> a.get("source") + "/" + a.get("alertKey") + " " + a.get("state"))
        .containsExactly("zendesk-prod/4711 PENDING");
  }

  @Test
  void fetchesAutotaskTicketsWithTheConfiguredApiSettings(@TempDir Path dir) throws Exception {
    api = AutotaskApiStub.start().ticket(48213, "api-01-ticket-48213-new.json");
    start(dir, """
        {"sources": [{"id": "autotask", "integration": "autotask",
          "settings": {"apiUrl": "%s", "username": "%s", "secret": "%s", "integrationCode": "%s"}}]}
        """.formatted(api.url(), AutotaskApiStub.USERNAME, AutotaskApiStub.SECRET, AutotaskApiStub.INTEGRATION_CODE));

    HttpResponse<String> created = post("autotask", AutotaskDeliveries.class, "01-new-ticket.http");
    HttpResponse<String> unknownTicket = post("autotask", AutotaskDeliveries.class, "05-denied-ticket.http");

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(json(created.body())).containsEntry("outcome", "CREATED").containsEntry("alertKey", "48213");
    assertThat(unknownTicket.statusCode()).isEqualTo(400);
    assertThat(json(unknownTicket.body())).containsEntry("outcome", "INVALID");
  }

  @Test
  void answers503WhenTheAutotaskApiIsDown(@TempDir Path dir) throws Exception {
    start(dir, """
        {"sources": [{"id": "autotask", "integration": "autotask",
          "settings": {"apiUrl": "http://127.0.0.1:1/", "username": "u", "secret": "s", "integrationCode": "c"}}]}
        """);

    HttpResponse<String> response = post("autotask", AutotaskDeliveries.class, "01-new-ticket.http");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response.body())).containsEntry("outcome", null).containsEntry("message", "try again later");
    assertThat(response.body()).doesNotContain("127.0.0.1", "Autotask");
    // the operator's log says what failed
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("POST /webhooks/autotask -> 503 (").contains("Autotask API");
  }
}
