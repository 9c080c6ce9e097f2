package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client can cost the receiver, over real loopback sockets: slow headers and bodies time out
 * without holding up others, idle connections are capped and closed, and nothing is listed or
 * revealed without the admin token.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServeLimitsTest {
  private static final String TOKEN = "admin-token-0123456789";
  private static final String NEW_TICKET = "{\"id\": \"1\", \"status\": \"New\", \"updatedAt\": \"2025-03-04T09:00:00Z\"}";

  @TempDir
  Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final List<Socket> sockets = new ArrayList<>();
  private Receiver receiver;

  @AfterEach
  void stop() {
    sockets.forEach(socket -> {
      try {
        socket.close();
      } catch (IOException e) {
        // closed
      }
    });
    if (receiver != null) {
      receiver.stop();
    }
  }

  /** @param top further top-level members of the configuration, e.g. {@code "maxConnections": 4,} */
  private void start(String top) throws IOException {
    Path config = dir.resolve("alertbridge.json");
    Files.writeString(config, "{" + top + " \"sources\": [{\"id\": \"desk\", \"integration\": \"example\"}]}");
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    receiver = new Cli(CliRunner.example(), CliRunner.CLOCK, out, out)
        .startReceiver(List.of("--port", "0", "--config", config.toString()));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
    socket.setSoTimeout(10_000);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** @return everything the server sends until it closes the connection */
  private static String readAll(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // reset after the answer: keep what came
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** One request on a connection of its own, sent whole: {@code status line + "\n" + body}. */
  private String exchange(String request) throws IOException {
    try (Socket socket = connect()) {
      send(socket, request);
      return readAll(socket);
    }
  }

  private static String post(String source, String body, String... headers) {
    StringBuilder request = new StringBuilder("POST /webhooks/" + source + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("\r\n").append(body).toString();
  }

  private static String get(String path, String... headers) {
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  private static String statusLine(String response) {
    return response.lines().findFirst().orElse("");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(String response) {
    return (Map<String, Object>) Json.parse(response.substring(response.indexOf("\r\n\r\n") + 4), 16);
  }

  private static List<Object> alertKeys(Map<String, Object> body) {
    return ((List<?>) body.get("alerts")).stream().map(a -> ((Map<?, ?>) a).get("alertKey")).map(Object.class::cast)
        .toList();
  }

  @Test
  void answers408ToTrickledHeadersWhileServingOthers() throws Exception {
    start("\"headerTimeoutMillis\": 3000,");
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 12; i++) { // more than the 8 workers the receiver used to have
      Socket socket = connect();
      send(socket, "POST /webhooks/desk HTTP/1.1\r\nHost: localhost\r\n");
      slow.add(socket);
    }
    long started = System.nanoTime();
    Thread trickle = new Thread(() -> {
      try {
        for (int round = 0; round < 60; round++) {
          for (Socket socket : slow) {
            send(socket, "X");
          }
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException e) {
        // the server closed them
      }
    });
    trickle.start();

    long before = System.nanoTime();
    String health = exchange(get("/health"));
    long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
    String first = readAll(slow.get(0));
    long slowMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    List<String> others = new ArrayList<>();
    for (Socket socket : slow.subList(1, slow.size())) {
      others.add(statusLine(readAll(socket)));
    }
    trickle.interrupt();
    trickle.join();

    assertThat(statusLine(health)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(healthMillis).isLessThan(2_000); // long before the slow ones time out
    assertThat(statusLine(first)).isEqualTo("HTTP/1.1 408 Request Timeout");
    assertThat(body(first)).containsEntry("message", "the request took too long");
    assertThat(slowMillis).isBetween(2_800L, 8_000L);
    assertThat(others).containsOnly("HTTP/1.1 408 Request Timeout");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("a request took too long (headers) -> 408");
  }

  @Test
  void answers408ToATrickledBodyAndProcessesNothing() throws Exception {
    start("\"bodyTimeoutMillis\": 600,");
    Socket socket = connect();
    String request = post("desk", NEW_TICKET);
    String head = request.substring(0, request.indexOf("\r\n\r\n") + 4);
    send(socket, head);
    long started = System.nanoTime();
    String response;
    Thread trickle = new Thread(() -> {
      try {
        for (int i = 0; i < 60; i++) {
          send(socket, "{");
          Thread.sleep(50);
        }
      } catch (IOException | InterruptedException e) {
        // the server closed it
      }
    });
    trickle.start();
    response = readAll(socket);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    trickle.interrupt();
    trickle.join();

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 408 Request Timeout");
    assertThat(millis).isBetween(500L, 5_000L);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("a request took too long (body) -> 408")
        .doesNotContain("POST /webhooks/desk ->");
  }

  @Test
  void capsIdleConnectionsAndClosesThemAfterTheHeaderTimeout() throws Exception {
    start("\"maxConnections\": 16, \"headerTimeoutMillis\": 4000,");
    List<Socket> idle = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      idle.add(connect());
    }
    // wait until the receiver holds all 16
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (receiver.openConnections() < 16 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(receiver.openConnections()).isEqualTo(16);

    List<String> refused = new ArrayList<>();
    long before = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      Socket extra = connect();
      refused.add(statusLine(readAll(extra)));
      extra.close();
      sockets.remove(extra);
    }
    long refusingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
    int openWhileFull = receiver.openConnections();

    // the idle ones are closed when their header time is up, with a 408
    List<String> closedIdle = new ArrayList<>();
    for (Socket socket : idle) {
      closedIdle.add(statusLine(readAll(socket)));
      socket.close();
    }
    String health = exchange(get("/health"));

    assertThat(refused).hasSize(200).containsOnly("HTTP/1.1 503 Service Unavailable");
    assertThat(refusingMillis).isLessThan(5_000);
    assertThat(openWhileFull).isEqualTo(16);
    assertThat(closedIdle).containsOnly("HTTP/1.1 408 Request Timeout");
    assertThat(statusLine(health)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("refused a connection: 16 are open (1 refused so far)");
  }

  @Test
  void listsAlertsOnlyWithTheAdminToken() throws Exception {
    start("\"adminToken\": \"" + TOKEN + "\",");
    assertThat(statusLine(exchange(post("desk", NEW_TICKET)))).isEqualTo("HTTP/1.1 202 Accepted");

    String withToken = exchange(get("/alerts", "Authorization: Bearer " + TOKEN));
    String lowerCaseScheme = exchange(get("/alerts", "Authorization: bearer " + TOKEN));
    String without = exchange(get("/alerts"));
    String wrong = exchange(get("/alerts", "Authorization: Bearer " + TOKEN.substring(1)));
    String longer = exchange(get("/alerts", "Authorization: Bearer " + TOKEN + "x"));
    String basic = exchange(get("/alerts", "Authorization: Basic " + TOKEN));

    assertThat(statusLine(withToken)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(alertKeys(body(withToken))).containsExactly("1");
    assertThat(statusLine(lowerCaseScheme)).isEqualTo("HTTP/1.1 200 OK");
    for (String refused : List.of(without, wrong, longer, basic)) {
      assertThat(statusLine(refused)).isEqualTo("HTTP/1.1 401 Unauthorized");
      assertThat(refused).contains("WWW-Authenticate: Bearer");
      assertThat(body(refused)).containsExactly(Map.entry("message", "authentication required"));
    }
  }

  @Test
  void hasNoAlertListingWithoutAnAdminToken() throws Exception {
    start("");
    exchange(post("desk", NEW_TICKET));

    String alerts = exchange(get("/alerts"));
    String guessed = exchange(get("/alerts", "Authorization: Bearer " + TOKEN));
    String unknown = exchange(get("/nothing-here"));

    assertThat(statusLine(alerts)).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(body(alerts)).containsExactly(Map.entry("message", "no such path"));
    assertThat(statusLine(guessed)).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(body(unknown)).isEqualTo(body(alerts));
  }

  @Test
  void saysOnlyNoSuchSourceForAnUnknownSource() throws Exception {
    start("");

    String response = exchange(post("nosuch", NEW_TICKET));

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(body(response)).containsExactly(Map.entry("message", "no such source"));
    assertThat(response).doesNotContain("desk", "example");
  }

  @Test
  void pagesTheAlertListing() throws Exception {
    start("\"adminToken\": \"" + TOKEN + "\",");
    for (String id : List.of("1", "2", "3")) {
      exchange(post("desk", NEW_TICKET.replace("\"1\"", "\"" + id + "\"")));
    }

    Map<String, Object> first = body(exchange(get("/alerts?limit=2", "Authorization: Bearer " + TOKEN)));
    Map<String, Object> second = body(exchange(get((String) first.get("next"), "Authorization: Bearer " + TOKEN)));
    String badLimit = exchange(get("/alerts?limit=100000", "Authorization: Bearer " + TOKEN));

    assertThat(alertKeys(first)).containsExactly("1", "2");
    assertThat(first.get("next")).isEqualTo("/alerts?limit=2&afterSource=desk&afterKey=2");
    assertThat(alertKeys(second)).containsExactly("3");
    assertThat(second.get("next")).isNull();
    assertThat(statusLine(badLimit)).isEqualTo("HTTP/1.1 400 Bad Request");
  }

  @Test
  void readsChunkedBodiesAndAnswersExpectContinue() throws Exception {
    start("");
    String chunked = "POST /webhooks/desk HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(10) + "\r\n" + NEW_TICKET.substring(0, 10) + "\r\n"
        + Integer.toHexString(NEW_TICKET.length() - 10) + ";ext=1\r\n" + NEW_TICKET.substring(10) + "\r\n0\r\n\r\n";

    String created = exchange(chunked);
    String continued;
    try (Socket socket = connect()) {
      String request = post("desk", NEW_TICKET.replace("New", "Working").replace("09:00", "09:10"),
          "Expect: 100-continue");
      int end = request.indexOf("\r\n\r\n") + 4;
      send(socket, request.substring(0, end));
      byte[] interim = new byte[25];
      int read = 0;
      while (read < interim.length) {
        read += socket.getInputStream().read(interim, read, interim.length - read);
      }
      assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      send(socket, request.substring(end));
      continued = readAll(socket);
    }

    assertThat(statusLine(created)).isEqualTo("HTTP/1.1 202 Accepted");
    assertThat(body(created)).containsEntry("outcome", "CREATED");
    assertThat(body(continued)).containsEntry("outcome", "ACCEPTED");
  }

  @Test
  void refusesMalformedAndOversizedRequests() throws Exception {
    start("\"maxBodyBytes\": 64,");

    String garbage = exchange("HELLO\r\n\r\n");
    String longLine = exchange("GET /" + "a".repeat(HttpConnections.MAX_REQUEST_LINE) + " HTTP/1.1\r\n\r\n");
    String bigHeaders = exchange("GET /health HTTP/1.1\r\n" + ("X-Filler: " + "b".repeat(1000) + "\r\n").repeat(40)
        + "\r\n");
    String manyHeaders = exchange("GET /health HTTP/1.1\r\n" + "X-A: b\r\n".repeat(101) + "\r\n");
    String badLength = exchange("POST /webhooks/desk HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
    String both = exchange("POST /webhooks/desk HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");
    String tooLarge = exchange(post("desk", "x".repeat(65)));
    String chunkedTooLarge = exchange("POST /webhooks/desk HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "41\r\n" + "x".repeat(65) + "\r\n0\r\n\r\n");

    assertThat(statusLine(garbage)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(statusLine(longLine)).isEqualTo("HTTP/1.1 414 URI Too Long");
    assertThat(statusLine(bigHeaders)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    assertThat(statusLine(manyHeaders)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    assertThat(statusLine(badLength)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(statusLine(both)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(statusLine(tooLarge)).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(body(tooLarge)).containsEntry("outcome", "TOO_LARGE").containsEntry("message",
        "body is 65 bytes; the limit is 64");
    assertThat(statusLine(chunkedTooLarge)).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(body(chunkedTooLarge)).containsEntry("message", "body is over 64 bytes; the limit is 64");
  }
}
