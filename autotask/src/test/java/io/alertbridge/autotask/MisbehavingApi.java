package io.alertbridge.autotask;

import io.alertbridge.core.AlertSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An Autotask REST API on the loopback interface that answers each resource as a test says, well or
 * badly: stalling after its headers, trickling its body, sending too many bytes, or sending {@code null}.
 * It speaks plain HTTP/1.1 on a socket, one request per connection, so that every byte and pause is the
 * test's. By default it answers the recorded ticket 48213 and picklists. Close it after each test: that
 * releases every stalled answer.
 */
final class MisbehavingApi implements AutoCloseable {
  static final String ZONE_LOOKUP = "zoneInformation";
  static final String PICKLISTS = "Tickets/entityInformation/fields";
  static final String TICKET = "Tickets/48213";
  private static final String API = "/atservicesrest/v1.0/";

  /** How one resource is answered, on the connection's output. */
  @FunctionalInterface
  interface Answer {
    void send(OutputStream out, CountDownLatch closed) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private MisbehavingApi(ServerSocket server) {
    this.server = server;
    answers.put(ZONE_LOOKUP, json("{\"zoneName\":\"Loopback\",\"url\":\"" + zoneUrl() + "\",\"webUrl\":"
        + "\"https://ww14.autotask.net/\",\"ci\":1}"));
    answers.put(PICKLISTS, json(LoopbackAutotaskApi.fixture("api-picklists-ticket-fields.json")));
    answers.put(TICKET, json(LoopbackAutotaskApi.fixture("api-01-ticket-48213-new.json")));
  }

  static MisbehavingApi start() {
    try {
      MisbehavingApi api = new MisbehavingApi(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      daemon(api::accept, "misbehaving-autotask-api");
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void daemon(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  String rootUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  String zoneUrl() {
    return rootUrl() + "atservicesrest/";
  }

  /** @return a source that looks the zone up here, with the given request timeout */
  AlertSource source(String requestTimeout) {
    return new SettingsMembers("misbehaving")
        .setting("username", LoopbackAutotaskApi.USERNAME)
        .setting("secret", LoopbackAutotaskApi.SECRET)
        .setting("integrationCode", LoopbackAutotaskApi.INTEGRATION_CODE)
        .setting("apiUrl", rootUrl())
        .setting("requestTimeout", requestTimeout)
        .build();
  }

  /** @param resource e.g. {@link #TICKET} @param answer how to answer it from now on @return this API */
  MisbehavingApi answer(String resource, Answer answer) {
    answers.put(resource, answer);
    return this;
  }

  /** @return status 200 and the body, with its length */
  static Answer json(String body) {
    return json(body.getBytes(StandardCharsets.UTF_8));
  }

  static Answer json(byte[] body) {
    return (out, closed) -> {
      head(out, 200, body.length);
      out.write(body);
    };
  }

  /** @return status 200 and a chunked body of which nothing ever comes, until the API is closed */
  static Answer stallAfterHeaders() {
    return (out, closed) -> {
      head(out, 200, -1);
      closed.await(30, TimeUnit.SECONDS);
    };
  }

  /** @return status 200 and the body, one byte per interval, each flushed, until done or the API is closed */
  static Answer trickle(String body, Duration interval) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return (out, closed) -> {
      head(out, 200, bytes.length);
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        if (closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    };
  }

  /**
   * @param count how many bytes of a JSON string to send
   * @param declared whether to declare them in Content-Length (otherwise the body is chunked)
   * @return status 200 and that many bytes, sent until the client hangs up or the API is closed
   */
  static Answer bytes(int count, boolean declared) {
    return (out, closed) -> {
      head(out, 200, declared ? count : -1);
      byte[] chunk = new byte[8192];
      Arrays.fill(chunk, (byte) 'x');
      chunk[0] = '"';
      for (int sent = 0; sent < count && closed.getCount() > 0; sent += chunk.length) {
        int length = Math.min(chunk.length, count - sent);
        if (!declared) {
          out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(chunk, 0, length);
        if (!declared) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunk[0] = 'x';
      }
    };
  }

  /** Writes the status line and headers; a negative length means a chunked body. */
  private static void head(OutputStream out, int status, long length) throws IOException {
    String head = "HTTP/1.1 " + status + " OK\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n"
        + (length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        daemon(() -> serve(socket), "misbehaving-autotask-api-answer");
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String requestLine = in.readLine();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // headers are not looked at
      }
      String path = requestLine == null ? "" : requestLine.split(" ")[1].split("\\?")[0];
      Answer answer = path.startsWith(API) ? answers.get(path.substring(API.length())) : null;
      OutputStream out = socket.getOutputStream();
      if (answer == null) {
        head(out, 404, 0);
      } else {
        answer.send(out, closed);
      }
      out.flush();
    } catch (IOException e) {
      // the client hung up, as it should when it has had enough
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
