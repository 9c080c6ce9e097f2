package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.json.Json;
import io.alertbridge.topdesk.testing.FakeTopdeskApi;
import io.alertbridge.topdesk.testing.TopdeskDeliveries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-way TOPdesk loop through {@code serve}, against the fake TOPdesk API: incidents come in by polling
 * and by webhook, the host's accept and resolve go out as a processing status and an invisible action, and
 * the echoes (the action sequence's webhook, and the next poll) change nothing.
 */
class ServeTwoWayTest {
  private static final IntegrationRegistry REGISTRY = IntegrationRegistry.load(ServeTwoWayTest.class.getClassLoader());
  private static final String TOKEN = "admin-token-0123456789";
  private static final String PASSWORD = "app-password-0123";

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final FakeTopdeskApi topdesk = FakeTopdeskApi.start("alertbridge", PASSWORD, Clock.systemUTC());
  private Receiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop();
    }
    topdesk.close();
  }

  private void start(Path dir) throws Exception {
    String settings = """
        {"apiUrl": "%s", "username": "alertbridge", "applicationPassword": "%s",
         "writeBack": {"ACCEPTED": "%s", "RESOLVED": "Completed"},
         "poll": {"query": "", "interval": "PT1S"}}""";
    Path file = dir.resolve("alertbridge.json");
    Files.writeString(file, """
        {"adminToken": "%s",
         "writeBackPolicy": {"firstRetry": "PT1S", "productName": "Pager"},
         "sources": [
          {"id": "topdesk", "integration": "topdesk", "settings": %s},
          {"id": "topdesk-misnamed", "integration": "topdesk", "settings": %s}
        ]}""".formatted(TOKEN, settings.formatted(topdesk.baseUrl(), PASSWORD, "In progress"),
        settings.formatted(topdesk.baseUrl(), PASSWORD, "Busy")));
    PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    receiver = new Cli(REGISTRY, Clock.systemUTC(), log, log)
        .startReceiver(List.of("--port", "0", "--config", file.toString()));
  }

  private HttpResponse<String> webhook(String source, Delivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/" + source))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    for (String name : delivery.headers().names()) {
      delivery.headers().all(name).forEach(value -> request.header(name, value));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> change(String source, String key, String action, String body, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/alerts/" + source + "/"
        + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20") + "/" + action))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> alert(String source, String key) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/alerts"))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    List<Map<String, Object>> alerts = (List<Map<String, Object>>) json(response.body()).get("alerts");
    return alerts.stream().filter(a -> a.get("source").equals(source) && a.get("alertKey").equals(key))
        .findFirst().orElse(Map.of());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + receiver.port() + path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    return (Map<String, Object>) Json.parse(body, 16);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited for " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }

  private String log() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theWholeLoopRunsThroughServe(@TempDir Path dir) throws Exception {
    topdesk.incident("I 2511 001", "Logged", Instant.now().minusSeconds(60));
    start(dir);

    // in by polling: the incident changed in the last hour opens an alert
    await("the poll to open the alert", () -> "PENDING".equals(uncheckedAlert("topdesk", "I 2511 001").get("state")));
    assertThat(log()).contains("poll topdesk since ", "  polling topdesk every PT1S\n",
        "/alerts/{source}/{alertKey}/accept and /resolve");
    assertThat(topdesk.requests("GET").get(0).parameter("query").orElseThrow()).startsWith("modificationDate=gt=");

    // in by webhook: the action sequence of a new incident
    HttpResponse<String> created = webhook("topdesk", TopdeskDeliveries.event("ALERT", "I 2511 002")
        .summary("Mailserver reageert niet").build());
    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(json(created.body())).containsEntry("outcome", "CREATED");
    topdesk.incident("I 2511 002", "Logged", Instant.now());

    // out: accepted in the host
    HttpResponse<String> accepted = change("topdesk", "I 2511 002", "accept",
        "{\"note\": \"on my way\", \"author\": \"Ada\"}", TOKEN);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json(accepted.body())).containsEntry("status", "WRITTEN").containsEntry("state", "ACCEPTED")
        .containsEntry("ticketStatus", "In progress");
    assertThat(topdesk.processingStatusOf("I 2511 002")).isEqualTo("In progress");
    assertThat(topdesk.actionsOf("I 2511 002")).containsExactly("Accepted in Pager by Ada: on my way [invisible for caller]");
    FakeTopdeskApi.Request patch = topdesk.requests("PATCH").get(0);
    assertThat(patch.path()).isEqualTo("/tas/api/incidents/number/I 2511 002");
    assertThat(json(patch.body())).containsEntry("actionInvisibleForCaller", true)
        .containsEntry("processingStatus", Map.of("name", "In progress"));

    // the echoes change nothing: TOPdesk's webhook, and the next poll that reads the changed incident
    HttpResponse<String> echo = webhook("topdesk", topdesk.actionSequence("I 2511 002", "ACCEPT"));
    assertThat(json(echo.body())).containsEntry("outcome", "UNCHANGED").containsEntry("state", "ACCEPTED");
    int polls = pollLines();
    await("two more polls", () -> pollLines() >= polls + 2);
    assertThat(alert("topdesk", "I 2511 002")).containsEntry("state", "ACCEPTED")
        .containsEntry("lastEventId", alert("topdesk", "I 2511 002").get("alertId") + "/alert");

    // out: resolved in the host while TOPdesk fails once; the schedule retries it
    topdesk.failNext(500, 1);
    HttpResponse<String> resolving = change("topdesk", "I 2511 002", "resolve", "", TOKEN);
    assertThat(resolving.statusCode()).isEqualTo(202);
    assertThat(json(resolving.body())).containsEntry("status", "RETRYING").containsEntry("state", "RESOLVED");
    await("the retry to complete the incident", () -> "Completed".equals(topdesk.processingStatusOf("I 2511 002")));
    assertThat(topdesk.actionsOf("I 2511 002")).containsExactly("Accepted in Pager by Ada: on my way [invisible for caller]",
        "Resolved in Pager [invisible for caller]");
    assertThat(log()).contains("write-back topdesk I 2511 002 -> WRITTEN");
    HttpResponse<String> resolveEcho = webhook("topdesk", topdesk.actionSequence("I 2511 002", "RESOLVE"));
    assertThat(json(resolveEcho.body())).containsEntry("outcome", "UNCHANGED").containsEntry("state", "RESOLVED");
    HttpResponse<String> lateAcceptEcho = webhook("topdesk", topdesk.actionSequence("I 2511 002", "ACCEPT"));
    assertThat(json(lateAcceptEcho.body())).containsEntry("outcome", "UNCHANGED").containsEntry("state", "RESOLVED");

    // an operator resolves the polled incident in TOPdesk: the poll resolves the alert
    topdesk.modify("I 2511 001", "Completed", Instant.now(), "Servicedesk, Anne");
    await("the poll to resolve the alert", () -> "RESOLVED".equals(uncheckedAlert("topdesk", "I 2511 001").get("state")));
  }

  @Test
  void theAlertScreenIsCheckedAndTheToolsRefusalIsTheAnswer(@TempDir Path dir) throws Exception {
    start(dir);
    webhook("topdesk-misnamed", TopdeskDeliveries.event("ALERT", "I 2511 003").build());
    topdesk.incident("I 2511 003", "Logged", Instant.now());

    assertThat(change("topdesk", "I 2511 003", "accept", "", null).statusCode()).isEqualTo(401);
    assertThat(change("topdesk", "I 2511 404", "accept", "", TOKEN).statusCode()).isEqualTo(404);
    assertThat(change("nowhere", "I 2511 003", "accept", "", TOKEN).statusCode()).isEqualTo(404);
    assertThat(change("topdesk", "I 2511 003", "close", "", TOKEN).statusCode()).isEqualTo(404);
    HttpResponse<String> badBody = change("topdesk-misnamed", "I 2511 003", "accept", "{\"note\": 3, \"by\": \"x\"}",
        TOKEN);
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(json(badBody.body()).get("message").toString()).contains("expected a string at /note",
        "unknown member at /by");

    HttpResponse<String> refused = change("topdesk-misnamed", "I 2511 003", "accept", "", TOKEN);

    assertThat(refused.statusCode()).isEqualTo(502);
    assertThat(json(refused.body())).containsEntry("status", "FAILED");
    assertThat(json(refused.body()).get("message").toString()).contains("HTTP 400", "Busy");
    assertThat(topdesk.processingStatusOf("I 2511 003")).isEqualTo("Logged");
    HttpResponse<String> again = change("topdesk-misnamed", "I 2511 003", "resolve", "", TOKEN);
    assertThat(json(again.body())).containsEntry("status", "WRITTEN");
    HttpResponse<String> reaccept = change("topdesk-misnamed", "I 2511 003", "accept", "", TOKEN);
    assertThat(reaccept.statusCode()).isEqualTo(409);
    assertThat(json(reaccept.body())).containsEntry("status", "REFUSED");
  }

  private int pollLines() {
    return (int) log().lines().filter(line -> line.startsWith("poll topdesk since ")).count();
  }

  private Map<String, Object> uncheckedAlert(String source, String key) {
    try {
      return alert(source, key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
