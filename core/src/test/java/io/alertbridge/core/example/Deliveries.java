package io.alertbridge.core.example;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.http.HttpMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds deliveries for tests, from text or from recorded files on the test class path. */
public final class Deliveries {

  private Deliveries() {}

  /** @param json a JSON body @return a delivery with {@code Content-Type: application/json} */
  public static Delivery json(String json) {
    return Delivery.of(Headers.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param resource a class-path resource: {@code *.http} is a recorded request, anything else a body
   * @return its bytes
   */
  public static byte[] bytes(String resource) {
    try (InputStream in = Deliveries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param resource a class-path resource: {@code *.http} is a recorded request, {@code *.json} a
   *     JSON body, {@code *.form} a form body
   * @return the delivery
   */
  public static Delivery load(String resource) {
    byte[] bytes = bytes(resource);
    if (resource.endsWith(".http")) {
      return HttpMessages.parse(bytes);
    }
    String type = resource.endsWith(".form") ? "application/x-www-form-urlencoded" : "application/json";
    return Delivery.of(Headers.of("Content-Type", type), bytes);
  }
}
