package io.alertbridge.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.EventType;
import io.alertbridge.core.InMemoryAlertStateStore;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Secret;
import io.alertbridge.core.StoreException;
import io.alertbridge.core.StoredAlert;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.testkit.TestClock;
import io.alertbridge.core.example.ExampleIntegration;
import io.alertbridge.core.example.ForwardingAlertStateStore;
import io.alertbridge.core.example.RecordingSink;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The servlet over real HTTP, in embedded Jetty, with the example integration. */
class AlertBridgeServletTest {
  private static final String SECRET = "s3cret";
  private static final AlertSource SHARED_SECRET = AlertSource.builder("service-desk", ExampleIntegration.NAME)
      .authentication(Authentication.sharedSecretHeader("X-Secret", Secret.of(SECRET)))
      .build();
  private static final AlertSource BASIC = AlertSource.builder("basic-desk", ExampleIntegration.NAME)
      .authentication(Authentication.basic(Authentication.Credentials.of("sender", "pa55")))
      .build();
  private static final String NEW_TICKET = "{\"id\": \"4711\", \"status\": \"New\", \"summary\": \"Checkout API returns 502\"}";

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final RecordingSink sink = new RecordingSink();
  private final AtomicBoolean storeDown = new AtomicBoolean();
  /** Body bytes the servlet read, over all of a test's requests, counted as it reads them. */
  private final AtomicLong bytesRead = new AtomicLong();
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  private WebhookProcessor processor(Limits limits) {
    return WebhookProcessor.builder(IntegrationRegistry.of(new ExampleIntegration()))
        .clock(TestClock.at("2025-03-04T09:15:00Z"))
        .limits(limits)
        .stateStore(new ForwardingAlertStateStore(new InMemoryAlertStateStore()) {
          @Override
          public Optional<StoredAlert> read(AlertKey key) {
            if (storeDown.get()) {
              throw new StoreException("db-7.internal:5432 refused the connection");
            }
            return super.read(key);
          }

          @Override
          public boolean commit(List<AlertWrite> writes) {
            if (storeDown.get()) {
              throw new StoreException("db-7.internal:5432 refused the connection");
            }
            return super.commit(writes);
          }
        })
        .eventSink(sink)
        .build();
  }

  private AlertBridgeServlet.Builder servlet(Limits limits) {
    return AlertBridgeServlet.builder(processor(limits)).limits(limits).source(SHARED_SECRET).source(BASIC);
  }

  /** Mounts the servlet at {@code /webhooks/*} behind a filter that counts the body bytes it reads. */
  private URI start(AlertBridgeServlet servlet) throws Exception {
    server = new Server(new QueuedThreadPool(16, 2));
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    Filter counting = (request, response, chain) ->
        chain.doFilter(new CountingRequest((HttpServletRequest) request, bytesRead), response);
    context.addFilter(new FilterHolder(counting), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(servlet), "/webhooks/*");
    server.setHandler(context);
    server.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/webhooks/");
  }

  private static HttpRequest.Builder post(URI uri, String body) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void createsAnAlertAndAnswersTheRetryAsADuplicate() throws Exception {
    URI base = start(servlet(Limits.defaults()).build());
    HttpRequest delivery = post(base.resolve("service-desk"), NEW_TICKET)
        .header("X-Secret", SECRET).header("X-Delivery-Id", "delivery-1").build();

    HttpResponse<String> created = send(delivery);
    HttpResponse<String> retried = send(delivery);

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(created.body()).startsWith("{\"outcome\":\"CREATED\",\"alertKey\":\"4711\",\"state\":\"PENDING\"");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(retried.body()).startsWith("{\"outcome\":\"DUPLICATE\",\"alertKey\":\"4711\"")
        .contains("delivery-1 was already processed");
    assertThat(sink.applied()).singleElement().satisfies(event -> {
      assertThat(event.eventType()).isEqualTo(EventType.ALERT);
      assertThat(event.ticketId()).isEqualTo("4711");
      assertThat(event.summary()).isEqualTo("Checkout API returns 502");
    });
  }

