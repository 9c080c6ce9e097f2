package io.alertbridge.testkit;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.internal.HttpMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Realistic deliveries, one per scenario, as each tool sends them: {@code Fixtures.delivery("zendesk",
 * "01-new-ticket-created")}. Recorded requests ({@code .http}) keep their headers and exact body bytes;
 * bare bodies ({@code .json}) are sent as {@code application/json}. The Zendesk ones are signed with
 * {@link #ZENDESK_SECRET} at the time in their headers. {@code api-*.json} are Autotask REST answers,
 * for {@link FakeAutotaskApi}.
 */
public final class Fixtures {
  /** The secret the Zendesk fixtures are signed with (its UTF-8 bytes are the key). */
  public static final String ZENDESK_SECRET = "dGhpc2lzYXRlc3RzZWNyZXQ=";

  private Fixtures() {}

  /**
   * @param tool {@code zendesk}, {@code topdesk}, {@code haloitsm} or {@code autotask}
   * @return the names of the tool's deliveries, in scenario order, without extension
   */
  public static List<String> names(String tool) {
    return text(tool, "INDEX").lines().filter(line -> !line.isBlank())
        .map(file -> file.substring(0, file.lastIndexOf('.'))).toList();
  }

  /**
   * @param tool the tool
   * @return every delivery of the tool, by name, in scenario order
   */
  public static Map<String, Delivery> deliveries(String tool) {
    Map<String, Delivery> deliveries = new LinkedHashMap<>();
    names(tool).forEach(name -> deliveries.put(name, delivery(tool, name)));
    return deliveries;
  }

  /**
   * @param tool the tool
   * @param name a delivery's name, e.g. {@code 01-new-ticket-created}
   * @return the delivery
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static Delivery delivery(String tool, String name) {
    for (String file : text(tool, "INDEX").lines().toList()) {
      if (file.startsWith(name + ".")) {
        byte[] bytes = bytes(tool, file);
        if (file.endsWith(".http")) {
          return HttpMessages.parse(bytes);
        }
        return Delivery.of(Headers.of("Content-Type", "application/json"), bytes);
      }
    }
    throw new IllegalArgumentException("no " + tool + " fixture named " + name + "; known: " + names(tool));
  }

  /**
   * @param tool the tool
   * @param file a file name with extension, e.g. {@code api-01-ticket-48213-new.json}
   * @return its bytes
   * @throws IllegalArgumentException when there is no such file
   */
  public static byte[] bytes(String tool, String file) {
    Objects.requireNonNull(file, "file");
    String resource = "fixtures/" + Objects.requireNonNull(tool, "tool") + "/" + file;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + tool + "/" + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param tool the tool
   * @param file a file name with extension
   * @return its text, as UTF-8
   */
  public static String text(String tool, String file) {
    return new String(bytes(tool, file), StandardCharsets.UTF_8);
  }
}
