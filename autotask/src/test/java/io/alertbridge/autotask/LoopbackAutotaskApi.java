package io.alertbridge.autotask;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.example.Deliveries;
import io.alertbridge.core.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the Autotask REST API on the loopback interface only, serving copies of the recorded
 * answers: the zone lookup (pointing back at itself), tickets by id and the ticket-field picklists.
 * Authenticated calls need the three headers of {@link #source}; others get 401. Counts requests per
 * path, and can fail or stall on purpose. Close it after each test.
 */
final class LoopbackAutotaskApi implements AutoCloseable {
  static final String USERNAME = "alerts-api@contoso.example";
  static final String SECRET = "Zq7!secret-Hx92";
  static final String INTEGRATION_CODE = "INTCODE-5Y7K2M";
  static final String WEB_URL = "https://ww14.autotask.net/";

  private static final String ROOT = "/atservicesrest/";
  private static final Pattern TICKET = Pattern.compile(ROOT + "v1\\.0/Tickets/([0-9]+)");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Long, byte[]> tickets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile byte[] picklists = fixture("api-picklists-ticket-fields.json");
  private volatile int failWith;
  private volatile boolean stallTickets;

  private LoopbackAutotaskApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** @return a started fake on 127.0.0.1 and a free port, with the recorded picklists and no tickets */
  static LoopbackAutotaskApi start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "loopback-autotask-api");
        thread.setDaemon(true);
        return thread;
      });
      LoopbackAutotaskApi api = new LoopbackAutotaskApi(server, executor);
      server.createContext("/", api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param name a file in fixtures/autotask @return its bytes */
  static byte[] fixture(String name) {
    return Deliveries.bytes("fixtures/autotask/" + name);
  }

  /** @return e.g. {@code http://127.0.0.1:41234/}, where the zone lookup is, as on Autotask */
  String rootUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** @return the zone's API address the lookup answers */
  String zoneUrl() {
    return rootUrl() + "atservicesrest/";
  }

  /** @return an alert source with the right credentials, finding the zone by lookup */
  AlertSource source(String id) {
    return builder(id).build();
  }

  /** @return a builder for such a source, to add settings */
  AlertSource.Builder builder(String id) {
    return AlertSource.builder(id, AutotaskIntegration.NAME)
        .setting("username", USERNAME)
        .setting("secret", SECRET)
        .setting("integrationCode", INTEGRATION_CODE)
        .setting("apiUrl", rootUrl());
  }

  /** @param id a ticket id @param fixture the recorded answer to serve for it @return this fake */
  LoopbackAutotaskApi ticket(long id, String fixture) {
    tickets.put(id, fixture(fixture));
    return this;
  }

  /** @param id a ticket id @param json the answer to serve for it @return this fake */
  LoopbackAutotaskApi ticketJson(long id, String json) {
    tickets.put(id, json.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** @param json the answer to serve for the picklists @return this fake */
  LoopbackAutotaskApi picklists(String json) {
    picklists = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** @param status the status every authenticated call answers from now on @return this fake */
  LoopbackAutotaskApi failWith(int status) {
    failWith = status;
    return this;
  }

  /** Ticket calls wait (at most 2 s, less when the fake is closed) before answering. @return this fake */
  LoopbackAutotaskApi stallTickets() {
    stallTickets = true;
    return this;
  }

  /** @param pathEnd the end of a path, e.g. {@code entityInformation/fields} @return calls to such paths */
  int requests(String pathEnd) {
    return requests.entrySet().stream().filter(e -> e.getKey().endsWith(pathEnd))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (!exchange.getRequestMethod().equals("GET")) {
        answer(exchange, 405, "{}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(ROOT + "v1.0/zoneInformation")) {
        zone(exchange);
        return;
      }
      if (!authenticated(exchange)) {
        answer(exchange, 401, "{\"errors\":[\"not authorized\"]}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (failWith != 0) {
        answer(exchange, failWith, "{\"errors\":[\"failing on purpose\"]}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(ROOT + "v1.0/Tickets/entityInformation/fields")) {
        answer(exchange, 200, picklists);
        return;
      }
      Matcher ticket = TICKET.matcher(path);
      if (ticket.matches()) {
        if (stallTickets) {
          released.await(2, TimeUnit.SECONDS);
        }
        byte[] body = tickets.get(Long.parseLong(ticket.group(1)));
        answer(exchange, body == null ? 404 : 200, body == null ? "{\"errors\":[\"not found\"]}".getBytes(StandardCharsets.UTF_8) : body);
        return;
      }
      answer(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void zone(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || !query.equals("user=" + java.net.URLEncoder.encode(USERNAME, StandardCharsets.UTF_8))) {
      answer(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> zone = (Map<String, Object>) Json.parse(fixture("api-00-zone-information.json"), 8);
    zone.put("url", zoneUrl());
    answer(exchange, 200, Json.write(zone).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean authenticated(HttpExchange exchange) {
    return List.of(USERNAME).equals(exchange.getRequestHeaders().get("UserName"))
        && List.of(SECRET).equals(exchange.getRequestHeaders().get("Secret"))
        && List.of(INTEGRATION_CODE).equals(exchange.getRequestHeaders().get("ApiIntegrationCode"));
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
