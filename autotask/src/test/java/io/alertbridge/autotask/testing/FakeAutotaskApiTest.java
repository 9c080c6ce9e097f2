package io.alertbridge.autotask.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
}
