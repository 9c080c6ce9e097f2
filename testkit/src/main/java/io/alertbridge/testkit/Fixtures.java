package io.alertbridge.testkit;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Realistic deliveries, one per scenario, as a tool sends them. Each integration keeps its own in
 * the class path folder {@code fixtures/} next to a class of its test support, the anchor:
 * {@code Fixtures.of(ZendeskDeliveries.class).delivery("01-new-ticket-created")}. The folder's
 * {@code INDEX} lists the delivery files in scenario order, one a line; other files there, such as
 * recorded API answers, are read with {@link #bytes} and {@link #text}. Recorded requests
 * ({@code .http}) keep their headers and exact body bytes; bare bodies ({@code .json}) are sent as
 * {@code application/json}. On the module path the anchor's module must open the folder's package.
 */
public final class Fixtures {
  private final Class<?> anchor;

  private Fixtures(Class<?> anchor) {
    this.anchor = Objects.requireNonNull(anchor, "anchor");
  }

  /**
   * @param anchor a class whose package holds the {@code fixtures/} folder, e.g. {@code
   *     ZendeskDeliveries.class}
   * @return the fixtures next to it
   */
  public static Fixtures of(Class<?> anchor) {
    return new Fixtures(anchor);
  }

  /** @return the names of the deliveries, in scenario order, without extension */
  public List<String> names() {
    return index().stream().map(file -> file.substring(0, file.lastIndexOf('.'))).toList();
  }

  /** @return every delivery, by name, in scenario order */
  public Map<String, Delivery> deliveries() {
    Map<String, Delivery> deliveries = new LinkedHashMap<>();
    names().forEach(name -> deliveries.put(name, delivery(name)));
    return deliveries;
  }

  /**
   * @param name a delivery's name, e.g. {@code 01-new-ticket-created}
   * @return the delivery
   * @throws IllegalArgumentException when there is no such fixture
   */
  public Delivery delivery(String name) {
    Objects.requireNonNull(name, "name");
    for (String file : index()) {
      if (file.startsWith(name + ".")) {
        byte[] bytes = bytes(file);
        if (file.endsWith(".http")) {
          return RecordedRequests.parse(bytes);
        }
        return Delivery.of(Headers.of("Content-Type", "application/json"), bytes);
      }
    }
    throw new IllegalArgumentException("no fixture named " + name + " " + where() + "; known: " + names());
  }

  /**
   * @param file a file name with extension, e.g. {@code api-01-ticket-48213-new.json}
   * @return its bytes
   * @throws IllegalArgumentException when there is no such file
   */
  public byte[] bytes(String file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = anchor.getResourceAsStream("fixtures/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture file " + file + " " + where());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param file a file name with extension
   * @return its text, as UTF-8
   * @throws IllegalArgumentException when there is no such file
   */
  public String text(String file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  private List<String> index() {
    return text("INDEX").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private String where() {
    return "in fixtures/ next to " + anchor.getName();
  }

  @Override
  public String toString() {
    return "Fixtures[" + where() + "]";
  }
}
