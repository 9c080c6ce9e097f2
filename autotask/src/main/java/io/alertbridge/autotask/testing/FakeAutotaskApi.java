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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process Autotask REST API on the loopback interface, so tests need no network. Serves the
 * zone lookup, {@code GET Tickets/{id}} and the ticket-field picklists in the documented shapes;
 * checks the {@code UserName}, {@code Secret} and {@code ApiIntegrationCode} headers when credentials
 * are set (and then the zone lookup's {@code user}); can fail or stall on demand, and counts
 * requests. Use it in try-with-resources:
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

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Long, Deque<String>> tickets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicReference<String> picklists = new AtomicReference<>(
      fixture("api-picklists-ticket-fields.json"));
  private final AtomicReference<List<String>> credentials = new AtomicReference<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 503;
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

  /** @param webUrl the web URL the zone lookup answers, e.g. {@code https://ww14.autotask.net/} @return this fake */
  public FakeAutotaskApi webUrl(String webUrl) {
    this.webUrl = Objects.requireNonNull(webUrl, "webUrl");
    return this;
  }

  /** Ticket requests wait until the fake is closed (10 s at most), for timeout tests. @return this fake */
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

  /** @param ticket a ticket to serve at {@code Tickets/{id}}, replacing any earlier one @return this fake */
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

  /** @param json the answer to {@code Tickets/entityInformation/fields} @return this fake */
  public FakeAutotaskApi picklists(String json) {
    picklists.set(Objects.requireNonNull(json, "json"));
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

  /** @param delay how long to wait before answering each request @return this fake */
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
    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    if (!exchange.getRequestMethod().equals("GET")) {
      answer(exchange, 405, "{\"errors\":[\"only GET is served\"]}");
      return;
    }
    if (!path.startsWith(API)) {
      answer(exchange, 404, "{\"errors\":[\"no such resource\"]}");
      return;
    }
    String resource = path.substring(API.length());
    List<String> expected = credentials.get();
    if (resource.equals("zoneInformation")) {
      String query = exchange.getRequestURI().getRawQuery();
      if (expected != null && !("user=" + URLEncoder.encode(expected.get(0), StandardCharsets.UTF_8)).equals(query)) {
        answer(exchange, 404, "{\"errors\":[\"no zone for that user\"]}");
        return;
      }
      answer(exchange, 200, "{\"zoneName\":\"Loopback\",\"url\":\"" + zoneUrl() + "\",\"webUrl\":\"" + webUrl()
          + "\",\"ci\":1}");
      return;
    }
    if (expected != null && !(expected.get(0).equals(exchange.getRequestHeaders().getFirst("UserName"))
        && expected.get(1).equals(exchange.getRequestHeaders().getFirst("Secret"))
        && expected.get(2).equals(exchange.getRequestHeaders().getFirst("ApiIntegrationCode")))) {
      answer(exchange, 401, "{\"errors\":[\"Unauthorized\"]}");
      return;
    }
    if (failures.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
      answer(exchange, failureStatus, "{\"errors\":[\"injected failure\"]}");
      return;
    }
    if (resource.equals("Tickets/entityInformation/fields")) {
      answer(exchange, 200, picklists.get());
      return;
    }
    if (resource.startsWith("Tickets/")) {
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
