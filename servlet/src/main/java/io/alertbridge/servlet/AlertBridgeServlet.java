package io.alertbridge.servlet;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Authentication;
import io.alertbridge.core.ConfigurationException;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook endpoint for a Jakarta Servlet 6 container: each {@code POST} is handed to a {@link
 * WebhookProcessor} for the alert source named by the path after the servlet's mount point, and
 * answered with the processor's decision.
 *
 * <p>Mount it with a path mapping such as {@code /webhooks/*}: {@code POST /webhooks/zendesk-prod}
 * then goes to the alert source whose id is {@code zendesk-prod}. The id is the whole decoded path
 * after the mount point, without its leading slash. The servlet has no default constructor: register
 * the built instance programmatically, for example with {@code
 * servletContext.addServlet("alertbridge", servlet).addMapping("/webhooks/*")} from a {@code
 * ServletContextListener}, or with your framework's servlet registration.
 *
 * <p>Every answer has a JSON body ({@code application/json}, UTF-8):
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>any method but {@code POST}</td><td>405 with {@code Allow: POST}; the body is not read</td></tr>
 *   <tr><td>a path naming no configured alert source</td><td>404 with a generic body that names neither the
 *       requested id nor the configured ones; the body is not read</td></tr>
 *   <tr><td>a body over {@link Limits#maxBodyBytes()}</td><td>413 {@code TOO_LARGE}. A declared {@code
 *       Content-Length} over the limit is refused without reading a byte; otherwise at most the limit plus one
 *       byte is read, and the rest is left unread (over HTTP/1.x the answer says {@code Connection: close}, as
 *       it does whenever a body is left unread: for 404 and 405 too)</td></tr>
 *   <tr><td>any other delivery</td><td>the {@link ProcessingResult}'s {@link ProcessingResult#httpStatus()
 *       status} and {@link ProcessingResult#responseBody() body}; a 401 to a source with HTTP Basic
 *       authentication carries {@code WWW-Authenticate: Basic realm="..."}</td></tr>
 *   <tr><td>the processor throws {@link UnavailableException} (the store, the event sink or a tool's API
 *       failed)</td><td>503 with {@code Retry-After} and a generic body; the failure's message is logged, not
 *       sent</td></tr>
 *   <tr><td>the processor throws {@link ConfigurationException} (the alert source cannot work, for example
 *       a signature check its integration does not have)</td><td>500 with a generic body, and one log line at
 *       ERROR naming the source and the problems</td></tr>
 * </table>
 *
 * <p>The delivery is built from the request's headers, its body bytes and its raw query string; the
 * processor's clock gives the time it was received. Any other exception propagates to the container.
 * Filters in front of this servlet must not read the request's body or its form parameters.
 *
 * <p>The servlet keeps no state of its own and is safe for concurrent requests.
 */
public final class AlertBridgeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AlertBridgeServlet.class);

  /** The content type of every answer. */
  public static final String CONTENT_TYPE = "application/json;charset=utf-8";

  private static final String NOT_FOUND = body(null, "no such alert source");
  private static final String NOT_ALLOWED = body(null, "method not allowed; use POST");
  private static final String UNAVAILABLE = body(Outcome.UNAVAILABLE.name(), "temporarily unavailable; try again later");
  private static final String SERVER_ERROR = body(null, "the delivery could not be processed");

  private final transient WebhookProcessor processor;
  private final transient Map<String, AlertSource> sources;
  /** The largest body accepted, from the builder's {@link Limits}; a larger one is answered with 413. */
  private final int maxBodyBytes;
  /** The {@code Retry-After} value sent with a 503, in seconds. */
  private final String retryAfterSeconds;
  /** The {@code WWW-Authenticate} value sent with a 401 to a Basic source. */
  private final String basicChallenge;
  /** The body of a 413 answer. */
  private final String tooLarge;

  private AlertBridgeServlet(Builder builder) {
    this.processor = builder.processor;
    this.sources = Map.copyOf(builder.sources);
    this.maxBodyBytes = builder.limits.maxBodyBytes();
    this.retryAfterSeconds = Long.toString(builder.retryAfter.toSeconds());
    this.basicChallenge = "Basic realm=\"" + escapeQuotedString(builder.realm) + "\", charset=\"UTF-8\"";
    this.tooLarge = body(Outcome.TOO_LARGE.name(), "the body is over the limit of " + maxBodyBytes
        + " bytes (maxBodyBytes)");
  }

  /**
   * @param processor the processor every delivery is handed to
   * @return a builder; add the alert sources this servlet serves
   */
  public static Builder builder(WebhookProcessor processor) {
    return new Builder(processor);
  }

  /**
   * Answers {@code POST} by processing the delivery, and every other method with 405.
   *
   * @param request the request
   * @param response the response
   * @throws IOException when the request cannot be read or the answer cannot be written
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      closeUnread(request, response);
      answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, NOT_ALLOWED);
      return;
    }
    AlertSource source = source(request.getPathInfo());
    if (source == null) {
      closeUnread(request, response);
      answer(response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
      return;
    }
    byte[] body = readBody(request);
    if (body == null) {
      closeUnread(request, response);
      answer(response, Outcome.TOO_LARGE.httpStatus(), tooLarge);
      return;
    }
    String query = request.getQueryString();
    Delivery delivery = Delivery.builder(body).headers(headers(request)).query(query == null ? "" : query).build();
    ProcessingResult result;
    try {
      result = processor.process(source, delivery);
    } catch (UnavailableException e) {
      LOG.warn("a delivery to alert source {} was answered 503: {}", source.id(), e.getMessage());
      response.setHeader("Retry-After", retryAfterSeconds);
      answer(response, e.httpStatus(), UNAVAILABLE);
      return;
    } catch (ConfigurationException e) {
      LOG.error("alert source {} cannot process deliveries, answered 500: {}", source.id(), e.getMessage());
      answer(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, SERVER_ERROR);
      return;
    }
    if (result.outcome() == Outcome.UNAUTHORIZED && source.authentication() instanceof Authentication.Basic) {
      response.setHeader("WWW-Authenticate", basicChallenge);
    }
    answer(response, result.httpStatus(), result.responseBody());
  }

  /**
   * The request's body is left unread: over HTTP/1.x the answer closes the connection, so that no client
   * sends its next request on a connection whose unread bytes the container may drop it for.
   */
  private static void closeUnread(HttpServletRequest request, HttpServletResponse response) {
    if (request.getProtocol() != null && request.getProtocol().startsWith("HTTP/1.")
        && request.getContentLengthLong() != 0) {
      response.setHeader("Connection", "close");
    }
  }

  /** @return the source named by the path after the mount point, or null */
  private AlertSource source(String pathInfo) {
    if (pathInfo == null || pathInfo.length() < 2 || pathInfo.charAt(0) != '/') {
      return null;
    }
    return sources.get(pathInfo.substring(1));
  }

  /** @return the body, or null when it is over the limit; reads at most the limit plus one byte */
  private byte[] readBody(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      return null;
    }
    // One byte more than the limit tells a body at the limit from one over it.
    int atMost = maxBodyBytes == Integer.MAX_VALUE ? maxBodyBytes : maxBodyBytes + 1;
    byte[] body = request.getInputStream().readNBytes(atMost);
    return body.length > maxBodyBytes ? null : body;
  }

  private static Headers headers(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return Headers.empty();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      List<String> values = headers.computeIfAbsent(name, n -> new ArrayList<>());
      Enumeration<String> each = request.getHeaders(name);
      while (each != null && each.hasMoreElements()) {
        values.add(each.nextElement());
      }
    }
    return Headers.of(headers);
  }

  private static void answer(HttpServletResponse response, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** @return a body of the processor's shape; {@code outcome} and {@code message} hold no quote or backslash */
  private static String body(String outcome, String message) {
    return "{\"outcome\":" + (outcome == null ? "null" : '"' + outcome + '"')
        + ",\"alertKey\":null,\"state\":null,\"message\":\"" + message + "\"}";
  }

  private static String escapeQuotedString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Builds an {@link AlertBridgeServlet}. */
  public static final class Builder {
    private final WebhookProcessor processor;
    private final Map<String, AlertSource> sources = new LinkedHashMap<>();
    private Limits limits;
    private Duration retryAfter = Duration.ofSeconds(30);
    private String realm = "AlertBridge";

    private Builder(WebhookProcessor processor) {
      this.processor = Objects.requireNonNull(processor, "processor");
      this.limits = processor.limits();
    }

    /**
     * @param source an alert source this servlet serves, at the path of its id
     * @return this builder
     * @throws IllegalArgumentException when a source with that id was already added
     */
    public Builder source(AlertSource source) {
      Objects.requireNonNull(source, "source");
      if (sources.putIfAbsent(source.id(), source) != null) {
        throw new IllegalArgumentException("two alert sources with the id \"" + source.id() + '"');
      }
      return this;
    }

    /**
     * @param sources alert sources this servlet serves, each at the path of its id
     * @return this builder
     * @throws IllegalArgumentException when two sources have one id
     */
    public Builder sources(Collection<AlertSource> sources) {
      sources.forEach(this::source);
      return this;
    }

    /**
     * @param limits the limits the servlet reads bodies by: at most {@link Limits#maxBodyBytes()} plus one
     *     byte of a body. Default: the processor's own
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * @param retryAfter what a 503 asks the sender to wait, sent in whole seconds; default 30 seconds
     * @return this builder
     * @throws IllegalArgumentException when under one second
     */
    public Builder retryAfter(Duration retryAfter) {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.toSeconds() < 1) {
        throw new IllegalArgumentException("retryAfter must be at least one second, got " + retryAfter);
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * @param realm the realm a 401 names to sources with HTTP Basic authentication; default {@code AlertBridge}
     * @return this builder
     * @throws IllegalArgumentException when empty, or holding a character other than printable ASCII
     */
    public Builder realm(String realm) {
      Objects.requireNonNull(realm, "realm");
      if (realm.isEmpty() || !realm.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("realm must be non-empty printable ASCII");
      }
      this.realm = realm;
      return this;
    }

    /**
     * @return the servlet
     * @throws IllegalStateException when no alert source was added
     */
    public AlertBridgeServlet build() {
      if (sources.isEmpty()) {
        throw new IllegalStateException("an AlertBridgeServlet needs at least one alert source");
      }
      return new AlertBridgeServlet(this);
    }
  }
}
