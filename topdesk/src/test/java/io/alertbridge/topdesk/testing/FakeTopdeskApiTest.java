package io.alertbridge.topdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.TicketSnapshot;
import io.alertbridge.core.json.Json;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.topdesk.TopdeskIntegration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake speaks TOPdesk's wire format: what the integration's tests rely on. */
class FakeTopdeskApiTest {
  private static final Instant T0 = Instant.parse("2025-04-14T08:00:00Z");
  private static final String BASIC = "Basic " + Base64.getEncoder()
      .encodeToString("op:pw".getBytes(StandardCharsets.UTF_8));

  private final TestClock clock = TestClock.at("2025-04-14T09:00:00Z");
  private final FakeTopdeskApi api = FakeTopdeskApi.start("op", "pw", clock);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpResponse<String> send(String method, String pathAndQuery, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> list(String query, int pageStart, int pageSize) throws Exception {
    return send("GET", "/tas/api/incidents?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&pageStart=" + pageStart + "&pageSize=" + pageSize + "&sort=modificationDate:asc", BASIC, null);
  }

  @SuppressWarnings("unchecked")
  private static List<String> numbers(HttpResponse<String> answer) {
    return ((List<Map<String, Object>>) Json.parse(answer.body().getBytes(StandardCharsets.UTF_8), 64)).stream()
        .map(i -> (String) i.get("number")).toList();
  }

  @Test
  void refusesWrongOrMissingCredentialsWithAnHtmlPageAndRecordsTheRequest() throws Exception {
    HttpResponse<String> none = send("GET", "/tas/api/incidents", null, null);
    HttpResponse<String> wrong = send("GET", "/tas/api/incidents", "Basic b3A6bm8=", null);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).startsWith("<html>");
    assertThat(api.requests()).extracting(FakeTopdeskApi.Request::authorization).containsExactly("", "Basic b3A6bm8=");
  }

  @Test
  void filtersWithFiqlAndPagesWithPartialContent() throws Exception {
    for (int i = 1; i <= 5; i++) {
      api.incident("I " + i, i % 2 == 0 ? "In progress" : "Logged", T0.plusSeconds(60L * (6 - i)));
    }
    api.set("I 5", "operatorGroup", null);

    HttpResponse<String> firstPage = list("modificationDate=gt=2025-04-14T08:01:00Z", 0, 2);
    HttpResponse<String> lastPage = list("modificationDate=gt=2025-04-14T08:01:00Z", 2, 2);
    HttpResponse<String> beyond = list("modificationDate=gt=2025-04-14T08:01:00Z", 4, 2);

    assertThat(firstPage.statusCode()).isEqualTo(206);
    assertThat(numbers(firstPage)).containsExactly("I 4", "I 3");
    assertThat(lastPage.statusCode()).isEqualTo(200);
    assertThat(numbers(lastPage)).containsExactly("I 2", "I 1");
    assertThat(beyond.statusCode()).isEqualTo(204);
    assertThat(beyond.body()).isEmpty();
    assertThat(numbers(list("processingStatus.name=='In progress'", 0, 10))).containsExactly("I 4", "I 2");
    assertThat(numbers(list("processingStatus.name!=Logged;modificationDate=le=2025-04-14T09:04:00+0100", 0, 10)))
        .containsExactly("I 4", "I 2");
    assertThat(numbers(list("(number==\"I 1\",number=='I 3');completed==false", 0, 10)))
        .containsExactly("I 3", "I 1");
    assertThat(numbers(list("operatorGroup==null", 0, 10))).containsExactly("I 5");
  }

  @Test
  void answersBadRequestsWithTopdesksErrorArray() throws Exception {
    HttpResponse<String> badQuery = list("modificationDate=xx=1", 0, 10);
    HttpResponse<String> hugePage = list("", 0, FakeTopdeskApi.MAX_PAGE_SIZE + 1);
    HttpResponse<String> badSort = send("GET", "/tas/api/incidents?sort=number:desc", BASIC, null);

    assertThat(badQuery.statusCode()).isEqualTo(400);
    assertThat(badQuery.body()).startsWith("[{\"message\":\"Invalid query: ");
    assertThat(hugePage.statusCode()).isEqualTo(400);
    assertThat(badSort.statusCode()).isEqualTo(400);
  }

  @Test
  void servesOnlyTheFieldsAskedFor() throws Exception {
    api.incident("I 1", "Logged", T0);

    HttpResponse<String> answer = send("GET", "/tas/api/incidents?fields=number,processingStatus", BASIC, null);

    assertThat(Json.parse(answer.body().getBytes(StandardCharsets.UTF_8), 64)).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement().asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("number", "processingStatus");
  }

  @Test
  void patchesByIdOrNumberAndRefusesAnUnknownStatus() throws Exception {
    String id = api.incident(Fixtures.of(TopdeskDeliveries.class).text("api-01-incident-open-second-line.json"));
    clock.set(Instant.parse("2025-04-14T10:11:12.345Z"));

    HttpResponse<String> byNumber = send("PATCH", "/tas/api/incidents/number/I%202504%20117", BASIC,
        "{\"processingStatus\": {\"name\": \"Closed\"}, \"action\": \"done\", \"actionInvisibleForCaller\": true}");
    HttpResponse<String> unknown = send("PATCH", "/tas/api/incidents/id/" + id, BASIC,
        "{\"processingStatus\": {\"name\": \"Gone fishing\"}}");
    HttpResponse<String> missing = send("GET", "/tas/api/incidents/number/I%201", BASIC, null);

    assertThat(id).isEqualTo("6b704cbf-76f5-4802-b65d-2661fcae68d5");
    assertThat(byNumber.statusCode()).isEqualTo(200);
    assertThat(byNumber.body()).contains("\"completed\":true", "\"closed\":true",
        "\"modificationDate\":\"2025-04-14T10:11:12.345+0000\"",
        "\"modifier\":{\"id\":", "\"name\":\"" + FakeTopdeskApi.DEFAULT_OPERATOR_NAME + "\"");
    assertThat(api.actionsOf("I 2504 117")).containsExactly("done [invisible for caller]");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).isEqualTo("[{\"message\":\"No processing status found for name 'Gone fishing'\"}]");
    assertThat(api.processingStatusOf("I 2504 117")).isEqualTo("Closed");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void failsTheNextRequestsOnDemandWithRetryAfter() throws Exception {
    api.incident("I 1", "Logged", T0);
    api.failNext(429, 2, Duration.ofSeconds(30));

    HttpResponse<String> first = send("GET", "/tas/api/incidents/number/I%201", BASIC, null);
    HttpResponse<String> second = send("GET", "/tas/api/incidents/number/I%201", BASIC, null);
    HttpResponse<String> third = send("GET", "/tas/api/incidents/number/I%201", BASIC, null);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("30");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void buildsTheActionSequenceWebhookOfAnIncident() {
    api.incident("I 2504 117", "In progress", T0);
    ParseContext context = new ParseContext(AlertSource.of("td", "topdesk"), Limits.defaults(), clock);

    TicketSnapshot echo = (TicketSnapshot) new TopdeskIntegration().parser().parse(api.actionSequence("I 2504 117", "ACCEPT"), context)
        .get(0);

    assertThat(new String(api.actionSequence("I 2504 117", "ACCEPT").body(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"eventType\":\"ACCEPT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver reageert niet\","
            + "\"processingStatus\":\"In progress\"}");
    assertThat(echo.ticketId()).isEqualTo("I 2504 117");
    assertThat(echo.customDetails()).containsEntry("processingStatus", "In progress");
  }
}
