package io.alertbridge.zendesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Zendesk Support API on the loopback interface, so tests need no network. Serves {@code
 * PUT /api/v2/tickets/{id}.json} as Zendesk documents it: checks the API token ({@code Authorization:
 * Basic} of {@code {email}/token:{token}}, else 401), sets the ticket's status, keeps its comments, and
 * answers 422 with Zendesk's error JSON for a status Zendesk does not have or an update to a closed
 * ticket, and 404 for an unknown ticket. Records every request; can fail with a status (a 429 with
 * {@code Retry-After}) or answer late on demand. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (FakeZendeskApi api = FakeZendeskApi.start("alertbridge@acme.com", "token")) {
 *   api.ticket(4711, "new");
 *   ... point the alert source's apiUrl at api.baseUrl() ...
 *   assertThat(api.status(4711)).contains("open");
 * }
 * }</pre>
 */
public final class FakeZendeskApi implements AutoCloseable {
  /** The statuses the fake accepts, as the Zendesk API spells them. */
  public static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");

  private static final Pattern TICKET_PATH = Pattern.compile("/api/v2/tickets/([0-9]{1,19})\\.json");

  /** One request as the fake saw it. */
  public record Request(String method, String path, String authorization, String contentType, String body) {}

  /** A comment added to a ticket. */
  public record Comment(String body, boolean isPublic) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final String expectedAuthorization;
  private final Map<Long, String> statuses = new ConcurrentHashMap<>();
  private final Map<Long, List<Comment>> comments = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile int failureStatus = 500;
  private volatile long retryAfterSeconds = -1;
  private volatile Duration delay = Duration.ZERO;

  private FakeZendeskApi(HttpServer server, ExecutorService executor, String expectedAuthorization) {
    this.server = server;
    this.executor = executor;
    this.expectedAuthorization = expectedAuthorization;
  }

  /**
   * @param email the API user's email address the fake accepts
   * @param apiToken the API token it accepts
   * @return a started fake on 127.0.0.1 and a free port, without tickets
   */
  public static FakeZendeskApi start(String email, String apiToken) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(apiToken, "apiToken");
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-zendesk-api");
        thread.setDaemon(true);
        return thread;
      });
      FakeZendeskApi api = new FakeZendeskApi(server, executor, authorization);
      server.createContext("/", api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the fake Zendesk API to the loopback interface", e);
    }
  }

  /** @return the account's address, e.g. {@code http://127.0.0.1:41234}: the settings' {@code apiUrl} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * @param id a ticket id
   * @param status its status, e.g. {@code new}
   * @return this fake
   */
  public FakeZendeskApi ticket(long id, String status) {
    statuses.put(id, Objects.requireNonNull(status, "status"));
    comments.putIfAbsent(id, new CopyOnWriteArrayList<>());
    return this;
  }

  /**
   * @param id a ticket id
   * @return its status, if the fake has the ticket
   */
  public Optional<String> status(long id) {
    return Optional.ofNullable(statuses.get(id));
  }

  /**
   * @param id a ticket id
   * @return the comments added to it, in order
   */
  public List<Comment> comments(long id) {
    return List.copyOf(comments.getOrDefault(id, List.of()));
  }

  /**
   * Fails the next requests, before they are read for the ticket.
   *
   * @param status the status to answer with, e.g. 500 or 429
   * @param times how many of the next requests fail
   * @return this fake
   */
  public FakeZendeskApi failNext(int status, int times) {
    failureStatus = status;
    failures.set(times);
    return this;
  }

  /**
   * @param seconds the {@code Retry-After} of injected failures, or -1 for none
   * @return this fake
   */
  public FakeZendeskApi retryAfter(long seconds) {
    retryAfterSeconds = seconds;
    return this;
  }

  /**
   * @param delay how long every answer waits (until the fake is closed at most)
   * @return this fake
   */
  public FakeZendeskApi delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** @return every request so far, in order */
  public List<Request> requests() {
    return List.copyOf(requests);
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
    String body = new String(exchange.getRequestBody().readNBytes(256 * 1024), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(new Request(exchange.getRequestMethod(), path, authorization,
        exchange.getRequestHeaders().getFirst("Content-Type"), body));
    if (!delay.isZero() && closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    if (!expectedAuthorization.equals(authorization)) {
      answer(exchange, 401, "{\"error\": \"Couldn't authenticate you\"}");
      return;
    }
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (retryAfterSeconds >= 0) {
        exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
      }
      answer(exchange, failureStatus, "{\"error\": \"injected failure\"}");
      return;
    }
    Matcher ticketPath = TICKET_PATH.matcher(path);
    if (!exchange.getRequestMethod().equals("PUT") || !ticketPath.matches()) {
      answer(exchange, 404, "{\"error\": \"InvalidEndpoint\", \"description\": \"Not found\"}");
      return;
    }
    update(exchange, Long.parseLong(ticketPath.group(1)), body);
  }

  private void update(HttpExchange exchange, long id, String body) throws IOException {
    String current = statuses.get(id);
    if (current == null) {
      answer(exchange, 404, "{\"error\": \"RecordNotFound\", \"description\": \"Not found\"}");
      return;
    }
    Map<?, ?> ticket;
    try {
      ticket = Json.parse(body, Json.MAX_NESTING_DEPTH) instanceof Map<?, ?> root
          && root.get("ticket") instanceof Map<?, ?> t ? t : null;
    } catch (MalformedDeliveryException e) {
      ticket = null;
    }
    if (ticket == null) {
      answer(exchange, 400, "{\"error\": \"InvalidRequest\", \"description\": \"expected {\\\"ticket\\\": {...}}\"}");
      return;
    }
    Object status = ticket.get("status");
    if (current.equals("closed")) {
      answer(exchange, 422, invalid("status", "Status: closed prevents ticket update"));
      return;
    }
    if (status != null && !(status instanceof String s && STATUSES.contains(s))) {
      answer(exchange, 422, invalid("status", "Status: " + Json.write(status) + " is not valid"));
      return;
    }
    if (ticket.get("comment") instanceof Map<?, ?> comment && comment.get("body") instanceof String text) {
      comments.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
          .add(new Comment(text, !Boolean.FALSE.equals(comment.get("public"))));
    }
    if (status != null) {
      statuses.put(id, (String) status);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", id);
    answer.put("status", statuses.get(id));
    answer.put("url", baseUrl() + "/api/v2/tickets/" + id + ".json");
    answer.put("updated_at", "2025-06-10T08:00:00Z");
    answer(exchange, 200, Json.write(Map.of("ticket", answer, "audit", Map.of("ticket_id", id))));
  }

  private static String invalid(String field, String description) {
    List<Object> details = new ArrayList<>();
    details.add(Map.of("description", description, "error", "InvalidValue"));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", "RecordInvalid");
    error.put("description", "Record validation errors");
    error.put("details", Map.of(field, details));
    return Json.write(error);
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
