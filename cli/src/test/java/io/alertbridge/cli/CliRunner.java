package io.alertbridge.cli;

import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.testkit.Fixtures;
import io.alertbridge.core.example.ExampleIntegration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the command line in-process, capturing what it prints. */
final class CliRunner {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T10:00:00Z"), ZoneOffset.UTC);
  private static final Pattern IDS = Pattern.compile("\"(alertId|eventId)\":\"([^\"]*)\"");

  private static Path fixtures;

  private CliRunner() {}

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    /** @return the lines, with each distinct alertId and eventId numbered in order of first appearance */
    List<String> numberedLines() {
      return numberIds(lines());
    }
  }

  /**
   * Replaces the values of {@code alertId} and {@code eventId} (random) by {@code alert-1},
   * {@code alert-2}, ... and {@code event-1}, {@code event-2}, ...: one number per distinct value, in
   * order of first appearance. Equal numbers mean equal ids, different numbers different ids.
   *
   * @param lines JSON lines
   * @return the lines with numbered ids
   */
  static List<String> numberIds(List<String> lines) {
    Map<String, Map<String, String>> numbers = Map.of("alertId", new HashMap<>(), "eventId", new HashMap<>());
    List<String> numbered = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher = IDS.matcher(line);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        Map<String, String> seen = numbers.get(matcher.group(1));
        String prefix = matcher.group(1).equals("alertId") ? "alert-" : "event-";
        String number = seen.computeIfAbsent(matcher.group(2), id -> prefix + (seen.size() + 1));
        matcher.appendReplacement(out, Matcher.quoteReplacement("\"" + matcher.group(1) + "\":\"" + number + "\""));
      }
      matcher.appendTail(out);
      numbered.add(out.toString());
    }
    return numbered;
  }

  static IntegrationRegistry example() {
    return IntegrationRegistry.of(new ExampleIntegration());
  }

  static Run run(IntegrationRegistry registry, String... args) {
    return run(registry, System::getenv, args);
  }

  /** @param environment the environment variables the command sees, by name (null when not set) */
  static Run run(IntegrationRegistry registry, Function<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Cli(registry, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), environment).run(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** @param name a test resource, e.g. {@code example/01-new.json} @return its file path */
  static String file(String name) {
    URL url = CliRunner.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * @param anchor an integration's test support class, e.g. {@code ZendeskDeliveries.class}
   * @param file a fixture file next to it, e.g. {@code 01-new-ticket-created.http}
   * @return the path of a copy of it in a temporary folder, deleted when the tests end
   */
  static synchronized String fixture(Class<?> anchor, String file) {
    try {
      if (fixtures == null) {
        fixtures = Files.createTempDirectory("alertbridge-fixtures");
        fixtures.toFile().deleteOnExit();
      }
      Path dir = fixtures.resolve(anchor.getPackageName());
      if (Files.notExists(dir)) {
        Files.createDirectory(dir);
        dir.toFile().deleteOnExit();
      }
      Path path = dir.resolve(file);
      if (Files.notExists(path)) {
        Files.write(path, Fixtures.of(anchor).bytes(file));
        path.toFile().deleteOnExit();
      }
      return path.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
