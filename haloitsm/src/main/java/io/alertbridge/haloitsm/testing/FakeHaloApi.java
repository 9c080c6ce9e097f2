package io.alertbridge.haloitsm.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process Halo API on the loopback interface, so tests need no network. Serves the
 * client-credentials token ({@code POST /auth/token}), {@code GET /api/Tickets/{id}}, {@code GET
 * /api/Status} and {@code POST /api/Actions} (a JSON array of actions; each one's {@code new_status} is
 * applied to the ticket's {@code status_id}, and an unknown status id or ticket is answered 400) in the
 * documented shapes; checks the client credentials and the bearer token; records requests and the actions
 * taken; can fail with a status (with {@code Retry-After}) or stall on demand. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (FakeHaloApi api = FakeHaloApi.start("client", "secret")) {
 *   api.ticket(4242, "{\"id\": 4242, \"status_id\": 1, \"summary\": \"Disk full\"}");
 *   ... point the alert source's apiUrl at api.baseUrl() ...
 * }
 * }</pre>
 */
public final class FakeHaloApi implements AutoCloseable {
  /** The statuses served unless {@link #statuses} says otherwise: Halo's seeded defaults. */
  public static final String DEFAULT_STATUSES = "[{\"id\": 1, \"name\": \"New\", \"shortname\": \"New\"},"
      + " {\"id\": 2, \"name\": \"In Progress\"}, {\"id\": 9, \"name\": \"Closed\"}]";

  /** One request as the fake saw it. */
  public record Request(String method, String path, String query, String authorization, String body) {}

  /**
   * One action the fake took from {@code POST /api/Actions}.
   *
   * @param ticketId the ticket
   * @param note the note
   * @param outcome the outcome
   * @param newStatus the status id set, or -1 when the action set none
   * @param hiddenFromUser whether the note is hidden from the end user
   */
  public record Action(long ticketId, String note, String outcome, long newStatus, boolean hiddenFromUser) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, String> tickets = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Action> actions = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile String statuses = DEFAULT_STATUSES;
  private volatile String validToken;
  private volatile long expiresIn = 3600;
  private volatile int failureStatus = 503;
  private volatile boolean stall;
  private volatile long retryAfterSeconds = -1;

