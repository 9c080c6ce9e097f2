package io.alertbridge.autotask.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import io.alertbridge.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process Autotask REST API on the loopback interface, so tests need no network. Serves the
 * zone lookup, {@code GET Tickets/{id}} and the ticket-field picklists in the documented shapes, and
 * takes the writes of the way back: {@code PATCH Tickets} with {@code {"id", "status"}} sets the
 * ticket's status (a status value missing from the picklist is answered 400), and {@code POST
 * Tickets/{id}/Notes} adds a note; each write also moves the ticket's {@code lastActivityDate} to the
 * fake's clock and its {@code lastActivityResourceID} to the {@link #apiResourceId API user's}, so a
 * later fetch shows it. Paths are matched ignoring case, as Autotask does. Checks the {@code UserName},
 * {@code Secret} and {@code ApiIntegrationCode} headers when credentials are set (and then the zone
 * lookup's {@code user}); can fail (any status, with a {@code Retry-After}) or stall on demand; counts
 * and records requests. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (FakeAutotaskApi api = FakeAutotaskApi.start()) {
 *   api.ticket(AutotaskDeliveries.ticket(48213).status(5));
 *   ... point the alert source's zone URL at api.zoneUrl() ...
 * }
 * }</pre>
 */
public final class FakeAutotaskApi implements AutoCloseable {
  private static final String API = "/atservicesrest/v1.0/";
  /** The most requests recorded; later ones are counted only. */
  private static final int MAX_RECORDED = 10_000;

