package io.alertbridge.cli;

import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.http.HttpMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a delivery from a file: {@code *.json} is a bare JSON body, {@code *.form} a bare
 * form-urlencoded body, {@code *.http} a recorded request (header lines, an empty line, then the body
 * bytes exactly).
 */
final class DeliveryFiles {

  private DeliveryFiles() {}

  /**
   * @param file the file as named on the command line
   * @return the delivery
   * @throws UsageException when the file cannot be read or its kind is unknown
   */
  static Delivery read(String file) {
    String kind = file.substring(file.lastIndexOf('.') + 1);
    if (!kind.equals("json") && !kind.equals("form") && !kind.equals("http")) {
      throw new UsageException(file + ": expected a .json, .form or .http file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw new UsageException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + ")");
    }
    switch (kind) {
      case "json":
        return Delivery.of(Headers.of("Content-Type", "application/json"), bytes);
      case "form":
        return Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"), bytes);
      default:
        try {
          return HttpMessages.parse(bytes);
        } catch (IllegalArgumentException e) {
          throw new UsageException(file + ": not a recorded HTTP request: " + e.getMessage());
        }
    }
  }
}