  private FakeHaloApi(HttpServer server, ExecutorService executor, String clientId, String clientSecret) {
    this.server = server;
    this.executor = executor;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * @param clientId the client id the token endpoint accepts
   * @param clientSecret the client secret it accepts
   * @return a started fake on 127.0.0.1 and a free port, with the default statuses and no tickets
   */
  public static FakeHaloApi start(String clientId, String clientSecret) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-halo-api");
        thread.setDaemon(true);
        return thread;
      });
      FakeHaloApi api = new FakeHaloApi(server, executor, Objects.requireNonNull(clientId, "clientId"),
          Objects.requireNonNull(clientSecret, "clientSecret"));
      server.createContext("/", api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the fake Halo API to the loopback interface", e);
    }
  }

  /** @return the resource server, e.g. {@code http://127.0.0.1:41234}; the token endpoint is {@code /auth/token} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * @param id a ticket id
   * @param json the answer to {@code GET /api/Tickets/{id}}
   * @return this fake
   */
  public FakeHaloApi ticket(long id, String json) {
    tickets.put(Long.toString(id), Objects.requireNonNull(json, "json"));
    return this;
  }

  /**
   * @param json the answer to {@code GET /api/Status}, an array of statuses
   * @return this fake
   */
  public FakeHaloApi statuses(String json) {
    statuses = Objects.requireNonNull(json, "json");
    return this;
  }

  /**
   * @param seconds the {@code expires_in} of the tokens issued from now on
   * @return this fake
   */
  public FakeHaloApi expiresIn(long seconds) {
    expiresIn = seconds;
    return this;
  }

  /**
   * Forgets the token issued last, so that the API answers 401 to it, as after a revocation.
   *
   * @return this fake
   */
  public FakeHaloApi revokeToken() {
    validToken = null;
    return this;
  }

  /**
   * Fails the next API calls (not the token endpoint).
   *
   * @param status the status to answer with, e.g. 503 or 429
   * @param times how many of the next calls fail
   * @return this fake
   */
  public FakeHaloApi failNext(int status, int times) {
    failureStatus = status;
    failures.set(times);
    return this;
  }

  /**
   * @param seconds the {@code Retry-After} of injected failures, or -1 for none
   * @return this fake
   */
  public FakeHaloApi retryAfter(long seconds) {
    retryAfterSeconds = seconds;
    return this;
  }

  /**
   * @param stall whether API calls wait until the fake is closed (10 s at most), for timeouts
   * @return this fake
   */
  public FakeHaloApi stall(boolean stall) {
    this.stall = stall;
    return this;
  }

  /** @return how many tokens were issued */
  public int tokensIssued() {
    return issued.get();
  }

  /** @return every action taken so far, in order */
  public List<Action> actions() {
    return List.copyOf(actions);
  }

  /**
   * @param id a ticket id
   * @return its {@code status_id}, if the fake has the ticket and it has one
   */
  public Optional<Long> statusId(long id) {
    String ticket = tickets.get(Long.toString(id));
    return ticket == null ? Optional.empty() : Optional.ofNullable(ticketObject(ticket).get("status_id"))
        .filter(Number.class::isInstance).map(n -> ((Number) n).longValue());
  }

  /** @return every request so far, in order */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * @param pathPart a part of the path, e.g. {@code /api/Tickets/4242}
   * @return how many requests had it
   */
  public int requestCount(String pathPart) {
    return (int) requests.stream().filter(r -> r.path().contains(pathPart)).count();
  }

  /** Stops the server. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      serve(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
        authorization, body));
    if (path.equals("/auth/token")) {
      token(exchange, body);
      return;
    }
    boolean action = exchange.getRequestMethod().equals("POST") && path.equals("/api/Actions");
    if (!action && (!exchange.getRequestMethod().equals("GET") || !path.startsWith("/api/"))) {
      answer(exchange, 404, "{\"error\": \"no such resource\"}");
      return;
    }
    String token = validToken;
    if (token == null || !("Bearer " + token).equals(authorization)) {
      answer(exchange, 401, "{\"error\": \"invalid token\"}");
      return;
    }
    if (stall && !closed.await(10, TimeUnit.SECONDS)) {
      return;
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (retryAfterSeconds >= 0) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
      }
      answer(exchange, failureStatus, "{\"error\": \"injected failure\"}");
      return;
    }
    if (action) {
      actions(exchange, body);
      return;
    }
    if (path.equals("/api/Status")) {
      answer(exchange, 200, statuses);
      return;
    }
    String ticket = path.startsWith("/api/Tickets/") ? tickets.get(path.substring("/api/Tickets/".length())) : null;
    if (ticket == null) {
      answer(exchange, 404, "\"Ticket not found\"");
    } else {
      answer(exchange, 200, ticket);
    }
  }

  /** Takes the actions of a {@code POST /api/Actions}, all or none. */
  private void actions(HttpExchange exchange, String body) throws IOException {
    Object parsed;
    try {
      parsed = Json.parse(body, Json.MAX_NESTING_DEPTH);
    } catch (MalformedDeliveryException e) {
      answer(exchange, 400, "\"The request body is not valid JSON\"");
      return;
    }
    List<?> list = parsed instanceof List<?> array ? array : List.of(parsed == null ? List.of() : parsed);
    Map<Long, String> statusNames = statusNames();
    List<Action> taken = new ArrayList<>();
    for (Object element : list) {
      if (!(element instanceof Map<?, ?> fields) || !(fields.get("ticket_id") instanceof Number ticketId)
          || !tickets.containsKey(Long.toString(ticketId.longValue()))) {
        answer(exchange, 400, "\"Ticket not found\"");
        return;
      }
      long newStatus = fields.get("new_status") instanceof Number n ? n.longValue() : -1;
      if (fields.containsKey("new_status") && !statusNames.containsKey(newStatus)) {
        answer(exchange, 400, "\"Status " + Json.write(fields.get("new_status")).replace("\"", "'")
            + " does not exist\"");
        return;
      }
      taken.add(new Action(ticketId.longValue(), fields.get("note") instanceof String note ? note : "",
          fields.get("outcome") instanceof String outcome ? outcome : "", newStatus,
          Boolean.TRUE.equals(fields.get("hiddenfromuser"))));
    }
    for (Action taking : taken) {
      if (taking.newStatus() >= 0) {
        tickets.computeIfPresent(Long.toString(taking.ticketId()), (id, json) -> withStatus(json, taking.newStatus(),
            statusNames.get(taking.newStatus())));
      }
      actions.add(taking);
    }
    answer(exchange, 201, taken.isEmpty() ? "[]" : "{\"id\": " + actions.size() + ", \"ticket_id\": "
        + taken.get(0).ticketId() + "}");
  }

  private Map<Long, String> statusNames() {
    Map<Long, String> names = new HashMap<>();
    if (Json.parse(statuses, Json.MAX_NESTING_DEPTH) instanceof List<?> list) {
      for (Object status : list) {
        if (status instanceof Map<?, ?> fields && fields.get("id") instanceof Number id) {
          names.put(id.longValue(), String.valueOf(fields.get("name")));
        }
      }
    }
    return names;
  }

  private static Map<String, Object> ticketObject(String json) {
    Object parsed = Json.parse(json, Json.MAX_NESTING_DEPTH);
    Map<String, Object> ticket = new LinkedHashMap<>();
    if (parsed instanceof Map<?, ?> map) {
      map.forEach((name, value) -> ticket.put(String.valueOf(name), value));
    }
    return ticket;
  }

  /** @return the ticket with the status: {@code status_id}, and a nested {@code status} object if it has one */
  private static String withStatus(String json, long id, String name) {
    Map<String, Object> ticket = ticketObject(json);
    ticket.put("status_id", id);
    if (ticket.get("status") instanceof Map) {
      ticket.put("status", Map.of("id", id, "name", name));
    }
    return Json.write(ticket);
  }

  private void token(HttpExchange exchange, String body) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    if (!exchange.getRequestMethod().equals("POST") || !"client_credentials".equals(form.get("grant_type"))
        || !clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
      answer(exchange, 401, "{\"error\": \"invalid_client\"}");
      return;
    }
    String token = "token-" + issued.incrementAndGet();
    validToken = token;
    answer(exchange, 200, "{\"access_token\": \"" + token + "\", \"expires_in\": " + expiresIn
        + ", \"token_type\": \"Bearer\", \"scope\": " + quote(form.getOrDefault("scope", "")) + "}");
  }

  private static String quote(String text) {
    List<String> parts = new ArrayList<>();
    for (char c : text.toCharArray()) {
      parts.add(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
    }
    return "\"" + String.join("", parts) + "\"";
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
