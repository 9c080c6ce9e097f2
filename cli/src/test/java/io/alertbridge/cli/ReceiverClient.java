package io.alertbridge.cli;

import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Calls a running receiver over loopback with the JDK's HTTP client, with the admin token. */
final class ReceiverClient {
  static final String TOKEN = "admin-token-0123456789";
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final Receiver receiver;

  ReceiverClient(Receiver receiver) {
    this.receiver = receiver;
  }

  static String ticket(String id, String status, String updatedAt) {
    return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"updatedAt\": \"" + updatedAt + "\"}";
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + receiver.port() + path);
  }

  private HttpRequest postRequest(String source, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/" + source))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return request.build();
  }

  /** @return the answer's JSON, with its status as {@code "status"} */
  Map<String, Object> post(String source, String body, String... headers) {
    return json(send(postRequest(source, body, headers)));
  }

  CompletableFuture<Map<String, Object>> postAsync(String source, String body) {
    return CLIENT.sendAsync(postRequest(source, body), HttpResponse.BodyHandlers.ofString())
        .thenApply(ReceiverClient::json);
  }

  /** @return {@code GET /alerts}'s list of alerts */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> alerts() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/alerts"))
        .header("Authorization", "Bearer " + TOKEN).build());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET /alerts answered " + response.statusCode() + ": " + response.body());
    }
    return (List<Map<String, Object>>) json(response).get("alerts");
  }

  /** @return {@code GET /alerts?...} as JSON */
  Map<String, Object> alerts(String query) {
    return json(send(HttpRequest.newBuilder(uri("/alerts?" + query)).header("Authorization", "Bearer " + TOKEN)
        .build()));
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(HttpResponse<String> response) {
    Map<String, Object> json = new java.util.LinkedHashMap<>((Map<String, Object>) Json.parse(response.body(), 16));
    json.put("status", (long) response.statusCode());
    return json;
  }
}
