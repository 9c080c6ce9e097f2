package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.DeliveryParser;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.example.ExampleIntegration;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeTest {
  static final String TOKEN = "admin-token-0123456789";
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Receiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop();
    }
  }

  /** Starts the receiver with the admin token {@link #TOKEN} from the environment. */
  private Receiver start(IntegrationRegistry registry, String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--admin-token-env", "ALERTBRIDGE_ADMIN_TOKEN"));
    all.addAll(Arrays.asList(args));
    receiver = new Cli(registry, CliRunner.CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        Map.of("ALERTBRIDGE_ADMIN_TOKEN", TOKEN)::get).startReceiver(all);
    return receiver;
  }

  private HttpResponse<String> post(String source, String contentType, String body, String... headers) {
    return post(source, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private HttpResponse<String> post(String source, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/" + source))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + receiver.port() + path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    return (Map<String, Object>) Json.parse(response.body(), 16);
  }

  private static String ticket(String id, String status, String updatedAt) {
    return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"updatedAt\": \"" + updatedAt + "\"}";
  }

  @Test
  void answersEveryOutcomeWithItsStatusCode() {
    start(CliRunner.example());
    String json = "application/json";

    HttpResponse<String> created = post("example", json, ticket("1", "New", "2025-03-04T09:00:00Z"));
    HttpResponse<String> unchanged = post("example", json, ticket("1", "Open", "2025-03-04T09:05:00Z"));
    HttpResponse<String> accepted = post("example", json, ticket("1", "Working", "2025-03-04T09:10:00Z"),
        "X-Delivery-Id", "d-1");
    HttpResponse<String> duplicate = post("example", json, ticket("1", "Working", "2025-03-04T09:10:00Z"),
        "X-Delivery-Id", "d-1");
    HttpResponse<String> stale = post("example", json, ticket("1", "Open", "2025-03-04T08:00:00Z"));
    HttpResponse<String> resolved = post("example", json, ticket("1", "Solved", "2025-03-04T09:30:00Z"));
    HttpResponse<String> rejected = post("example", json, ticket("2", "Closed", "2025-03-04T09:30:00Z"));
    HttpResponse<String> invalid = post("example", json, "{\"id\": \"3\"}");
    HttpResponse<String> unsupported = post("example", "text/plain", ticket("4", "New", "2025-03-04T09:00:00Z"));
    HttpResponse<String> tooLarge = post("example", json, new byte[(1 << 20) + 1]);

    assertThat(List.of(created, unchanged, accepted, duplicate, stale, resolved, rejected, invalid, unsupported,
        tooLarge)).extracting(HttpResponse::statusCode)
        .containsExactly(202, 200, 202, 200, 200, 202, 400, 400, 415, 413);
    assertThat(List.of(created, unchanged, accepted, duplicate, stale, resolved, rejected, invalid, unsupported,
        tooLarge)).extracting(response -> json(response).get("outcome"))
        .containsExactly("CREATED", "UNCHANGED", "ACCEPTED", "DUPLICATE", "STALE", "RESOLVED", "REJECTED", "INVALID",
            "UNSUPPORTED_MEDIA_TYPE", "TOO_LARGE");
    assertThat(json(created)).containsEntry("alertKey", "1").containsEntry("state", "PENDING");
    assertThat(json(invalid).get("message")).asString().contains("/status");
    assertThat(json(tooLarge).get("message")).isEqualTo("body is 1048577 bytes; the limit is 1048576");
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsAlertStates() {
    start(CliRunner.example());
    post("example", "application/json", ticket("7", "New", "2025-03-04T09:00:00Z"));
    post("example", "application/json", ticket("8", "New", "2025-03-04T09:00:00Z"));
    post("example", "application/json", ticket("8", "Working", "2025-03-04T09:01:00Z"));

    HttpResponse<String> alerts = get("/alerts");

    assertThat(alerts.statusCode()).isEqualTo(200);
    List<Map<String, Object>> list = (List<Map<String, Object>>) json(alerts).get("alerts");
    assertThat(list).extracting(a -> a.get("source"), a -> a.get("alertKey"), a -> a.get("state"),
        a -> a.get("lastSourceUpdate")).containsExactly(
            org.assertj.core.groups.Tuple.tuple("example", "7", "PENDING", "2025-03-04T09:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("example", "8", "ACCEPTED", "2025-03-04T09:01:00Z"));
    assertThat(list).allSatisfy(a -> assertThat(a).containsKeys("alertId", "lastEventId"));
    assertThat(list).extracting(a -> a.get("alertId")).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(list).extracting(a -> a.get("lastEventId")).doesNotContainNull().doesNotHaveDuplicates();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> alert(String key) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) json(get("/alerts")).get("alerts");
    return list.stream().filter(a -> key.equals(a.get("alertKey"))).findFirst().orElseThrow();
  }

  @Test
  void listsEachAlertsIdAndTheLastEventAppliedForIt() {
    start(CliRunner.example());
    String json = "application/json";

    post("example", json, ticket("9", "New", "2025-03-04T09:00:00Z"));
    Map<String, Object> created = alert("9");
    post("example", json, ticket("9", "Open", "2025-03-04T09:05:00Z"));
    Map<String, Object> unchanged = alert("9");
    post("example", json, ticket("9", "Working", "2025-03-04T09:10:00Z"));
    Map<String, Object> accepted = alert("9");
    post("example", json, ticket("9", "Solved", "2025-03-04T09:20:00Z"));
    Map<String, Object> resolved = alert("9");
    post("example", json, ticket("9", "New", "2025-03-04T09:30:00Z"));
    Map<String, Object> reopened = alert("9");

    assertThat(List.of(created, unchanged, accepted, resolved, reopened)).extracting(a -> a.get("state"))
        .containsExactly("PENDING", "PENDING", "ACCEPTED", "RESOLVED", "PENDING");
    // one alert id from ALERT to RESOLVE, a new one after the reopen
    assertThat(created.get("alertId")).asString().matches("[0-9a-f-]{36}");
    assertThat(List.of(unchanged, accepted, resolved)).extracting(a -> a.get("alertId"))
        .containsOnly(created.get("alertId"));
    assertThat(reopened.get("alertId")).isNotNull().isNotEqualTo(created.get("alertId"));
    // a new event id for each event applied; a delivery without an event leaves it as it was
    assertThat(unchanged.get("lastEventId")).isEqualTo(created.get("lastEventId"));
    assertThat(List.of(created, accepted, resolved, reopened)).extracting(a -> a.get("lastEventId"))
        .doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void createsExactlyOneAlertForConcurrentDeliveriesOfOneTicket() {
    start(CliRunner.example());
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      HttpRequest request = HttpRequest.newBuilder(uri("/webhooks/example"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(ticket("42", "New", "2025-03-04T09:00:00Z"))).build();
      responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    List<Object> outcomes = responses.stream().map(CompletableFuture::join).map(r -> json(r).get("outcome")).toList();

    assertThat(outcomes).filteredOn("CREATED"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("UNCHANGED"::equals).hasSize(23);
    assertThat(alert("42")).containsEntry("state", "PENDING").extractingByKey("lastEventId").isNotNull();
  }

  @Test
  void checksTheConfiguredSecret(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("alertbridge.json");
    Files.writeString(config, """
        {"sources": [
          {"id": "service-desk", "integration": "example", "secrets": ["s3cret", "next-s3cret"]},
          {"id": "own-header", "integration": "example", "secrets": ["s3cret"], "secretHeader": "X-Token"}
        ]}
        """);
    start(CliRunner.example(), "--config", config.toString());
    String body = ticket("5", "New", "2025-03-04T09:00:00Z");

    HttpResponse<String> wrong = post("service-desk", "application/json", body, "X-AlertBridge-Secret", "guess");
    HttpResponse<String> missing = post("service-desk", "application/json", body);
    HttpResponse<String> rotated = post("service-desk", "application/json", body, "X-AlertBridge-Secret",
        "next-s3cret");
    HttpResponse<String> ownHeader = post("own-header", "application/json", body, "X-Token", "s3cret");
    HttpResponse<String> defaultSource = post("example", "application/json", body);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(json(wrong)).containsEntry("outcome", "UNAUTHORIZED").containsEntry("message", "authentication failed");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(rotated.statusCode()).isEqualTo(202);
    assertThat(ownHeader.statusCode()).isEqualTo(202);
    assertThat(defaultSource.statusCode()).isEqualTo(404);
    assertThat(json(defaultSource)).containsExactly(Map.entry("message", "no such source"));
    assertThat(defaultSource.body()).doesNotContain("service-desk", "own-header");
  }

  @Test
  void answers503WhenTheIntegrationCannotCompleteTheDeliveryNow() {
    ExampleIntegration unavailable = new ExampleIntegration() {
      @Override
      public String name() {
        return "unavailable";
      }

      @Override
      public DeliveryParser parser() {
        return (delivery, context) -> {
          throw new UnavailableException("the tool's API answered 503");
        };
      }
    };
    start(IntegrationRegistry.of(new ExampleIntegration(), unavailable));

    HttpResponse<String> response = post("unavailable", "application/json", ticket("6", "New", "2025-03-04T09:00:00Z"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response)).containsEntry("outcome", null).containsEntry("message", "try again later");
    assertThat(response.body()).doesNotContain("API");
    // the operator's log keeps the reason
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("POST /webhooks/unavailable -> 503 (the tool's API answered 503)");
  }

  @Test
  void servesHealthAndRefusesOtherPathsAndMethods() {
    start(CliRunner.example());

    HttpResponse<String> health = get("/health");
    HttpResponse<String> unknownPath = get("/metrics");
    HttpResponse<String> getWebhook = get("/webhooks/example");
    HttpResponse<String> postAlerts = send(HttpRequest.newBuilder(uri("/alerts"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health)).containsEntry("status", "UP");
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(json(unknownPath)).containsExactly(Map.entry("message", "no such path"));
    assertThat(getWebhook.statusCode()).isEqualTo(405);
    assertThat(getWebhook.headers().firstValue("Allow")).hasValue("POST");
    assertThat(postAlerts.statusCode()).isEqualTo(405);
  }

  @Test
  void bindsTheLoopbackInterfaceAndPrintsThePort() {
    start(CliRunner.example());

    assertThat(receiver.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(receiver.port()).isPositive();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("alertbridge listening on http://127.0.0.1:" + receiver.port() + "/ (port " + receiver.port() + ")")
        .contains("POST http://127.0.0.1:" + receiver.port() + "/webhooks/example  (example, authentication: none)");
  }
}
