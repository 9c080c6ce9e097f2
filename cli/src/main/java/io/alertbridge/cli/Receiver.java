package io.alertbridge.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.Redelivery;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on the loopback interface (JDK {@code HttpServer}): {@code POST
 * /webhooks/{source}} processes a delivery, {@code GET /alerts} lists alert states with the last
 * event applied for each, {@code GET /health} answers that it is up. Deliveries for all sources share
 * one in-memory store; the processor hands its events to a sink ({@link LastAppliedEvents}) through
 * the store's outbox.
 */
final class Receiver {
  private static final String WEBHOOKS = "/webhooks/";
  /** Bodies over the limit are read up to this many bytes, so that the sender gets its 413. */
  private static final long MAX_DRAIN_BYTES = 64L << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ServeConfig config;
  private final Clock clock;
  private final InMemoryAlertStateStore store = new InMemoryAlertStateStore();
  /** The processor's event sink: the last event applied per alert key, for GET /alerts. */
  private final LastAppliedEvents lastApplied;
  private final WebhookProcessor processor;
  private final PrintStream log;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Receiver(HttpServer server, ExecutorService executor, ServeConfig config, IntegrationRegistry registry,
      Clock clock, PrintStream log) {
    this.server = server;
    this.executor = executor;
    this.config = config;
    this.clock = clock;
    this.log = log;
    this.lastApplied = new LastAppliedEvents(store);
    this.processor = WebhookProcessor.builder(registry).stateStore(store).clock(clock).limits(config.limits())
        .eventSink(lastApplied).build();
  }

  /**
   * @param config the alert sources and limits
   * @param registry the integrations
   * @param clock the processor's clock
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @param log where one line per request goes
   * @return the started receiver
   * @throws UncheckedIOException when the port cannot be bound
   */
  static Receiver start(ServeConfig config, IntegrationRegistry registry, Clock clock, int port, PrintStream log) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "alertbridge-receiver");
      thread.setDaemon(true);
      return thread;
    });
    Receiver receiver = new Receiver(server, executor, config, registry, clock, log);
    receiver.redeliverPending();
    server.createContext("/", receiver::handle);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /**
   * Hands the events still pending in the store to the sink, before the first request. The in-memory
   * store starts empty, so there are none yet; a receiver over a persistent store would find those
   * whose hand-over a previous run did not finish.
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
    return server.getAddress().getPort();
  }

  /** @return the bound address: always the loopback interface */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops accepting requests and ends the worker threads. Safe to call more than once. */
  void stop() {
    if (stopped.getCount() > 0) {
      server.stop(0);
      executor.shutdownNow();
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

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (path.startsWith(WEBHOOKS)) {
        if (!method.equals("POST")) {
          notAllowed(exchange, "POST");
        } else {
          webhook(exchange, path.substring(WEBHOOKS.length()));
        }
      } else if (path.equals("/alerts") || path.equals("/health")) {
        if (!method.equals("GET")) {
          notAllowed(exchange, "GET");
        } else if (path.equals("/alerts")) {
          answer(exchange, 200, Json.write(alerts(), true));
        } else {
          answer(exchange, 200, Json.write(Map.of("status", "UP")));
        }
      } else {
        answer(exchange, 404, message("no such path; use POST /webhooks/{source}, GET /alerts or GET /health"));
      }
    } catch (IOException e) {
      log.println("alertbridge: a request could not be answered: " + e.getMessage());
    }
  }

  private Map<String, Object> alerts() {
    Map<String, Object> alerts = Reports.alerts(store.snapshot(), lastApplied::last, clock.instant());
    lastApplied.forgetUnstored();
    return alerts;
  }

  private void webhook(HttpExchange exchange, String rawId) throws IOException {
    String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
    AlertSource source = config.sources().get(id);
    if (source == null) {
      drain(exchange.getRequestBody());
      answer(exchange, 404, message("no alert source \"" + id + "\"; configured: " + config.sources().keySet()));
      return;
    }
    int limit = config.limits().maxBodyBytes();
    long declared = contentLength(exchange);
    byte[] body = declared > limit ? null : exchange.getRequestBody().readNBytes(limit + 1);
    if (body == null || body.length > limit) {
      drain(exchange.getRequestBody());
      String size = declared > limit ? "body is " + declared + " bytes" : "body is over " + limit + " bytes";
      answer(exchange, 413, result("TOO_LARGE", size + "; the limit is " + limit));
      log.println("POST /webhooks/" + id + " -> 413 TOO_LARGE");
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    Delivery delivery = Delivery.builder(body).headers(Headers.of(exchange.getRequestHeaders()))
        .query(query == null ? "" : query).build();
    ProcessingResult result;
    try {
      result = processor.process(source, delivery);
    } catch (UnavailableException e) {
      answer(exchange, 503, result(null, "unavailable, try again later: " + e.getMessage()));
      log.println("POST /webhooks/" + id + " -> 503 (" + e.getMessage() + ")");
      return;
    } catch (RuntimeException e) {
      answer(exchange, 500, result(null, "the delivery could not be processed"));
      log.println("POST /webhooks/" + id + " -> 500 (" + e + ")");
      return;
    }
    answer(exchange, result.httpStatus(), result.responseBody());
    log.println("POST /webhooks/" + id + " -> " + result.httpStatus() + " " + result.outcome()
        + result.alertKey().map(key -> " " + key).orElse("")
        + result.event().map(event -> " " + event.eventType()).orElse(""));
  }

  private static long contentLength(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return value == null ? -1 : Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = body.read(buffer); n >= 0 && total < MAX_DRAIN_BYTES; n = body.read(buffer)) {
      total += n;
    }
  }

  private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
    drain(exchange.getRequestBody());
    exchange.getResponseHeaders().set("Allow", allowed);
    answer(exchange, 405, message("method " + exchange.getRequestMethod() + " not allowed here; use " + allowed));
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

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