  /**
   * One request as the fake saw it.
   *
   * @param method the HTTP method
   * @param path the request path, without query
   * @param body the request body as text
   * @param authenticated whether it carried the expected credentials (always true when none are set)
   */
  public record Request(String method, String path, String body, boolean authenticated) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Long, Deque<String>> tickets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicReference<String> picklists = new AtomicReference<>(
      fixture("api-picklists-ticket-fields.json"));
  private final AtomicReference<List<String>> credentials = new AtomicReference<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 503;
  private final AtomicInteger writeFailures = new AtomicInteger();
  private volatile int writeFailureStatus = 503;
  private volatile Duration retryAfter;
  private final List<Request> recorded = new CopyOnWriteArrayList<>();
  private final Map<Long, List<Map<String, Object>>> notes = new ConcurrentHashMap<>();
  private final AtomicInteger noteIds = new AtomicInteger(9000);
  private volatile Clock clock = Clock.systemUTC();
  private volatile Long apiResourceId;
  private volatile Duration delay = Duration.ZERO;
  private volatile String webUrl;
  private volatile boolean stallTickets;
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  private FakeAutotaskApi(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** @return a started fake on 127.0.0.1 and a free port, with the fixture picklists and no tickets */
  public static FakeAutotaskApi start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-autotask-api");
        thread.setDaemon(true);
        return thread;
      });
      FakeAutotaskApi api = new FakeAutotaskApi(server, executor);
      server.createContext("/", api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the fake Autotask API to the loopback interface", e);
    }
  }

  /** @return the root, e.g. {@code http://127.0.0.1:41234/}; the zone lookup is under it as on Autotask */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** @return the zone's API URL, as the zone lookup answers it: {@code baseUrl() + "atservicesrest/"} */
  public String zoneUrl() {
    return baseUrl() + "atservicesrest/";
  }

  /** @return the zone lookup URL, without the {@code user} parameter */
  public String zoneLookupUrl() {
    return zoneUrl() + "v1.0/zoneInformation";
  }

  /** @return the zone's web URL, that ticket links start with: {@link #baseUrl()} unless set */
  public String webUrl() {
    return webUrl == null ? baseUrl() : webUrl;
  }

  /**
   * @param webUrl the web URL the zone lookup answers, e.g. {@code https://ww14.autotask.net/}
   * @return this fake
   */
  public FakeAutotaskApi webUrl(String webUrl) {
    this.webUrl = Objects.requireNonNull(webUrl, "webUrl");
    return this;
  }

  /**
   * Ticket requests wait until the fake is closed (10 s at most), for timeout tests.
   *
   * @return this fake
   */
  public FakeAutotaskApi stallTickets() {
    stallTickets = true;
    return this;
  }

  /**
   * Requires these credentials on every call but the zone lookup; others get 401.
   *
   * @param username the API user name
   * @param secret the API user's secret
   * @param integrationCode the API integration code
   * @return this fake
   */
  public FakeAutotaskApi credentials(String username, String secret, String integrationCode) {
    credentials.set(List.of(Objects.requireNonNull(username, "username"), Objects.requireNonNull(secret, "secret"),
        Objects.requireNonNull(integrationCode, "integrationCode")));
    return this;
  }

  /**
   * @param ticket a ticket to serve at {@code Tickets/{id}}, replacing any earlier one
   * @return this fake
   */
  public FakeAutotaskApi ticket(AutotaskDeliveries.Ticket ticket) {
    return ticket(ticket.id(), ticket.json());
  }

  /**
   * @param id the ticket id
   * @param json the answer body, {@code {"item": {...}}}
   * @return this fake
   */
  public FakeAutotaskApi ticket(long id, String json) {
    return ticketInTurn(id, json);
  }

  /**
   * Answers the ticket's requests in turn, the last answer repeating: a ticket that moves through its
   * statuses from one callout to the next.
   *
   * @param id the ticket id
   * @param answers the answer bodies, in order
   * @return this fake
   */
  public FakeAutotaskApi ticketInTurn(long id, String... answers) {
    if (answers.length == 0) {
      throw new IllegalArgumentException("at least one answer is needed");
    }
    Deque<String> queue = new ArrayDeque<>();
    for (String answer : answers) {
      queue.add(Objects.requireNonNull(answer, "answer"));
    }
    tickets.put(id, queue);
    return this;
  }

  /**
   * @param json the answer to {@code Tickets/entityInformation/fields}
   * @return this fake
   */
  public FakeAutotaskApi picklists(String json) {
    picklists.set(Objects.requireNonNull(json, "json"));
    return this;
  }

  /**
   * Fails the next writes ({@code PATCH} and {@code POST}); reads keep answering.
   *
   * @param status the status to answer with, e.g. 500, 429 or 400
   * @param times how many of the next writes fail; {@code Integer.MAX_VALUE} for all
   * @return this fake
   */
  public FakeAutotaskApi failWrites(int status, int times) {
    writeFailureStatus = status;
    writeFailures.set(times);
    return this;
  }

  /**
   * @param retryAfter the {@code Retry-After} that injected failures carry, in whole seconds; null for none
   * @return this fake
   */
  public FakeAutotaskApi retryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
    return this;
  }

  /**
   * @param clock the clock that stamps a write's {@code lastActivityDate}
   * @return this fake
   */
  public FakeAutotaskApi clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * @param apiResourceId the API user's resource id, stamped as a written ticket's {@code
   *     lastActivityResourceID} (with {@code lastActivityPersonType} 1)
   * @return this fake
   */
  public FakeAutotaskApi apiResourceId(long apiResourceId) {
    this.apiResourceId = apiResourceId;
    return this;
  }

  /**
   * Fails authenticated calls (tickets and picklists; the zone lookup keeps answering).
   *
   * @param status the status to answer with, e.g. 503 or 429
   * @param times how many of the next such calls fail; {@code Integer.MAX_VALUE} for all
   * @return this fake
   */
  public FakeAutotaskApi failNext(int status, int times) {
    failureStatus = status;
    failures.set(times);
    return this;
  }

  /**
   * @param delay how long to wait before answering each request
   * @return this fake
   */
  public FakeAutotaskApi delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /**
   * @param pathPart a part of the request path, e.g. {@code Tickets/48213} or {@code entityInformation}
   * @return how many requests so far had a path containing it
   */
  public int requestCount(String pathPart) {
    return requests.entrySet().stream().filter(e -> e.getKey().contains(pathPart))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  /** @return the requests so far, in order (the first {@value #MAX_RECORDED}) */
  public List<Request> requests() {
    return List.copyOf(recorded);
  }

  /** @return the {@code PATCH} and {@code POST} requests so far, in order, failed ones included */
  public List<Request> writes() {
    return recorded.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  /**
   * @param id a ticket id
   * @return the notes added to it, oldest first, each the request's object with the note's {@code id}
   */
  public List<Map<String, Object>> notes(long id) {
    return List.copyOf(notes.getOrDefault(id, List.of()));
  }

  /**
   * @param id a ticket id
   * @return the status value its next fetch answers, if the fake has the ticket
   */
  public Optional<Long> status(long id) {
    Map<String, Object> item = item(id);
    return item == null ? Optional.empty() : Optional.ofNullable(integer(item.get("status")));
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
    String method = exchange.getRequestMethod();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    List<String> expected = credentials.get();
    com.sun.net.httpserver.Headers headers = exchange.getRequestHeaders();
    boolean authenticated = expected == null || (expected.get(0).equals(headers.getFirst("UserName"))
        && expected.get(1).equals(headers.getFirst("Secret"))
        && expected.get(2).equals(headers.getFirst("ApiIntegrationCode")));
    if (recorded.size() < MAX_RECORDED) {
      recorded.add(new Request(method, path, body, authenticated));
    }
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    boolean write = method.equals("PATCH") || method.equals("POST");
    if (!method.equals("GET") && !write) {
      answer(exchange, 405, "{\"errors\":[\"only GET, PATCH and POST are served\"]}");
      return;
    }
    if (!path.toLowerCase(Locale.ROOT).startsWith(API)) {
      answer(exchange, 404, "{\"errors\":[\"no such resource\"]}");
      return;
    }
    String resource = path.substring(API.length());
    String lower = resource.toLowerCase(Locale.ROOT);
    if (write) {
      if (!authenticated) {
        answer(exchange, 401, "{\"errors\":[\"Unauthorized\"]}");
      } else if (failures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
        fail(exchange, failureStatus);
      } else if (writeFailures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
        fail(exchange, writeFailureStatus);
      } else {
        write(exchange, method, lower, body);
      }
      return;
    }
    if (lower.equals("zoneinformation")) {
      String query = exchange.getRequestURI().getRawQuery();
      if (expected != null && !("user=" + URLEncoder.encode(expected.get(0), StandardCharsets.UTF_8)).equals(query)) {
        answer(exchange, 404, "{\"errors\":[\"no zone for that user\"]}");
        return;
      }
      answer(exchange, 200, "{\"zoneName\":\"Loopback\",\"url\":\"" + zoneUrl() + "\",\"webUrl\":\"" + webUrl()
          + "\",\"ci\":1}");
      return;
    }
    if (!authenticated) {
      answer(exchange, 401, "{\"errors\":[\"Unauthorized\"]}");
      return;
    }
    if (failures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
      fail(exchange, failureStatus);
      return;
    }
    if (lower.equals("tickets/entityinformation/fields")) {
      answer(exchange, 200, picklists.get());
      return;
    }
    if (lower.startsWith("tickets/")) {
      if (stallTickets && !closed.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
        return;
      }
      String ticket = null;
      try {
        Deque<String> answers = tickets.get(Long.parseLong(resource.substring("Tickets/".length())));
        if (answers != null) {
          synchronized (answers) {
            ticket = answers.size() > 1 ? answers.poll() : answers.peek();
          }
        }
      } catch (NumberFormatException e) {
        // answered as not found below
      }
      if (ticket != null) {
        answer(exchange, 200, ticket);
        return;
      }
    }
    answer(exchange, 404, "{\"item\":null,\"errors\":[\"not found\"]}");
  }

  /** {@code PATCH Tickets} sets a status; {@code POST Tickets/{id}/Notes} adds a note. */
  private void write(HttpExchange exchange, String method, String resource, String body) throws IOException {
    Map<String, Object> request = object(body);
    if (request == null) {
      answer(exchange, 400, "{\"errors\":[\"the body is not a JSON object\"]}");
      return;
    }
    if (method.equals("PATCH") && resource.equals("tickets")) {
      Long id = integer(request.get("id"));
      Long status = integer(request.get("status"));
      if (id == null || item(id) == null) {
        answer(exchange, 404, "{\"errors\":[\"no ticket with that id\"]}");
      } else if (status == null || !statusValues().contains(status)) {
        answer(exchange, 400, "{\"errors\":[\"Value " + Json.write(request.get("status"))
            .replace("\"", "'") + " does not exist for Status\"]}");
      } else {
        update(id, Map.of("status", status));
        answer(exchange, 200, "{\"itemId\":" + id + "}");
      }
      return;
    }
    String[] parts = resource.split("/");
    if (method.equals("POST") && parts.length == 3 && parts[0].equals("tickets") && parts[2].equals("notes")) {
      Long id = integer(parts[1]);
      Object description = request.get("description");
      if (id == null || item(id) == null) {
        answer(exchange, 404, "{\"errors\":[\"no ticket with that id\"]}");
      } else if (!(description instanceof String text) || text.isBlank() || integer(request.get("noteType")) == null
          || integer(request.get("publish")) == null) {
        answer(exchange, 400, "{\"errors\":[\"a note needs a description, noteType and publish\"]}");
      } else {
        Map<String, Object> note = new LinkedHashMap<>(request);
        note.put("id", (long) noteIds.incrementAndGet());
        notes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(Map.copyOf(note));
        update(id, Map.of());
        answer(exchange, 200, "{\"itemId\":" + note.get("id") + "}");
      }
      return;
    }
    answer(exchange, 404, "{\"errors\":[\"no such resource\"]}");
  }

  private void fail(HttpExchange exchange, int status) throws IOException {
    Duration wait = retryAfter;
    if (wait != null) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(wait.toSeconds()));
    }
    answer(exchange, status, "{\"errors\":[\"injected failure\"]}");
  }

  /** @return the ticket's next answer's item, as a mutable copy, or null */
  private Map<String, Object> item(long id) {
    Deque<String> answers = tickets.get(id);
    if (answers == null) {
      return null;
    }
    String json;
    synchronized (answers) {
      json = answers.peek();
    }
    Map<String, Object> root = json == null ? null : object(json);
    Object item = root == null ? null : root.get("item");
    return item instanceof Map<?, ?> map ? new LinkedHashMap<>(castMap(map)) : null;
  }

  /** Changes the ticket: its next answer becomes the current one with these fields and a new last activity. */
  private void update(long id, Map<String, Object> fields) {
    Deque<String> answers = tickets.get(id);
    synchronized (answers) {
      Map<String, Object> item = item(id);
      item.putAll(fields);
      item.put("lastActivityDate", clock.instant().toString());
      Long resource = apiResourceId;
      if (resource != null) {
        item.put("lastActivityResourceID", resource);
        item.put("lastActivityPersonType", 1L);
      }
      answers.clear();
      answers.add(Json.write(Map.of("item", item)));
    }
  }

  private List<Long> statusValues() {
    List<Long> values = new ArrayList<>();
    Map<String, Object> root = object(picklists.get());
    Object fields = root == null ? null : root.get("fields");
    if (fields instanceof List<?> list) {
      for (Object field : list) {
        if (field instanceof Map<?, ?> map && "status".equals(map.get("name"))
            && map.get("picklistValues") instanceof List<?> entries) {
          for (Object entry : entries) {
            Long value = entry instanceof Map<?, ?> e ? integer(e.get("value")) : null;
            if (value != null) {
              values.add(value);
            }
          }
        }
      }
    }
    return values;
  }

  private static Map<String, Object> object(String json) {
    try {
      Object parsed = Json.parse(json, 64);
      return parsed instanceof Map<?, ?> map ? castMap(map) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static Long integer(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.valueOf(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String fixture(String file) {
    try (InputStream in = FakeAutotaskApi.class.getResourceAsStream("fixtures/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + file + " next to " + FakeAutotaskApi.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
