package io.alertbridge.core.example;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import java.nio.charset.StandardCharsets;

/** Builds deliveries for tests from text. */
public final class Deliveries {

  private Deliveries() {}

  /** @param json a JSON body @return a delivery with {@code Content-Type: application/json} */
  public static Delivery json(String json) {
    return Delivery.of(Headers.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
  }
}
