package io.alertbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on the loopback interface whose cost is bounded for any client: at most
 * {@link Limits#maxConnections} connections at once (one more is answered 503 and closed at once), the
 * request line and headers within {@link Limits#headerTimeout} of the connection, the body within
 * {@link Limits#bodyTimeout} after the headers (else 408 and closed), the response within the body
 * timeout too, and one request per connection ({@code Connection: close}). Each connection has a thread
 * of its own from a pool no larger than the connection limit, so a slow client holds one thread, for
 * its timeout at most, and never delays the others.
 *
 * <p>The request line may be 8 KiB, the header section 32 KiB in at most 100 fields; bodies come with
 * {@code Content-Length} or chunked, and a body over the limit is not kept: the handler hears that it
 * was too large and what size was declared.
 */
final class HttpConnections {
  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADER_BYTES = 32 * 1024;
  static final int MAX_HEADER_FIELDS = 100;
  /** After the response, what the client still sends is read and dropped, up to this much, so it sees the answer. */
  private static final long MAX_DRAIN_BYTES = 64L << 20;

  /**
   * What a client may cost.
   *
   * @param maxConnections the most connections open at once
   * @param headerTimeout the time from the connection to the end of the headers
   * @param bodyTimeout the time from the end of the headers to the end of the body, and for writing the response
   * @param maxBodyBytes the largest body kept
   */
  record Limits(int maxConnections, Duration headerTimeout, Duration bodyTimeout, int maxBodyBytes) {
    static final int DEFAULT_MAX_CONNECTIONS = 64;
    static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

    Limits {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be positive");
      }
      if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive");
      }
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative");
      }
    }
  }

  /**
   * One request, read whole.
   *
   * @param method the method, as sent
   * @param rawPath the path, still percent-encoded
   * @param rawQuery the query without {@code ?}, still encoded; empty when none
   * @param headers the header fields by name as sent, in order
   * @param body the body; empty when it was too large
   * @param tooLarge whether the body was over the limit (and so not kept)
   * @param declaredLength the {@code Content-Length} sent, or -1
   */
  record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
      boolean tooLarge, long declaredLength) {
    /** @return the first value of a header, by name in any case, or null */
    String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }
  }

  /**
   * An answer: always JSON.
   *
   * @param status the HTTP status
   * @param json the body, without the final newline
   * @param headers further header fields
   */
  record Response(int status, String json, Map<String, String> headers) {
    Response(int status, String json) {
      this(status, json, Map.of());
    }
  }

  /** Answers a request; a RuntimeException is answered 500. */
  interface Handler {
    Response handle(Request request);
  }

  private static final String TIMED_OUT = "{\"message\":\"the request took too long\"}";
  private static final String BUSY = "{\"message\":\"too many connections, try again later\"}";

  private final ServerSocket serverSocket;
  private final Limits limits;
  private final Handler handler;
  private final PrintStream log;
  private final Semaphore permits;
  private final ExecutorService workers;
  private final ScheduledExecutorService watchdog;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private final AtomicLong refused = new AtomicLong();
  private volatile long lastRefusalLog;
  private volatile boolean stopping;

  private HttpConnections(ServerSocket serverSocket, Limits limits, Handler handler, PrintStream log) {
    this.serverSocket = serverSocket;
    this.limits = limits;
    this.handler = handler;
    this.log = log;
    this.permits = new Semaphore(limits.maxConnections());
    // As many threads as connections; the permits keep the queue short, and a connection handed over
    // while a thread is still finishing the previous one waits for it instead of being refused.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(limits.maxConnections(), limits.maxConnections(), 30,
        TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("alertbridge-connection"));
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("alertbridge-watchdog"));
    timer.setRemoveOnCancelPolicy(true);
    this.watchdog = timer;
    this.acceptor = daemon("alertbridge-acceptor").newThread(this::accept);
  }

  /**
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @param limits what a client may cost
   * @param handler answers each request
   * @param log where problems with connections are told
   * @return the started server
   * @throws UncheckedIOException when the port cannot be bound
   */
  static HttpConnections start(int port, Limits limits, Handler handler, PrintStream log) {
    ServerSocket socket;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    HttpConnections server = new HttpConnections(socket, limits, handler, log);
    server.acceptor.start();
    return server;
  }

  /** @return the bound address: always the loopback interface */
  InetSocketAddress address() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  /** @return how many connections are open now */
  int openConnections() {
    return open.size();
  }

  /** Stops accepting, closes every connection and ends the threads. */
  void stop() {
    stopping = true;
    try {
      serverSocket.close();
    } catch (IOException e) {
      // closed either way
    }
    open.forEach(HttpConnections::closeQuietly);
    workers.shutdownNow();
    watchdog.shutdownNow();
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept() {
    while (!stopping) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!stopping) {
          log.println("alertbridge: accepting a connection failed: " + e.getMessage());
          pause();
        }
        continue;
      }
      if (!permits.tryAcquire()) {
        refuse(socket);
        continue;
      }
      open.add(socket);
      try {
        workers.execute(() -> {
          try {
            serve(socket);
          } finally {
            open.remove(socket);
            closeQuietly(socket);
            permits.release();
          }
        });
      } catch (RuntimeException e) {
        open.remove(socket);
        closeQuietly(socket);
        permits.release();
      }
    }
  }

  /** Over the limit: a 503 goes into the socket's buffer (never waits), and the connection is closed. */
  private void refuse(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head(503, BUSY.length() + 1, Map.of("Retry-After", "1")));
      out.write((BUSY + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // it is closed below either way
    }
    closeQuietly(socket);
    long count = refused.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastRefusalLog > TimeUnit.SECONDS.toNanos(10) || count == 1) {
      lastRefusalLog = now;
      log.println("alertbridge: refused a connection: " + limits.maxConnections() + " are open (" + count
          + " refused so far)");
    }
  }

  private void serve(Socket socket) {
    Input in;
    try {
      socket.setTcpNoDelay(true);
      in = new Input(socket, System.nanoTime() + limits.headerTimeout().toNanos());
    } catch (IOException e) {
      return;
    }
    Response response;
    Request request = null;
    long linger = TimeUnit.SECONDS.toMillis(2);
    try {
      request = read(socket, in);
      response = dispatch(request);
      if (!request.tooLarge()) {
        linger = 0; // read whole: nothing is left to drop
      }
    } catch (Timeout e) {
      log.println("alertbridge: a request took too long (" + e.getMessage() + ") -> 408");
      response = new Response(408, TIMED_OUT);
      linger = 500;
    } catch (BadRequest e) {
      response = new Response(e.status, "{\"message\":\"" + e.getMessage() + "\"}");
    } catch (IOException e) {
      return; // the client went away
    }
    write(socket, request, response);
    if (linger > 0) {
      linger(socket, in, linger);
    }
  }

  private Response dispatch(Request request) {
    try {
      return Objects.requireNonNull(handler.handle(request), "response");
    } catch (RuntimeException e) {
      log.println(request.method() + " " + printable(request.rawPath()) + " -> 500 (" + e + ")");
      return new Response(500, "{\"message\":\"the request could not be answered\"}");
    }
  }

  private Request read(Socket socket, Input in) throws IOException {
    String requestLine = in.line(MAX_REQUEST_LINE, 414, "the request line is too long");
    while (requestLine.isEmpty()) { // a client may send empty lines before the request
      requestLine = in.line(MAX_REQUEST_LINE, 414, "the request line is too long");
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !isToken(parts[0]) || !parts[2].matches("HTTP/1\\.[01]") || parts[1].isEmpty()) {
      throw new BadRequest(400, "malformed request line");
    }
    String target = parts[1];
    if (!target.startsWith("/")) {
      throw new BadRequest(400, "the request target must be a path");
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);
    Map<String, List<String>> headers = headers(in);
    in.deadline(System.nanoTime() + limits.bodyTimeout().toNanos());
    long declared = contentLength(headers);
    String transferEncoding = first(headers, "Transfer-Encoding");
    if (transferEncoding != null && declared >= 0) {
      throw new BadRequest(400, "both Content-Length and Transfer-Encoding are given");
    }
    if (transferEncoding != null && !transferEncoding.strip().equalsIgnoreCase("chunked")) {
      throw new BadRequest(501, "only the chunked transfer coding is understood");
    }
    int limit = limits.maxBodyBytes();
    if (declared > limit) {
      return new Request(parts[0], rawPath, rawQuery, headers, new byte[0], true, declared);
    }
    String expect = first(headers, "Expect");
    if (expect != null && expect.strip().equalsIgnoreCase("100-continue") && parts[2].equals("HTTP/1.1")) {
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body;
    if (transferEncoding != null) {
      body = in.chunked(limit);
    } else if (declared > 0) {
      body = in.exactly((int) declared);
    } else {
      body = new byte[0];
    }
    if (body == null) {
      return new Request(parts[0], rawPath, rawQuery, headers, new byte[0], true, declared);
    }
    return new Request(parts[0], rawPath, rawQuery, headers, body, false, declared);
  }

  private static Map<String, List<String>> headers(Input in) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int bytes = 0;
    int fields = 0;
    while (true) {
      String line = in.line(MAX_HEADER_BYTES - bytes, 431, "the headers are too large");
      bytes += line.length() + 2;
      if (line.isEmpty()) {
        return headers;
      }
      if (++fields > MAX_HEADER_FIELDS) {
        throw new BadRequest(431, "too many header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !isToken(line.substring(0, colon))) {
        throw new BadRequest(400, "malformed header field");
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      String known = headers.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
      headers.computeIfAbsent(known, key -> new ArrayList<>()).add(value);
    }
  }

  private static long contentLength(Map<String, List<String>> headers) {
    List<String> values = new ArrayList<>();
    headers.forEach((name, list) -> {
      if (name.equalsIgnoreCase("Content-Length")) {
        list.forEach(value -> values.addAll(List.of(value.split(",", -1))));
      }
    });
    long length = -1;
    for (String value : values) {
      String digits = value.strip();
      if (!digits.matches("[0-9]{1,18}")) {
        throw new BadRequest(400, "malformed Content-Length");
      }
      long parsed = Long.parseLong(digits);
      if (length >= 0 && parsed != length) {
        throw new BadRequest(400, "conflicting Content-Length values");
      }
      length = parsed;
    }
    return length;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return String.join(",", entry.getValue());
      }
    }
    return null;
  }

  private void write(Socket socket, Request request, Response response) {
    byte[] body = (response.json() + "\n").getBytes(StandardCharsets.UTF_8);
    ScheduledFuture<?> alarm = watchdog.schedule(() -> closeQuietly(socket), limits.bodyTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      OutputStream out = socket.getOutputStream();
      out.write(head(response.status(), body.length, response.headers()));
      if (request == null || !request.method().equals("HEAD")) {
        out.write(body);
      }
      out.flush();
    } catch (IOException e) {
      // the client went away, or took too long to read the answer
    } finally {
      alarm.cancel(false);
    }
  }

  /**
   * Lets a client whose request was not read whole read the answer all the same: no more is written,
   * and what it still sends is dropped, until it closes, up to a limit and for {@code millis} at most;
   * then the connection is closed (closing at once could reset it and lose the answer).
   */
  private void linger(Socket socket, Input in, long millis) {
    try {
      socket.shutdownOutput();
      in.deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
      in.drain(MAX_DRAIN_BYTES);
    } catch (IOException e) {
      // closed below either way
    }
  }

  private static byte[] head(int status, int length, Map<String, String> headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
        .append("\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ").append(length)
        .append("\r\nConnection: close\r\n");
    new TreeMap<>(headers).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 202 -> "Accepted";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }

  private static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** @return the text with control characters shown as {@code ?}, for log lines */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
    for (int i = 0; i < text.length() && i < 200; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return text.length() > 200 ? out.append("...").toString() : out.toString();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A request that cannot be read: answered with its status and closed. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** The client did not send in time. */
  private static final class Timeout extends IOException {
    private static final long serialVersionUID = 1L;

    Timeout(String message) {
      super(message);
    }
  }

  /** The socket's input, buffered, where every read ends by a deadline. */
  private static final class Input {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long deadline;
    private String phase = "headers";

    Input(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    void deadline(long deadline) {
      this.deadline = deadline;
      this.phase = "body";
    }

    /** @return false at the end of the stream */
    private boolean fill() throws IOException {
      long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (remaining <= 0) {
        throw new Timeout(phase);
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining)));
      int n;
      try {
        n = in.read(buffer);
      } catch (SocketTimeoutException e) {
        throw new Timeout(phase);
      } catch (SocketException e) {
        throw new IOException("the connection broke", e);
      }
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    private int read() throws IOException {
      if (position == limit && !fill()) {
        return -1;
      }
      return buffer[position++] & 0xff;
    }

    /** @return one line without its CRLF (or bare LF), as ISO-8859-1 */
    String line(int max, int status, String tooLong) throws IOException {
      StringBuilder line = new StringBuilder();
      while (true) {
        int b = read();
        if (b < 0) {
          throw new IOException("the connection ended within the headers");
        }
        if (b == '\n') {
          int length = line.length();
          if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
          }
          return line.toString();
        }
        if (line.length() >= max) {
          throw new BadRequest(status, tooLong);
        }
        line.append((char) b);
      }
    }

    byte[] exactly(int length) throws IOException {
      byte[] body = new byte[length];
      int read = 0;
      while (read < length) {
        if (position == limit && !fill()) {
          throw new IOException("the connection ended within the body");
        }
        int n = Math.min(length - read, limit - position);
        System.arraycopy(buffer, position, body, read, n);
        position += n;
        read += n;
      }
      return body;
    }

    /** @return the decoded body, or null when it is over {@code max} bytes (then not read further) */
    byte[] chunked(int max) throws IOException {
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      while (true) {
        String sizeLine = line(1024, 400, "a chunk size line is too long");
        int semicolon = sizeLine.indexOf(';');
        String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
        if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
          throw new BadRequest(400, "malformed chunk size");
        }
        long size = Long.parseLong(hex, 16);
        if (size == 0) {
          break;
        }
        if (body.size() + size > max) {
          return null;
        }
        body.write(exactly((int) size));
        if (!line(2, 400, "malformed chunk").isEmpty()) {
          throw new BadRequest(400, "malformed chunk");
        }
      }
      int bytes = 0;
      for (String trailer = line(MAX_HEADER_BYTES, 431, "the trailers are too large"); !trailer.isEmpty();
          trailer = line(MAX_HEADER_BYTES - bytes, 431, "the trailers are too large")) {
        bytes += trailer.length() + 2;
      }
      return body.toByteArray();
    }

    void drain(long max) throws IOException {
      long total = limit - position;
      position = limit;
      while (total < max && fill()) {
        total += limit;
        position = limit;
      }
    }
  }
}