  @Test
  void aWrongSharedSecretIs401WithoutABasicChallenge() throws Exception {
    URI base = start(servlet(Limits.defaults()).build());

    HttpResponse<String> answer = send(post(base.resolve("service-desk"), NEW_TICKET).header("X-Secret", "guess").build());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"outcome\":\"UNAUTHORIZED\"");
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(sink.applied()).isEmpty();
  }

  @Test
  void aBasicSourceChallengesWithItsRealmAndAcceptsItsCredentials() throws Exception {
    URI base = start(servlet(Limits.defaults()).realm("Service \"desk\"").build());
    String good = "Basic " + Base64.getEncoder().encodeToString("sender:pa55".getBytes(StandardCharsets.UTF_8));
    String bad = "Basic " + Base64.getEncoder().encodeToString("sender:guess".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> anonymous = send(post(base.resolve("basic-desk"), NEW_TICKET).build());
    HttpResponse<String> wrong = send(post(base.resolve("basic-desk"), NEW_TICKET).header("Authorization", bad).build());
    HttpResponse<String> right = send(post(base.resolve("basic-desk"), NEW_TICKET).header("Authorization", good).build());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .containsExactly("Basic realm=\"Service \\\"desk\\\"\", charset=\"UTF-8\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue(
        anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertThat(right.statusCode()).isEqualTo(202);
    assertThat(right.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(sink.applied()).hasSize(1);
  }

  /**
   * Over a plain socket: the JDK's HTTP client reads the answer only once it has sent the whole body,
   * so it sees an early answer only through a failed write, and now and then not at all.
   */
  @Test
  void aChunkedBodyOverTheLimitIs413WhileTheSenderIsStillSendingIt() throws Exception {
    int limit = 1024;
    URI base = start(servlet(Limits.builder().maxBodyBytes(limit).build()).build());

    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /webhooks/service-desk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "X-Secret: " + SECRET + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = " ".repeat(8192).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 8; i++) {   // 64 times the limit, and no last chunk: the body never ends
        out.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();

      RawResponse answer = RawResponse.read(socket.getInputStream());

      assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Payload Too Large");
      assertThat(answer.headers()).contains("connection: close");
      assertThat(answer.body()).isEqualTo("{\"outcome\":\"TOO_LARGE\",\"alertKey\":null,\"state\":null,"
          + "\"message\":\"the body is over the limit of 1024 bytes (maxBodyBytes)\"}");
    }
    assertThat(bytesRead.get()).isEqualTo(limit + 1);
    assertThat(sink.handedOver()).isEmpty();
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413WithoutReadingAByte() throws Exception {
    URI base = start(servlet(Limits.builder().maxBodyBytes(1024).build()).build());

    HttpResponse<String> answer = send(post(base.resolve("service-desk"), "x".repeat(4096)).header("X-Secret", SECRET).build());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("\"outcome\":\"TOO_LARGE\"", "limit of 1024 bytes");
    assertThat(bytesRead.get()).isZero();
  }

  @Test
  void aBodyExactlyAtTheLimitIsProcessed() throws Exception {
    String ticket = "{\"id\": \"4711\", \"status\": \"New\"}";
    URI base = start(servlet(Limits.builder().maxBodyBytes(ticket.length()).build()).build());

    HttpResponse<String> answer = send(post(base.resolve("service-desk"), ticket).header("X-Secret", SECRET).build());

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(bytesRead.get()).isEqualTo(ticket.length());
  }

  @Test
  void aFailingStoreIs503WithRetryAfterAndNoDetail() throws Exception {
    URI base = start(servlet(Limits.defaults()).retryAfter(Duration.ofSeconds(45)).build());
    storeDown.set(true);

    HttpResponse<String> answer = send(post(base.resolve("service-desk"), NEW_TICKET).header("X-Secret", SECRET).build());

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().allValues("Retry-After")).containsExactly("45");
    assertThat(answer.body()).contains("\"outcome\":\"UNAVAILABLE\"").doesNotContain("db-7", "5432", "refused");

    storeDown.set(false);
    HttpResponse<String> retried = send(post(base.resolve("service-desk"), NEW_TICKET).header("X-Secret", SECRET).build());
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(sink.applied()).hasSize(1);
  }

  @Test
  void anUnknownSourceIs404NamingNoSource() throws Exception {
    URI base = start(servlet(Limits.defaults()).build());

    for (String path : List.of("zendesk-prod", "", "service-desk/", "service-desk/more", "SERVICE-DESK")) {
      HttpResponse<String> answer = send(post(base.resolve(path), NEW_TICKET).header("X-Secret", SECRET).build());

      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.headers().firstValue("Connection")).as(path + ": the unread body closes the connection")
          .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("close"));
      assertThat(answer.body()).as(path).contains("no such alert source")
          .doesNotContain("service-desk", "basic-desk", "zendesk-prod", "SERVICE-DESK");
    }
    assertThat(bytesRead.get()).isZero();
    assertThat(sink.handedOver()).isEmpty();
  }

  @Test
  void otherMethodsAre405AllowingPost() throws Exception {
    URI base = start(servlet(Limits.defaults()).build());

    for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("service-desk")).timeout(Duration.ofSeconds(10))
          .header("X-Secret", SECRET)
          .method(method, method.equals("PUT") || method.equals("PATCH")
              ? HttpRequest.BodyPublishers.ofString(NEW_TICKET) : HttpRequest.BodyPublishers.noBody())
          .build();

      HttpResponse<String> answer = send(request);

      assertThat(answer.statusCode()).as(method).isEqualTo(405);
      assertThat(answer.headers().allValues("Allow")).as(method).containsExactly("POST");
    }
    assertThat(sink.handedOver()).isEmpty();
  }

  @Test
  void aSourceThatCannotWorkIs500WithOneLogLine() throws Exception {
    // The example integration has no signature check: processing throws ConfigurationException.
    AlertSource signed = AlertSource.builder("signed-desk", ExampleIntegration.NAME)
        .authentication(Authentication.signature(Secret.of("signing-secret"))).build();
    URI base = start(AlertBridgeServlet.builder(processor(Limits.defaults())).source(signed).build());
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    HttpResponse<String> answer;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      answer = send(post(base.resolve("signed-desk"), NEW_TICKET).build());
    } finally {
      System.setErr(original);
    }

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo(
        "{\"outcome\":null,\"alertKey\":null,\"state\":null,\"message\":\"the delivery could not be processed\"}");
    assertThat(captured.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains(AlertBridgeServlet.class.getName())))
        .singleElement().satisfies(line -> assertThat(line).contains("ERROR", "signed-desk", "no signature check")
            .doesNotContain("signing-secret"));
  }

  @Test
  void theBuilderRefusesWhatCannotWork() {
    WebhookProcessor processor = processor(Limits.defaults());

    assertThatThrownBy(() -> AlertBridgeServlet.builder(processor).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one alert source");
    assertThatThrownBy(() -> AlertBridgeServlet.builder(processor).source(SHARED_SECRET)
        .source(AlertSource.of("service-desk", ExampleIntegration.NAME)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service-desk");
    assertThatThrownBy(() -> AlertBridgeServlet.builder(processor).retryAfter(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AlertBridgeServlet.builder(processor).realm("line\r\nbreak"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A request whose body stream counts the bytes the servlet reads. */
  private static final class CountingRequest extends HttpServletRequestWrapper {
    private final AtomicLong count;

    CountingRequest(HttpServletRequest request, AtomicLong count) {
      super(request);
      this.count = count;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count.incrementAndGet();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            count.addAndGet(n);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }

  /** An HTTP/1.1 answer read off a socket: the status line, the header lines in lower case, the body. */
  private record RawResponse(String statusLine, List<String> headers, String body) {
    static RawResponse read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new java.io.EOFException("the connection ended before the answer's headers: " + head);
        }
        head.write(b);
      }
      List<String> lines = head.toString(StandardCharsets.US_ASCII).strip().lines().toList();
      List<String> headers = lines.subList(1, lines.size()).stream()
          .map(line -> line.toLowerCase(java.util.Locale.ROOT)).toList();
      int length = headers.stream().filter(line -> line.startsWith("content-length:"))
          .map(line -> Integer.parseInt(line.substring("content-length:".length()).strip()))
          .findFirst().orElseThrow();
      return new RawResponse(lines.get(0), headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
  }
}
