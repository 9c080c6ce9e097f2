package io.alertbridge.cli;

import io.alertbridge.core.AlertChange;
import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.PollResult;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Redelivery;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.WriteBackResult;
import io.alertbridge.core.json.Json;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on the loopback interface ({@link HttpConnections}: bounded connections, read
 * timeouts): {@code POST /webhooks/{source}} processes a delivery, {@code GET /alerts} lists alert states
 * with the last event applied for each (only with the admin token), {@code POST
 * /alerts/{source}/{alertKey}/accept} and {@code /resolve} stand in for the host's alert screen and write
 * the change back to the ticket (only with the admin token), {@code GET /health} answers that it is up.
 * Sources whose settings ask for polling are polled on their interval, and changes waiting to be written
 * back are retried every {@link #WRITE_BACK_EVERY}. Deliveries for all sources share one {@link ServeStore}: in memory, or a database that other
 * receivers may share.
 *
 * <p>Answers never name the configured sources, internal addresses or the reason for a 503; the log
 * line for the operator does.
 */
final class Receiver {
  private static final String WEBHOOKS = "/webhooks/";
  private static final String ALERTS = "/alerts/";
  /** How often changes waiting to be written back are tried. */
  static final Duration WRITE_BACK_EVERY = Duration.ofSeconds(5);
  /** The most characters of a note or author taken from a request. */
  static final int MAX_NOTE_CHARS = 4_000;
  /** How often expired alerts and delivery ids are swept. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
  /** The most alerts one {@code GET /alerts} lists. */
  static final int MAX_ALERTS_LISTED = 1000;

  private final ServeConfig config;
  private final Clock clock;
  private final ServeStore store;
  private final WebhookProcessor processor;
  private final PrintStream log;
  /** SHA-256 of the admin token, or null when none is configured (then GET /alerts is off). */
  private final byte[] adminTokenHash;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ScheduledExecutorService sweeper;
  private final IntegrationRegistry registry;
  private HttpConnections server;

  private Receiver(ServeConfig config, ServeStore store, IntegrationRegistry registry, Clock clock,
      PrintStream log) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.log = log;
    this.registry = registry;
    this.adminTokenHash = config.adminToken().map(token -> sha256(token.utf8Bytes())).orElse(null);
    this.processor = store.wire(WebhookProcessor.builder(registry).clock(clock).limits(config.limits())
        .writeBack(config.writeBack()).sources(config.sources().values())).build();
    this.sweeper = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "alertbridge-schedule");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * @param config the alert sources, limits and admin token
   * @param store where alert states live; the receiver closes it when it stops
   * @param registry the integrations
   * @param clock the processor's clock
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @param log where one line per request goes
   * @return the started receiver
   * @throws UncheckedIOException when the port cannot be bound
   */
  static Receiver start(ServeConfig config, ServeStore store, IntegrationRegistry registry, Clock clock, int port,
      PrintStream log) {
    Receiver receiver = new Receiver(config, store, registry, clock, log);
    try {
      receiver.redeliverPending();
      receiver.server = HttpConnections.start(port, config.connectionLimits(), receiver::handle, log);
    } catch (RuntimeException e) {
      receiver.sweeper.shutdownNow();
      store.close();
      throw e;
    }
    receiver.sweeper.scheduleWithFixedDelay(receiver::sweep, SWEEP_EVERY.toSeconds(), SWEEP_EVERY.toSeconds(),
        TimeUnit.SECONDS);
    receiver.sweeper.scheduleWithFixedDelay(receiver::writePendingChanges, 0, WRITE_BACK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    receiver.polled().forEach((source, interval) -> receiver.sweeper.scheduleWithFixedDelay(() -> receiver.poll(source),
        0, interval.toMillis(), TimeUnit.MILLISECONDS));
    return receiver;
  }

  /** @return the sources whose settings ask for polling, with their intervals */
  Map<AlertSource, Duration> polled() {
    Map<AlertSource, Duration> polled = new LinkedHashMap<>();
    for (AlertSource source : config.sources().values()) {
      registry.find(source.integration()).flatMap(Integration::ticketPoller).flatMap(poller -> poller.interval(source))
          .ifPresent(interval -> polled.put(source, interval));
    }
    return polled;
  }

  /** Polls one source now and logs what it decided. Called on the source's schedule. */
  void poll(AlertSource source) {
    try {
      PollResult result = processor.poll(source);
      Map<String, Integer> outcomes = new java.util.TreeMap<>();
      result.results().forEach(item -> outcomes.merge(item.outcome().name(), 1, Integer::sum));
      log.println("poll " + HttpConnections.printable(source.id()) + " since " + result.since() + " -> "
          + result.results().size() + " tickets" + (outcomes.isEmpty() ? "" : " " + outcomes));
    } catch (RuntimeException e) {
      log.println("poll " + HttpConnections.printable(source.id()) + " failed, tried again on schedule: "
          + e.getMessage());
    }
  }

  /** Writes the changes that wait to go back to their tickets, and logs each attempt. Called on a schedule. */
  void writePendingChanges() {
    try {
      for (WriteBackResult result : processor.writePendingChanges()) {
        log.println("write-back " + HttpConnections.printable(result.key().sourceId()) + " "
            + HttpConnections.printable(result.key().ticketId()) + " -> " + result.status() + " ("
            + HttpConnections.printable(result.message()) + ")");
      }
    } catch (RuntimeException e) {
      log.println("alertbridge: writing changes back failed, tried again on schedule: " + e.getMessage());
    }
  }

  /** Forgets expired alerts and delivery ids now. Called on a schedule. */
  void sweep() {
    try {
      store.sweep(clock.instant());
    } catch (RuntimeException e) {
      log.println("alertbridge: the sweep of expired alerts failed: " + e.getMessage());
    }
  }

  /**
   * Hands the events still pending in the store to the sink, before the first request: in memory there
   * are none yet; a database may hold those whose hand-over a previous run did not finish.
   */
  private void redeliverPending() {
    Redelivery redelivery = processor.redeliverPending();
    if (redelivery.applied() > 0 || redelivery.pending() > 0) {
      log.println("alertbridge: " + redelivery.applied() + " pending events applied at start-up, "
          + redelivery.pending() + " still pending");
    }
  }

  /** @return the bound port */
  int port() {
    return server.address().getPort();
  }

  /** @return the bound address: always the loopback interface */
  InetSocketAddress address() {
    return server.address();
  }

  /** @return how many connections are open now */
  int openConnections() {
    return server.openConnections();
  }

  /** Stops accepting requests and ends the worker threads. Safe to call more than once. */
  synchronized void stop() {
    if (stopped.getCount() > 0) {
      server.stop();
      sweeper.shutdownNow();
      store.close();
      stopped.countDown();
    }
  }

  /** Waits until {@link #stop} was called. */
  void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpConnections.Response handle(HttpConnections.Request request) {
    String path = request.rawPath();
    String method = request.method();
    if (path.startsWith(WEBHOOKS)) {
      return method.equals("POST") ? webhook(request, path.substring(WEBHOOKS.length())) : notAllowed(method, "POST");
    }
    if (path.equals("/health")) {
      return method.equals("GET") ? new HttpConnections.Response(200, Json.write(Map.of("status", "UP")))
          : notAllowed(method, "GET");
    }
    if (path.startsWith(ALERTS) && adminTokenHash != null) {
      if (!authorized(request.header("Authorization"))) {
        log.println(method + " /alerts/... -> 401");
        return new HttpConnections.Response(401, message("authentication required"),
            Map.of("WWW-Authenticate", "Bearer"));
      }
      return method.equals("POST") ? alertChanged(request, path.substring(ALERTS.length()))
          : notAllowed(method, "POST");
    }
    if (path.equals("/alerts") && adminTokenHash != null) {
      if (!authorized(request.header("Authorization"))) {
        log.println(method + " /alerts -> 401");
        return new HttpConnections.Response(401, message("authentication required"),
            Map.of("WWW-Authenticate", "Bearer"));
      }
      return method.equals("GET") ? alerts(request.rawQuery()) : notAllowed(method, "GET");
    }
    return new HttpConnections.Response(404, message("no such path"));
  }

  /** Compares the bearer token's hash with the admin token's in constant time. */
  private boolean authorized(String authorization) {
    if (authorization == null || authorization.length() < 7
        || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return false;
    }
    byte[] given = sha256(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(given, adminTokenHash);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * {@code {"alerts": [...], "next": ...}}: at most {@code limit} alerts not yet forgotten, sorted by source
   * and key, after the key given by {@code afterSource} and {@code afterKey}; {@code next} is the query
   * for the following ones, or null when there are none.
   */
  private HttpConnections.Response alerts(String rawQuery) {
    Map<String, String> query = query(rawQuery);
    int limit = MAX_ALERTS_LISTED;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > MAX_ALERTS_LISTED) {
        return new HttpConnections.Response(400, message("limit must be a number from 1 to " + MAX_ALERTS_LISTED));
      }
    }
    Optional<AlertKey> after = Optional.empty();
    if (query.containsKey("afterSource") || query.containsKey("afterKey")) {
      if (!query.containsKey("afterSource") || !query.containsKey("afterKey")) {
        return new HttpConnections.Response(400, message("afterSource and afterKey go together"));
      }
      after = Optional.of(new AlertKey(query.get("afterSource"), query.get("afterKey")));
    }
    ServeStore.Page page;
    try {
      page = store.alerts(clock.instant(), after, limit);
    } catch (UnavailableException e) {
      log.println("GET /alerts -> 503 (" + e.getMessage() + ")");
      return new HttpConnections.Response(503, message("try again later"), Map.of("Retry-After", "30"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alerts", page.alerts());
    body.put("next", page.more() ? "/alerts?limit=" + limit + "&afterSource=" + encode(page.last().get().sourceId())
        + "&afterKey=" + encode(page.last().get().ticketId()) : null);
    return new HttpConnections.Response(200, Json.write(body, true));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value,
            StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a broken escape: the parameter is ignored
      }
    }
    return query;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpConnections.Response webhook(HttpConnections.Request request, String rawId) {
    String id;
    try {
      id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      id = rawId;
    }
    String logged = "POST /webhooks/" + HttpConnections.printable(id);
    AlertSource source = config.sources().get(id);
    if (source == null) {
      log.println(logged + " -> 404 no such source");
      return new HttpConnections.Response(404, message("no such source"));
    }
    int limit = config.limits().maxBodyBytes();
    if (request.tooLarge()) {
      long declared = request.declaredLength();
      String size = declared > limit ? "body is " + declared + " bytes" : "body is over " + limit + " bytes";
      log.println(logged + " -> 413 TOO_LARGE");
      return new HttpConnections.Response(413, result("TOO_LARGE", size + "; the limit is " + limit));
    }
    Delivery delivery = Delivery.builder(request.body()).headers(Headers.of(request.headers()))
        .query(request.rawQuery()).build();
    ProcessingResult result;
    try {
      result = processor.process(source, delivery);
    } catch (UnavailableException e) {
      log.println(logged + " -> 503 (" + e.getMessage() + ")");
      return new HttpConnections.Response(503, result(null, "try again later"), Map.of("Retry-After", "30"));
    } catch (RuntimeException e) {
      log.println(logged + " -> 500 (" + e + ")");
      return new HttpConnections.Response(500, result(null, "the delivery could not be processed"));
    }
    log.println(logged + " -> " + result.httpStatus() + " " + result.outcome()
        + result.ticketId().map(key -> " " + HttpConnections.printable(key)).orElse("")
        + result.event().map(event -> " " + event.eventType()).orElse("")
        + (result.outcome() == Outcome.UNAUTHORIZED ? " (" + String.join("; ", result.explanation().notes()) + ")" : ""));
    return new HttpConnections.Response(result.httpStatus(), result.responseBody());
  }

  /**
   * {@code POST /alerts/{source}/{alertKey}/accept} or {@code /resolve}, with an optional JSON body {@code
   * {"note": ..., "author": ...}}: the host's alert changed, so the ticket hears of it.
   */
  private HttpConnections.Response alertChanged(HttpConnections.Request request, String rest) {
    String[] parts = rest.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()
        || !(parts[2].equals("accept") || parts[2].equals("resolve"))) {
      return new HttpConnections.Response(404, message("expected /alerts/{source}/{alertKey}/accept or /resolve"));
    }
    String sourceId = decode(parts[0]);
    String ticketId = decode(parts[1]);
    String logged = "POST /alerts/" + HttpConnections.printable(sourceId) + "/" + HttpConnections.printable(ticketId)
        + "/" + parts[2];
    AlertSource source = config.sources().get(sourceId);
    if (source == null) {
      log.println(logged + " -> 404 no such source");
      return new HttpConnections.Response(404, message("no such source"));
    }
    if (request.tooLarge()) {
      return new HttpConnections.Response(413, message("the body is over " + config.limits().maxBodyBytes()
          + " bytes"));
    }
    AlertChange change = parts[2].equals("accept") ? AlertChange.accepted() : AlertChange.resolved();
    List<String> problems = new ArrayList<>();
    if (request.body().length > 0) {
      Object body;
      try {
        body = Json.parse(request.body(), config.limits());
      } catch (MalformedDeliveryException e) {
        return new HttpConnections.Response(400, message(e.describe("body")));
      }
      if (!(body instanceof Map<?, ?> members)) {
        return new HttpConnections.Response(400, message("expected a JSON object with an optional note and author"));
      }
      for (Object member : members.keySet()) {
        Object value = members.get(member);
        if (!member.equals("note") && !member.equals("author")) {
          problems.add("unknown member at /" + member + "; expected note or author");
        } else if (!(value instanceof String text)) {
          problems.add("expected a string at /" + member);
        } else if (text.length() > MAX_NOTE_CHARS) {
          problems.add("/" + member + " is " + text.length() + " characters long; the limit is " + MAX_NOTE_CHARS);
        } else {
          change = member.equals("note") ? change.withNote(text) : change.by(text);
        }
      }
    }
    if (!problems.isEmpty()) {
      log.println(logged + " -> 400");
      return new HttpConnections.Response(400, message(String.join("; ", problems)));
    }
    WriteBackResult result;
    try {
      result = processor.alertChanged(source, ticketId, change);
    } catch (ConfigurationException e) {
      log.println(logged + " -> 409 (" + e.getMessage() + ")");
      return new HttpConnections.Response(409, message(e.getMessage()));
    } catch (UnavailableException e) {
      log.println(logged + " -> 503 (" + e.getMessage() + ")");
      return new HttpConnections.Response(503, message("try again later"), Map.of("Retry-After", "30"));
    }
    int status = switch (result.status()) {
      case WRITTEN, UNCHANGED -> 200;
      case RETRYING -> 202;
      case FAILED -> 502;
      case UNKNOWN_ALERT -> 404;
      case REFUSED -> 409;
    };
    log.println(logged + " -> " + status + " " + result.status() + " (" + HttpConnections.printable(result.message())
        + ")");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", result.status().name());
    body.put("alertKey", ticketId);
    body.put("state", result.state().map(Enum::name).orElse(null));
    body.put("ticketStatus", result.change().flatMap(c -> c.status()).orElse(null));
    body.put("note", result.change().map(c -> c.note()).orElse(null));
    body.put("nextAttemptAt", result.nextAttemptAt().map(Object::toString).orElse(null));
    body.put("message", result.message());
    return new HttpConnections.Response(status, Json.write(body));
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  private static HttpConnections.Response notAllowed(String method, String allowed) {
    return new HttpConnections.Response(405, message("method not allowed here; use " + allowed),
        Map.of("Allow", allowed));
  }

  private static String result(String outcome, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("outcome", outcome);
    body.put("alertKey", null);
    body.put("state", null);
    body.put("message", message);
    return Json.write(body);
  }

  private static String message(String message) {
    return Json.write(Map.of("message", message));
  }
}
