package io.alertbridge.topdesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.json.IsoTimes;
import io.alertbridge.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process TOPdesk API on the loopback interface, so tests need no network. Keeps incidents in memory
 * and serves, in the documented shapes and with HTTP Basic checked (401, with an HTML body, otherwise):
 *
 * <ul>
 *   <li>{@code GET /tas/api/incidents} with {@code query} (FIQL: {@code ==}, {@code !=}, {@code =gt=},
 *       {@code =ge=}, {@code =lt=}, {@code =le=} on dotted fields such as {@code processingStatus.name} or
 *       {@code modificationDate}, joined by {@code ;} and {@code ,}, in brackets), {@code pageStart}, {@code
 *       pageSize} (10 unless given, at most 10,000), {@code sort=modificationDate:asc} and {@code fields};
 *       206 for a page with more after it, 200 for the last one, 204 for none;
 *   <li>{@code POST /tas/api/incidents} with a {@code briefDescription} (and optionally a {@code number} and a
 *       {@code processingStatus} by name, Logged unless given) creates an incident, as an operator would;
 *   <li>{@code GET} and {@code PATCH /tas/api/incidents/id/{id}} and {@code .../number/{number}}: a PATCH sets
 *       {@code processingStatus} by name or id (400 with TOPdesk's error array for an unknown one, which
 *       also completes or closes the incident as the status says), adds the {@code action} and moves {@code
 *       modificationDate} to the fake's clock, with the API's operator as {@code modifier}.
 * </ul>
 *
 * Records every request; can fail the next requests with a status (and {@code Retry-After}) or answer
 * late. Builds the action-sequence webhook TOPdesk would post for an incident ({@link #actionSequence}).
 *
 * <pre>{@code
 * try (FakeTopdeskApi api = FakeTopdeskApi.start("alertbridge", "app-password", clock)) {
 *   api.incident("I 2504 117", "Logged", clock.instant());
 *   ... point the source's TopdeskSettings apiUrl at api.baseUrl() ...
 * }
 * }</pre>
 */
public final class FakeTopdeskApi implements AutoCloseable {
  /** The operator name a PATCH leaves as the incident's modifier unless {@link #operatorName} says otherwise. */
  public static final String DEFAULT_OPERATOR_NAME = "API, AlertBridge";
  /** The largest page TOPdesk serves. */
  public static final int MAX_PAGE_SIZE = 10_000;
  private static final DateTimeFormatter TOPDESK_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
  private static final String INCIDENTS = "/tas/api/incidents";

  /**
   * One request as the fake saw it.
   *
   * @param method the HTTP method
   * @param path the path, decoded ({@code /tas/api/incidents/number/I 2504 117})
   * @param rawPath the path as sent ({@code /tas/api/incidents/number/I%202504%20117})
   * @param rawQuery the query as sent, or empty
   * @param authorization the {@code Authorization} header, or empty
   * @param body the body, as UTF-8
   */
  public record Request(String method, String path, String rawPath, String rawQuery, String authorization,
      String body) {

    /**
     * @param name a query parameter
     * @return its first value, decoded, if sent
     */
    public Optional<String> parameter(String name) {
      return Optional.ofNullable(parameters(rawQuery).get(name));
    }
  }

  /** A processing status the fake knows: whether setting it completes or closes the incident. */
  private record Status(String id, String name, boolean completes, boolean closes) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final String expectedAuthorization;
  private final Clock clock;
  private final Map<String, Map<String, Object>> incidents = new LinkedHashMap<>();
  private final Map<String, List<String>> actions = new LinkedHashMap<>();
  private final Map<String, Status> statuses = new LinkedHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private String operatorName = DEFAULT_OPERATOR_NAME;
  private int failures;
  private int failureStatus;
  private Duration failureRetryAfter;
  private Duration delay = Duration.ZERO;
  private volatile java.util.function.Consumer<String> requestLog = line -> { };
  private int created;

  private FakeTopdeskApi(HttpServer server, ExecutorService executor, String username, String password,
      Clock clock) {
    this.server = server;
    this.executor = executor;
    this.expectedAuthorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
    for (String name : List.of("Logged", "In progress", "Waiting for user")) {
      processingStatus(name, false, false);
    }
    processingStatus("Completed", true, false);
    processingStatus("Closed", true, true);
  }

  /**
   * @param username the operator's login name the fake accepts
   * @param applicationPassword the application password it accepts
   * @param clock the time a PATCH writes as the incident's modification date
   * @return a started fake on 127.0.0.1 and a free port, with no incidents and the processing statuses
   *     Logged, In progress, Waiting for user, Completed (completes) and Closed (completes and closes)
   */
  public static FakeTopdeskApi start(String username, String applicationPassword, Clock clock) {
    return start(0, username, applicationPassword, clock);
  }

  /**
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @param username the operator's login name the fake accepts
   * @param applicationPassword the application password it accepts
   * @param clock the time a PATCH writes as the incident's modification date
   * @return a started fake, as {@link #start(String, String, Clock)} describes
   */
  public static FakeTopdeskApi start(int port, String username, String applicationPassword, Clock clock) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(applicationPassword, "applicationPassword");
    Objects.requireNonNull(clock, "clock");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-topdesk-api");
        thread.setDaemon(true);
        return thread;
      });
      FakeTopdeskApi api = new FakeTopdeskApi(server, executor, username, applicationPassword, clock);
      server.createContext("/", api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind the fake TOPdesk API to the loopback interface", e);
    }
  }

  /** @return the tenant's base address, e.g. {@code http://127.0.0.1:41234}: a source's {@code apiUrl} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * @param name the operator name a PATCH leaves as the incident's modifier
   * @return this fake
   */
  public synchronized FakeTopdeskApi operatorName(String name) {
    operatorName = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * @param name a processing status the tenant has
   * @param completes whether setting it completes the incident
   * @param closes whether setting it closes the incident
   * @return this fake
   */
  public synchronized FakeTopdeskApi processingStatus(String name, boolean completes, boolean closes) {
    Objects.requireNonNull(name, "name");
    statuses.put(name, new Status(UUID.nameUUIDFromBytes(("status " + name).getBytes(StandardCharsets.UTF_8))
        .toString(), name, completes, closes));
    return this;
  }

  /**
   * Adds or replaces an incident in the API's own shape, such as a fixture's {@code api-*.json}.
   *
   * @param json an incident object with at least a {@code number}; an {@code id} is made up when missing
   * @return the incident's id
   */
  @SuppressWarnings("unchecked")
  public synchronized String incident(String json) {
    Object parsed = Json.parse(json.getBytes(StandardCharsets.UTF_8), 64);
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("number") instanceof String number)) {
      throw new IllegalArgumentException("an incident is an object with a number");
    }
    Map<String, Object> incident = new LinkedHashMap<>((Map<String, Object>) map);
    String id = incident.get("id") instanceof String given ? given : idFor(number);
    incident.put("id", id);
    idOf(number).filter(old -> !old.equals(id)).ifPresent(incidents::remove);
    incidents.put(id, incident);
    return id;
  }

  /**
   * Adds an incident, or replaces the one with that number.
   *
   * @param number the incident number, e.g. {@code I 2504 117}
   * @param processingStatus its processing status's name
   * @param modifiedAt its modification date
   * @return the incident's id
   */
  public synchronized String incident(String number, String processingStatus, Instant modifiedAt) {
    Map<String, Object> incident = new LinkedHashMap<>();
    String id = idFor(Objects.requireNonNull(number, "number"));
    incident.put("id", id);
    incident.put("status", "secondLine");
    incident.put("number", number);
    incident.put("briefDescription", "Mailserver reageert niet");
    incident.put("caller", named("dynamicName", "Jansen, Pieter"));
    incident.put("operator", null);
    incident.put("operatorGroup", named("name", "Netwerkbeheer"));
    incident.put("priority", named("name", "P2"));
    incident.put("creator", named("name", "Servicedesk, Anne"));
    incident.put("creationDate", TOPDESK_TIME.format(modifiedAt));
    incidents.put(id, incident);
    setStatus(incident, processingStatus);
    incident.put("modifier", named("name", "Servicedesk, Anne"));
    incident.put("modificationDate", TOPDESK_TIME.format(modifiedAt));
    return id;
  }

  /**
   * Changes an incident as an operator in TOPdesk would.
   *
   * @param number the incident number
   * @param processingStatus the new processing status's name
   * @param modifiedAt the new modification date
   * @param modifier the operator's name
   * @return this fake
   */
  public synchronized FakeTopdeskApi modify(String number, String processingStatus, Instant modifiedAt,
      String modifier) {
    Map<String, Object> incident = require(number);
    setStatus(incident, processingStatus);
    incident.put("modifier", named("name", modifier));
    incident.put("modificationDate", TOPDESK_TIME.format(modifiedAt));
    return this;
  }

  /**
   * @param number an incident number
   * @param field a top-level field, e.g. {@code briefDescription}
   * @param value its new value, a plain JSON value
   * @return this fake
   */
  public synchronized FakeTopdeskApi set(String number, String field, Object value) {
    require(number).put(Objects.requireNonNull(field, "field"), value);
    return this;
  }

  /**
   * @param number an incident number
   * @return its id, if the fake has it
   */
  public synchronized Optional<String> idOf(String number) {
    return incidents.values().stream().filter(i -> number.equals(i.get("number")))
        .map(i -> (String) i.get("id")).findFirst();
  }

  /**
   * @param number an incident number
   * @return its processing status's name
   */
  @SuppressWarnings("unchecked")
  public synchronized String processingStatusOf(String number) {
    Object status = require(number).get("processingStatus");
    return status instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("name") : null;
  }

  /**
   * @param number an incident number
   * @return the actions added through the API, oldest first
   */
  public synchronized List<String> actionsOf(String number) {
    return List.copyOf(actions.getOrDefault(require(number).get("id"), List.of()));
  }

  /**
   * @param number an incident number
   * @return the incident as the API serves it
   */
  public synchronized String incidentJson(String number) {
    return Json.write(require(number));
  }

  /**
   * The body an action sequence's HTTP request step posts for the incident, as the TOPdesk fixtures have
   * it: the event type, the number as {@code incidentKey}, the brief description as {@code summary}, and the
   * processing status as a custom field {@code processingStatus}.
   *
   * @param number an incident number
   * @param eventType ALERT, ACCEPT or RESOLVE, as the sequence's body template says
   * @return the delivery
   */
  public synchronized Delivery actionSequence(String number, String eventType) {
    Map<String, Object> incident = require(number);
    return TopdeskDeliveries.event(eventType, number)
        .summary(String.valueOf(incident.getOrDefault("briefDescription", "")))
        .field("processingStatus", processingStatusOf(number))
        .build();
  }

  /**
   * Fails the next requests, after their authentication.
   *
   * @param status the status to answer with, e.g. 500, 429 or 400
   * @param times how many of the next requests fail
   * @return this fake
   */
  public synchronized FakeTopdeskApi failNext(int status, int times) {
    return failNext(status, times, null);
  }

  /**
   * @param status the status to answer with
   * @param times how many of the next requests fail
   * @param retryAfter the {@code Retry-After} to send, in whole seconds, or null for none
   * @return this fake
   */
  public synchronized FakeTopdeskApi failNext(int status, int times, Duration retryAfter) {
    failureStatus = status;
    failures = times;
    failureRetryAfter = retryAfter;
    return this;
  }

  /**
   * @param delay how long every answer waits (until the fake is closed at most)
   * @return this fake
   */
  public synchronized FakeTopdeskApi delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /** @return every request so far, in order */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * @param method an HTTP method
   * @return the requests with it, in order
   */
  public List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
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
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String rawQuery = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
    String body = new String(exchange.getRequestBody().readNBytes(256 * 1024), StandardCharsets.UTF_8);
    String authorization = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Authorization"), "");
    requests.add(new Request(method, path, exchange.getRequestURI().getRawPath(), rawQuery, authorization, body));
    requestLog.accept(method + " " + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
        + (body.isEmpty() ? "" : " " + body));
    if (!expectedAuthorization.equals(authorization)) {
      answer(exchange, 401, "text/html", "<html><body><h1>401 Unauthorized</h1></body></html>", null);
      return;
    }
    Duration wait;
    int failWith = 0;
    Duration retryAfter;
    synchronized (this) {
      wait = delay;
      retryAfter = failureRetryAfter;
      if (failures > 0) {
        failures--;
        failWith = failureStatus;
      }
    }
    if (!wait.isZero() && closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    if (failWith != 0) {
      answer(exchange, failWith, "application/json", errors(failWith >= 500 ? "Internal server error"
          : failWith == 429 ? "Too many requests" : "injected failure"), retryAfter);
      return;
    }
    Answer answer;
    synchronized (this) {
      answer = route(method, path, rawQuery, body);
    }
    answer(exchange, answer.status, "application/json", answer.body, null);
  }

  private record Answer(int status, String body) {}

  private Answer route(String method, String path, String rawQuery, String body) {
    if (path.equals(INCIDENTS) || path.equals(INCIDENTS + "/")) {
      return method.equals("GET") ? list(parameters(rawQuery))
          : method.equals("POST") ? create(body) : new Answer(405, errors("Method not allowed"));
    }
    Map<String, Object> incident = null;
    if (path.startsWith(INCIDENTS + "/id/")) {
      incident = incidents.get(path.substring((INCIDENTS + "/id/").length()));
    } else if (path.startsWith(INCIDENTS + "/number/")) {
      String number = path.substring((INCIDENTS + "/number/").length());
      incident = idOf(number).map(incidents::get).orElse(null);
    } else {
      return new Answer(404, errors("No such resource"));
    }
    if (incident == null) {
      return new Answer(404, errors("Incident not found"));
    }
    return switch (method) {
      case "GET" -> new Answer(200, Json.write(incident));
      case "PATCH" -> patch(incident, body);
      default -> new Answer(405, errors("Method not allowed"));
    };
  }

  /** Creates an incident from a POST's body, as an operator in TOPdesk would. */
  private Answer create(String body) {
    Object parsed;
    try {
      parsed = Json.parse(body.getBytes(StandardCharsets.UTF_8), 64);
    } catch (MalformedDeliveryException e) {
      return new Answer(400, errors("The request body is not valid JSON"));
    }
    if (!(parsed instanceof Map<?, ?> fields) || !(fields.get("briefDescription") instanceof String brief)) {
      return new Answer(400, errors("An incident needs a briefDescription"));
    }
    String status = "Logged";
    if (fields.get("processingStatus") instanceof Map<?, ?> named && named.get("name") instanceof String name) {
      if (!statuses.containsKey(name)) {
        return new Answer(400, errors("Processing status '" + name + "' does not exist"));
      }
      status = name;
    }
    created++;
    String number = fields.get("number") instanceof String given && !given.isBlank() ? given
        : String.format(java.util.Locale.ROOT, "I %s %03d",
            java.time.format.DateTimeFormatter.ofPattern("yyMM").withZone(ZoneOffset.UTC).format(clock.instant()),
            created);
    if (idOf(number).isPresent()) {
      return new Answer(400, errors("An incident with number '" + number + "' exists"));
    }
    incident(number, status, clock.instant());
    set(number, "briefDescription", brief);
    return new Answer(201, incidentJson(number));
  }

  /**
   * @param log receives one line per request: method, path, query and body (credentials are left out)
   * @return this fake
   */
  public FakeTopdeskApi logRequests(java.util.function.Consumer<String> log) {
    this.requestLog = Objects.requireNonNull(log, "log");
    return this;
  }

  /**
   * Runs the fake on its own, for trying the two-way loop by hand: {@code --port} (8081 unless given),
   * {@code --username} (alertbridge unless given) and the application password from the environment
   * variable {@code TOPDESK_PASSWORD}. Prints every request it serves.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    int port = 8081;
    String username = "alertbridge";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--username" -> username = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --port and --username");
      }
    }
    String password = System.getenv("TOPDESK_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("set the application password in the environment variable TOPDESK_PASSWORD");
      System.exit(2);
    }
    FakeTopdeskApi api = start(port, username, password, Clock.systemUTC()).logRequests(System.out::println);
    System.out.println("fake TOPdesk API on " + api.baseUrl() + " (login " + username + ")");
    System.out.flush();
    try {
      api.closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private Answer patch(Map<String, Object> incident, String body) {
    Object parsed;
    try {
      parsed = Json.parse(body.getBytes(StandardCharsets.UTF_8), 64);
    } catch (MalformedDeliveryException e) {
      return new Answer(400, errors("The request body is not valid JSON"));
    }
    if (!(parsed instanceof Map<?, ?> changes)) {
      return new Answer(400, errors("The request body must be a JSON object"));
    }
    Object processingStatus = changes.get("processingStatus");
    if (processingStatus != null) {
      Map<String, Object> wanted = processingStatus instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      Optional<Status> status = statuses.values().stream()
          .filter(s -> s.name().equals(wanted.get("name")) || s.id().equals(wanted.get("id"))).findFirst();
      if (status.isEmpty()) {
        return new Answer(400, errors("No processing status found for "
            + (wanted.containsKey("name") ? "name '" + wanted.get("name") + "'" : "id '" + wanted.get("id") + "'")));
      }
      setStatus(incident, status.get().name());
    }
    if (changes.get("action") instanceof String action && !action.isBlank()) {
      actions.computeIfAbsent((String) incident.get("id"), id -> new ArrayList<>())
          .add(action + (Boolean.TRUE.equals(changes.get("actionInvisibleForCaller")) ? " [invisible for caller]" : ""));
    }
    incident.put("modifier", named("name", operatorName));
    incident.put("modificationDate", TOPDESK_TIME.format(clock.instant()));
    return new Answer(200, Json.write(incident));
  }

  private Answer list(Map<String, String> parameters) {
    int pageStart;
    int pageSize;
    try {
      pageStart = Integer.parseInt(parameters.getOrDefault("pageStart", "0"));
      pageSize = Integer.parseInt(parameters.getOrDefault("pageSize", "10"));
    } catch (NumberFormatException e) {
      return new Answer(400, errors("pageStart and pageSize must be numbers"));
    }
    if (pageStart < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return new Answer(400, errors("pageSize must be between 1 and " + MAX_PAGE_SIZE + " and pageStart at least 0"));
    }
    List<Map<String, Object>> matching;
    try {
      FakeFiql.Filter filter = FakeFiql.parse(parameters.getOrDefault("query", ""));
      matching = incidents.values().stream().filter(filter::matches).toList();
    } catch (IllegalArgumentException e) {
      return new Answer(400, errors("Invalid query: " + e.getMessage()));
    }
    String sort = parameters.getOrDefault("sort", "");
    if (sort.equals("modificationDate:asc")) {
      matching = matching.stream().sorted(Comparator.comparing(FakeTopdeskApi::modified)).toList();
    } else if (!sort.isEmpty()) {
      return new Answer(400, errors("Unsupported sort: " + sort));
    }
    if (pageStart >= matching.size()) {
      return new Answer(204, "");
    }
    int end = (int) Math.min(matching.size(), (long) pageStart + pageSize);
    List<Object> page = new ArrayList<>();
    String fields = parameters.get("fields");
    for (Map<String, Object> incident : matching.subList(pageStart, end)) {
      page.add(fields == null ? incident : only(incident, List.of(fields.split(","))));
    }
    return new Answer(end < matching.size() ? 206 : 200, Json.write(page));
  }

  private static Map<String, Object> only(Map<String, Object> incident, List<String> fields) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (String field : fields) {
      if (incident.containsKey(field.strip())) {
        kept.put(field.strip(), incident.get(field.strip()));
      }
    }
    return kept;
  }

  private static Instant modified(Map<String, Object> incident) {
    return incident.get("modificationDate") instanceof String text ? IsoTimes.parse(text).orElse(Instant.MIN)
        : Instant.MIN;
  }

  private void setStatus(Map<String, Object> incident, String name) {
    Status status = statuses.get(name);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", status == null ? UUID.nameUUIDFromBytes(("status " + name).getBytes(StandardCharsets.UTF_8))
        .toString() : status.id());
    value.put("name", name);
    incident.put("processingStatus", value);
    boolean completes = status != null && status.completes();
    boolean closes = status != null && status.closes();
    String now = TOPDESK_TIME.format(clock.instant());
    incident.put("completed", completes);
    incident.put("completedDate", completes ? now : null);
    incident.put("closed", closes);
    incident.put("closedDate", closes ? now : null);
  }

  private Map<String, Object> require(String number) {
    return idOf(Objects.requireNonNull(number, "number")).map(incidents::get)
        .orElseThrow(() -> new IllegalArgumentException("the fake has no incident " + number));
  }

  private static String idFor(String number) {
    return UUID.nameUUIDFromBytes(("incident " + number).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Map<String, Object> named(String field, String name) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    object.put(field, name);
    return object;
  }

  /** @return TOPdesk's error body: {@code [{"message": "..."}]} */
  private static String errors(String message) {
    return Json.write(List.of(Map.of("message", message)));
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body, Duration retryAfter)
      throws IOException {
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
    }
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
