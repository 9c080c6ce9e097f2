package io.alertbridge.cli;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.ReopenPolicy;
import io.alertbridge.core.Secret;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code alertbridge} commands, with their output streams and clock injected: {@link #run}
 * returns the exit code instead of exiting.
 */
final class Cli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final Set<String> SERVE_OPTIONS = Set.of("port", "config", "now", "admin-token-env", "jdbc-url",
      "jdbc-user", "jdbc-password-env", "state");

  private final IntegrationRegistry registry;
  private final Clock clock;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;

  /**
   * @param registry the integrations to offer
   * @param clock the clock unless {@code --now} fixes one
   * @param out where results go
   * @param err where usage and errors go
   */
  Cli(IntegrationRegistry registry, Clock clock, PrintStream out, PrintStream err) {
    this(registry, clock, out, err, System::getenv);
  }

  /**
   * @param registry the integrations to offer
   * @param clock the clock unless {@code --now} fixes one
   * @param out where results go
   * @param err where usage and errors go
   * @param environment the environment variables by name (null when not set)
   */
  Cli(IntegrationRegistry registry, Clock clock, PrintStream out, PrintStream err,
      Function<String, String> environment) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /**
   * @param args the command line
   * @return 0 when every delivery was processed, 1 when something could not be done, 2 on usage errors
   */
  int run(String... args) {
    try {
      if (args.length == 0) {
        throw new UsageException("no command given");
      }
      List<String> rest = Arrays.asList(args).subList(1, args.length);
      switch (args[0]) {
        case "replay":
          return replay(rest);
        case "explain":
          return explain(rest);
        case "serve":
          return serve(rest);
        case "help":
        case "--help":
        case "-h":
          out.print(synopsis());
          out.print(options());
          return OK;
        default:
          throw new UsageException("unknown command \"" + args[0] + "\"");
      }
    } catch (UsageException e) {
      err.println("alertbridge: " + e.getMessage());
      err.print(synopsis());
      err.println("Run alertbridge --help for the options.");
      return USAGE;
    } catch (ConfigurationException e) {
      err.println("alertbridge: " + e.getMessage());
      return USAGE;
    } catch (UncheckedIOException e) {
      err.println("alertbridge: " + e.getMessage());
      return FAILED;
    } catch (StoreException e) {
      err.println("alertbridge: the database cannot be used: " + e.getMessage());
      return FAILED;
    } catch (RuntimeException e) {
      err.println("alertbridge: unexpected failure: " + e);
      return FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int replay(List<String> args) {
    Options options = Options.parse(args, sourceOptions(), Set.of());
    Clock fixed = clock(options);
    AlertSource source = source(options, fixed);
    if (options.arguments().isEmpty()) {
      throw new UsageException("replay needs at least one FILE");
    }
    List<Delivery> deliveries = new ArrayList<>();
    options.arguments().forEach(file -> deliveries.add(DeliveryFiles.read(file)));
    WebhookProcessor processor = WebhookProcessor.builder(registry).clock(fixed).sources(List.of(source)).build();
    int exit = OK;
    for (int i = 0; i < deliveries.size(); i++) {
      String file = options.arguments().get(i);
      Map<String, Object> line;
      try {
        line = Reports.replayLine(file, processor.process(source, deliveries.get(i)));
      } catch (UnavailableException e) {
        line = Reports.unavailableLine(file, e.getMessage());
        exit = FAILED;
      }
      out.println(Json.write(line));
    }
    return exit;
  }

  private int explain(List<String> args) {
    Options options = Options.parse(args, sourceOptions(), Set.of("json", "fetch"));
    Clock fixed = clock(options);
    AlertSource source = source(options, fixed);
    if (options.arguments().size() != 1) {
      throw new UsageException("explain needs exactly one FILE, got " + options.arguments().size());
    }
    Delivery delivery = DeliveryFiles.read(options.arguments().get(0));
    ProcessingResult result;
    try {
      result = WebhookProcessor.builder(registry).clock(fixed).sources(List.of(source)).build()
          .explain(source, delivery, options.flag("fetch"));
    } catch (UnavailableException e) {
      err.println("alertbridge: unavailable, try again later: " + e.getMessage());
      return FAILED;
    }
    if (options.flag("json")) {
      out.println(Json.write(Reports.explanation(result), true));
    } else {
      out.print(result.explanation().toText());
      for (ProcessingResult item : result.items()) {
        out.println();
        out.print(item.explanation().toText());
      }
    }
    return OK;
  }

  private int serve(List<String> args) {
    Receiver receiver = startReceiver(args);
    Runtime.getRuntime().addShutdownHook(new Thread(receiver::stop, "alertbridge-shutdown"));
    receiver.awaitStop();
    return OK;
  }

  /**
   * Starts the receiver that {@code serve} runs, without waiting for it to stop.
   *
   * @param args the arguments after {@code serve}
   * @return the running receiver; the caller stops it
   */
  Receiver startReceiver(List<String> args) {
    Options options = Options.parse(args, SERVE_OPTIONS, Set.of());
    if (!options.arguments().isEmpty()) {
      throw new UsageException("serve takes no FILE, got " + options.arguments().get(0));
    }
    Clock fixed = clock(options);
    int port = port(options.value("port").orElse("8080"));
    ServeConfig config = options.value("config")
        .map(file -> ServeConfig.read(readText(file), registry, fixed))
        .orElseGet(() -> ServeConfig.defaults(registry));
    Optional<String> tokenVariable = options.value("admin-token-env");
    if (tokenVariable.isPresent()) {
      if (config.adminToken().isPresent()) {
        throw new UsageException("--admin-token-env: the configuration already has an adminToken; give one or the other");
      }
      config = config.withAdminToken(Secret.of(adminToken(tokenVariable.get())));
    }
    ServeStore store = store(options);
    Receiver receiver = Receiver.start(config, store, registry, fixed, port, out);
    String base = "http://127.0.0.1:" + receiver.port();
    out.println("alertbridge listening on " + base + "/ (port " + receiver.port() + ")");
    config.sources().values().forEach(source -> out.println("  POST " + base + "/webhooks/" + source.id() + "  ("
        + source.integration() + ", authentication: " + AlertSources.describe(source.authentication()) + ")"));
    config.skipped().forEach((id, problem) -> out.println("  (not served: " + id + ": " + problem + ")"));
    out.println("  GET  " + base + "/alerts" + (config.adminToken().isPresent()
        ? "  (Authorization: Bearer <admin token>)" : "  (off: no admin token)"));
    if (config.adminToken().isPresent()) {
      out.println("  POST " + base + "/alerts/{source}/{alertKey}/accept and /resolve  (Authorization: Bearer <admin"
          + " token>; writes the change back to the ticket)");
    }
    receiver.polled().forEach((source, interval) -> out.println("  polling " + source.id() + " every " + interval));
    out.println("  GET  " + base + "/health");
    out.println("  state: " + store.describe());
    out.flush();
    return receiver;
  }

  /** The store {@code --jdbc-url} or {@code --state} names; in memory without either. */
  private ServeStore store(Options options) {
    Optional<String> url = options.value("jdbc-url");
    Optional<String> state = options.value("state");
    if (url.isEmpty()) {
      for (String option : List.of("jdbc-user", "jdbc-password-env")) {
        if (options.value(option).isPresent()) {
          throw new UsageException("--" + option + " goes with --jdbc-url");
        }
      }
    }
    if (url.isPresent() && state.isPresent()) {
      throw new UsageException("--state and --jdbc-url exclude each other: --state FILE is an H2 database of its own");
    }
    if (state.isPresent()) {
      String file = state.get();
      if (file.endsWith(".mv.db")) {
        file = file.substring(0, file.length() - ".mv.db".length());
      }
      if (file.isBlank() || file.contains(";")) {
        throw new UsageException("--state: expected a file name without ';', got \"" + state.get() + '"');
      }
      Path path = Path.of(file).toAbsolutePath().normalize();
      return JdbcServeStore.open("jdbc:h2:file:" + path, null, null, "H2 file " + path + ".mv.db");
    }
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:")) {
        throw new UsageException("--jdbc-url: expected a JDBC URL such as jdbc:postgresql://localhost/alertbridge");
      }
      String password = null;
      Optional<String> variable = options.value("jdbc-password-env");
      if (variable.isPresent()) {
        password = environment.apply(variable.get());
        if (password == null) {
          throw new UsageException("--jdbc-password-env: the environment variable " + variable.get() + " is not set");
        }
      }
      try {
        return JdbcServeStore.open(url.get(), options.value("jdbc-user").orElse(null), password,
            "JDBC " + withoutQuery(url.get()));
      } catch (IllegalStateException e) { // a database the stores do not speak
        throw new StoreException(e.getMessage(), e);
      }
    }
    return new MemoryServeStore();
  }

  /** @return the URL up to its parameters, which may hold a password */
  private static String withoutQuery(String url) {
    int end = url.length();
    for (char c : new char[] {'?', ';', '&'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    int at = url.lastIndexOf('@', end);
    int scheme = url.indexOf("//");
    if (at >= 0 && scheme >= 0 && at > scheme) {
      return url.substring(0, scheme + 2) + url.substring(at + 1, end); // user:password@host
    }
    return url.substring(0, end);
  }

  private String adminToken(String variable) {
    String token = environment.apply(variable);
    if (token == null || token.isEmpty()) {
      throw new UsageException("--admin-token-env: the environment variable " + variable + " is not set");
    }
    if (!ServeConfig.isAdminToken(token)) {
      throw new UsageException("--admin-token-env: the token in " + variable + " must have at least "
          + ServeConfig.MIN_ADMIN_TOKEN_CHARS + " characters, without spaces around it");
    }
    return token;
  }

  private AlertSource source(Options options, Clock fixed) {
    String name = options.required("source");
    Integration integration = registry.find(name).orElseThrow(
        () -> new UsageException("unknown --source \"" + name + "\"; known: " + registry.names()));
    AlertSource.Builder builder = AlertSource.builder(name, name);
    options.value("reopen").map(Cli::reopenPolicy).ifPresent(builder::reopenPolicy);
    try {
      builder.authentication(AlertSources.authentication(integration, options.value("secret").stream().toList(),
          Optional.empty()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--secret: " + e.getMessage());
    }
    AlertSources.settings(integration, registry, options::value, options.value("settings").map(Cli::readText))
        .ifPresent(builder::settings);
    return builder.build();
  }

  private Clock clock(Options options) {
    Optional<String> now = options.value("now");
    if (now.isEmpty()) {
      return clock;
    }
    try {
      return Clock.fixed(Instant.parse(now.get()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new UsageException("--now: expected an ISO-8601 instant such as 2025-03-04T09:20:00Z, got \""
          + now.get() + '"');
    }
  }

  /**
   * @param text {@code new} or {@code ignore}
   * @return the reopen policy
   * @throws UsageException for anything else
   */
  static ReopenPolicy reopenPolicy(String text) {
    switch (text) {
      case "new":
        return ReopenPolicy.NEW_ALERT;
      case "ignore":
        return ReopenPolicy.IGNORE;
      default:
        throw new UsageException("--reopen: expected new or ignore, got \"" + text + '"');
    }
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port: expected a number from 0 to 65535, got \"" + text + '"');
  }

  private static String readText(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UsageException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + ")");
    }
  }

  /** @return the options of replay and explain: the common ones and every integration's setting options */
  private Set<String> sourceOptions() {
    Set<String> options = new HashSet<>(Set.of("source", "secret", "now", "reopen", "settings"));
    options.addAll(AlertSources.settingOptions(registry).keySet());
    return Set.copyOf(options);
  }

  private static String synopsis() {
    return """
        Usage: alertbridge <command> [options]
          replay  --source NAME [--secret S] [--settings FILE] [--now ISO-8601] [--reopen new|ignore] FILE...
                  Runs the deliveries in order through one in-memory store; prints one JSON line each.
          explain --source NAME [--secret S] [--settings FILE] [--now ISO-8601] [--json] [--fetch] FILE
                  Prints the reasoning for one delivery, changing nothing; with --fetch, fetches a
                  ticket the delivery only names from the tool's API (reading only) to decide.
          serve   [--port 8080] [--config FILE] [--now ISO-8601] [--admin-token-env VAR]
                  [--state FILE | --jdbc-url URL [--jdbc-user U] [--jdbc-password-env VAR]]
                  Receives deliveries on 127.0.0.1: POST /webhooks/{source}, GET /alerts, GET /health.
        """;
  }

  private String options() {
    return """

        Options:
          --source NAME      the integration, one of: %s
          --secret S         turns authentication on, as the integration's deliveries carry it:
        %s
          --settings FILE    the integration's settings: a JSON object, as "settings" in a serve configuration
        %s
          --now ISO-8601     fixes the clock, e.g. 2025-03-04T09:20:00Z (signatures are checked against it)
          --reopen new|ignore  what a creating status does to a resolved alert (default: new)
          --json             explain: print JSON instead of text
          --fetch            explain: fetch a ticket the delivery only names from the tool's API
          --admin-token-env VAR  serve: the admin token is in this environment variable; GET /alerts
                             needs it as "Authorization: Bearer <token>" (without one, GET /alerts is off)
          --state FILE       serve: keep alerts and delivery ids in an H2 database file (FILE.mv.db),
                             so that they survive a restart; one process at a time
          --jdbc-url URL     serve: keep them in a database that several receivers share (PostgreSQL,
                             MySQL, MariaDB, H2); the tables are created if missing
          --jdbc-user U, --jdbc-password-env VAR  the database user, and the variable with its password

        FILE: *.json (a JSON body), *.form (a form-urlencoded body) or *.http (header lines,
        an empty line, then the body bytes exactly).
        Exit status: 0 when every delivery was processed, 1 when one could not be (503), 2 on usage or
        configuration errors (every problem is listed).
        """.formatted(registry.names().isEmpty() ? "(none found)" : String.join(", ", registry.names()),
            AlertSources.secretUsage(registry), AlertSources.settingOptionsUsage(registry));
  }
}
