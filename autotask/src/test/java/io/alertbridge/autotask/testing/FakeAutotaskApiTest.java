package io.alertbridge.autotask.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeAutotaskApiTest {
  private final FakeAutotaskApi api = FakeAutotaskApi.start();

  private record Response(int statusCode, String body) {}

  @AfterEach
  void stop() {
    api.close();
  }

  private static Response get(String url, String... headers) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    for (int i = 0; i < headers.length; i += 2) {
      connection.setRequestProperty(headers[i], headers[i + 1]);
    }
    int status = connection.getResponseCode();
    try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      connection.disconnect();
    }
  }

  private static HttpResponse<String> send(String method, String url, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void answersTheZoneLookupWithItsOwnAddresses() throws Exception {
    Response zone = get(api.zoneLookupUrl() + "?user=api@example.com");

    assertThat(zone.statusCode()).isEqualTo(200);
    assertThat(map(Json.parse(zone.body(), 8))).containsEntry("url", api.zoneUrl()).containsEntry("webUrl", api.webUrl());
    assertThat(api.zoneUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void servesTicketsAndPicklistsToTheRightCredentialsOnly() throws Exception {
    api.credentials("api@example.com", "pw", "CODE").ticket(AutotaskDeliveries.ticket(48213).status(5));
    String[] auth = {"UserName", "api@example.com", "Secret", "pw", "ApiIntegrationCode", "CODE"};

    Response ticket = get(api.zoneUrl() + "v1.0/Tickets/48213", auth);
    Response missing = get(api.zoneUrl() + "v1.0/Tickets/1", auth);
    Response fields = get(api.zoneUrl() + "v1.0/Tickets/entityInformation/fields", auth);
    Response wrong = get(api.zoneUrl() + "v1.0/Tickets/48213", "UserName", "api@example.com");

    assertThat(ticket.statusCode()).isEqualTo(200);
    assertThat(ticket.body()).contains("\"status\":5", "\"id\":48213");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(fields.body()).contains("\"picklistValues\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(api.requestCount("Tickets/48213")).isEqualTo(2);
  }

  @Test
  void answersATicketsRequestsInTurnThenRepeatsTheLast() throws Exception {
    api.ticketInTurn(7, AutotaskDeliveries.ticket(7).status(1).json(), AutotaskDeliveries.ticket(7).status(5).json());

    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").body()).contains("\"status\":1");
    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").body()).contains("\"status\":5");
    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").body()).contains("\"status\":5");
  }

  @Test
  void failsTheNextRequestsOnDemand() throws Exception {
    api.ticket(AutotaskDeliveries.ticket(7)).failNext(429, 2);

    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").statusCode()).isEqualTo(429);
    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").statusCode()).isEqualTo(429);
    assertThat(get(api.zoneUrl() + "v1.0/Tickets/7").statusCode()).isEqualTo(200);
  }

  @Test
  void aPatchedStatusAndANoteShowInTheNextFetchAndAreRecorded() throws Exception {
    String[] auth = {"UserName", "api@example.com", "Secret", "pw", "ApiIntegrationCode", "CODE"};
    api.credentials("api@example.com", "pw", "CODE").apiResourceId(4711)
        .clock(Clock.fixed(Instant.parse("2025-06-12T12:30:00Z"), ZoneOffset.UTC))
        .ticket(AutotaskDeliveries.ticket(7).status(1));

    HttpResponse<String> patch = send("PATCH", api.zoneUrl() + "V1.0/Tickets", "{\"id\":7,\"status\":8}", auth);
    HttpResponse<String> note = send("POST", api.zoneUrl() + "v1.0/Tickets/7/Notes",
        "{\"ticketID\":7,\"title\":\"t\",\"description\":\"Accepted\",\"noteType\":1,\"publish\":2}", auth);
    Response ticket = get(api.zoneUrl() + "v1.0/Tickets/7", auth);

    assertThat(patch.statusCode()).isEqualTo(200);
    assertThat(patch.body()).isEqualTo("{\"itemId\":7}");
    assertThat(note.statusCode()).isEqualTo(200);
    assertThat(ticket.body()).contains("\"status\":8", "\"lastActivityDate\":\"2025-06-12T12:30:00Z\"",
        "\"lastActivityResourceID\":4711", "\"lastActivityPersonType\":1");
    assertThat(api.status(7)).contains(8L);
    assertThat(api.notes(7)).singleElement().satisfies(n -> assertThat(n).containsEntry("description", "Accepted")
        .containsEntry("publish", 2L).containsKey("id"));
    assertThat(api.writes()).extracting(FakeAutotaskApi.Request::method).containsExactly("PATCH", "POST");
    assertThat(api.writes()).allMatch(FakeAutotaskApi.Request::authenticated);
  }

  @Test
  void refusesWritesWithoutTheCredentialsAndRecordsThem() throws Exception {
    api.credentials("api@example.com", "pw", "CODE").ticket(AutotaskDeliveries.ticket(7).status(1));

    HttpResponse<String> patch = send("PATCH", api.zoneUrl() + "v1.0/Tickets", "{\"id\":7,\"status\":8}",
        "UserName", "api@example.com", "Secret", "wrong", "ApiIntegrationCode", "CODE");

    assertThat(patch.statusCode()).isEqualTo(401);
    assertThat(api.status(7)).contains(1L);
    assertThat(api.writes()).singleElement().satisfies(w -> assertThat(w.authenticated()).isFalse());
  }

  @Test
  void answers400ForAStatusValueNotInThePicklistAnd404ForAnUnknownTicket() throws Exception {
    api.ticket(AutotaskDeliveries.ticket(7).status(1));

    HttpResponse<String> badStatus = send("PATCH", api.zoneUrl() + "v1.0/Tickets", "{\"id\":7,\"status\":99}");
    HttpResponse<String> noTicket = send("PATCH", api.zoneUrl() + "v1.0/Tickets", "{\"id\":8,\"status\":5}");
    HttpResponse<String> emptyNote = send("POST", api.zoneUrl() + "v1.0/Tickets/7/Notes", "{\"ticketID\":7}");

    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("Value 99 does not exist for Status");
    assertThat(noTicket.statusCode()).isEqualTo(404);
    assertThat(emptyNote.statusCode()).isEqualTo(400);
    assertThat(api.status(7)).contains(1L);
    assertThat(api.notes(7)).isEmpty();
  }

  @Test
  void failsWritesOnDemandWithARetryAfterWhileReadsKeepAnswering() throws Exception {
    api.ticket(AutotaskDeliveries.ticket(7).status(1)).failWrites(429, 1).retryAfter(Duration.ofSeconds(30));

    HttpResponse<String> limited = send("PATCH", api.zoneUrl() + "v1.0/Tickets", "{\"id\":7,\"status\":8}");
    Response read = get(api.zoneUrl() + "v1.0/Tickets/7");
    HttpResponse<String> next = send("PATCH", api.zoneUrl() + "v1.0/Tickets", "{\"id\":7,\"status\":8}");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("30");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(api.status(7)).contains(8L);
  }
}
