package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.Delivery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordedRequestsTest {

  @Test
  void keepsTheBodyBytesExactly() {
    byte[] message = "Content-Type: application/json\nX-Id: 7\n\n{\"a\": \"b\"}\n\n".getBytes(StandardCharsets.UTF_8);

    Delivery delivery = RecordedRequests.parse(message);

    assertThat(delivery.headers().first("content-type")).contains("application/json");
    assertThat(delivery.headers().first("X-ID")).contains("7");
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": \"b\"}\n\n");
  }

  @Test
  void readsCrLfHeadersAndAnEmptyBody() {
    Delivery delivery = RecordedRequests.parse("A: 1\r\nB: x: y\r\n\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(delivery.headers().first("B")).contains("x: y");
    assertThat(delivery.body()).isEmpty();
  }

  @Test
  void refusesAHeaderLineWithoutColon() {
    assertThatThrownBy(() -> RecordedRequests.parse("not a header\n\n{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("expected a header line");
  }
}
