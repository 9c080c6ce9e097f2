package io.alertbridge.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared exchange with a tool's API, against a loopback server. */
class ApiClientTest {
  private HttpServer server;
  private final ApiClient api = new ApiClient("Desk", Duration.ofSeconds(5), Duration.ofSeconds(10));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer("/ok", 200, Map.of(), "{\"id\": 42}");
    answer("/array", 200, Map.of(), "[1, 2]");
    answer("/refused", 400, Map.of(), "[{\"message\": \"Unknown processing status\"}]\n" + "x".repeat(10_000));
    answer("/busy", 429, Map.of("Retry-After", "30"), "");
    answer("/down", 503, Map.of(), "<html>down</html>");
    answer("/login", 401, Map.of(), "");
    answer("/big", 200, Map.of(), "[" + "1,".repeat(4_000) + "1]");
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  private void answer(String path, int status, Map<String, String> headers, String body) {
    server.createContext(path, exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?token=t0p"))
        .timeout(api.requestTimeout()).GET().build();
  }

  private ApiException failure(String path) {
    return (ApiException) org.assertj.core.api.Assertions.catchThrowable(
        () -> api.send(get(path), Limits.defaults()).requireSuccess());
  }

  @Test
  void aSuccessfulAnswerIsReadAsJson() {
    ApiClient.Answer answer = api.send(get("/ok"), Limits.defaults()).requireSuccess();

    assertThat(answer.jsonObject(Limits.defaults()).get("id")).isEqualTo(42L);
    assertThatThrownBy(() -> api.send(get("/array"), Limits.defaults()).jsonObject(Limits.defaults()))
        .isInstanceOf(ApiException.class).hasMessageContaining("not an object");
  }

  @Test
  void aRefusalIsNotRetryableAndCarriesTheStartOfTheToolsText() {
    ApiException e = failure("/refused");

    assertThat(e.reason()).isEqualTo(ApiException.Reason.REJECTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.apiStatus()).hasValue(400);
    assertThat(e.getMessage()).startsWith("Desk answered HTTP 400 to GET http://127.0.0.1:")
        .contains("/refused: [{\"message\": \"Unknown processing status\"}]").doesNotContain("t0p").hasSizeLessThan(420);
  }

  @Test
  void busyAndFailingToolsAreRetryable() {
    ApiException busy = failure("/busy");
    assertThat(busy.reason()).isEqualTo(ApiException.Reason.RATE_LIMITED);
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(busy.retryable()).isTrue();

    ApiException down = failure("/down");
    assertThat(down.reason()).isEqualTo(ApiException.Reason.SERVER_ERROR);
    assertThat(down.retryable()).isTrue();

    ApiException login = failure("/login");
    assertThat(login.reason()).isEqualTo(ApiException.Reason.REFUSED);
    assertThat(login.retryable()).isFalse();
  }

  @Test
  void theWholeExchangeIsBoundedInTimeAndBytes() {
    ApiClient quick = new ApiClient("Desk", Duration.ofSeconds(5), Duration.ofMillis(300));
    assertThatThrownBy(() -> quick.send(get("/slow"), Limits.defaults())).isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).reason()).isEqualTo(ApiException.Reason.TIMEOUT));

    Limits small = Limits.builder().maxApiAnswerBytes(1_000).build();
    assertThatThrownBy(() -> api.send(get("/big"), small)).isInstanceOf(ApiException.class)
        .hasMessageContaining("larger than 1000 bytes");
  }

  @Test
  void anUnreachableToolIsRetryable() {
    server.stop(0);

    ApiException e = failure("/ok");

    assertThat(e.reason()).isEqualTo(ApiException.Reason.UNREACHABLE);
    assertThat(e.retryable()).isTrue();
  }
}
