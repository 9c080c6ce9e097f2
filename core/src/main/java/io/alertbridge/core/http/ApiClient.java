package io.alertbridge.core.http;

import io.alertbridge.core.Limits;
import io.alertbridge.core.MalformedDeliveryException;
import io.alertbridge.core.http.ApiException.Reason;
import io.alertbridge.core.json.Json;
import io.alertbridge.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exchanges with one tool's API, each bounded as a whole by the request timeout (connecting and the
 * whole body included) and in bytes ({@link Limits#maxApiAnswerBytes()}); redirects are not followed.
 * Every failure is an {@link ApiException} that names the tool and the request by method and address,
 * never its query, headers or body. Thread-safe.
 *
 * <pre>{@code
 * ApiClient api = new ApiClient("TOPdesk", Duration.ofSeconds(5), Duration.ofSeconds(20));
 * ApiClient.Answer answer = api.send(request, limits).requireSuccess();
 * Object json = answer.json(limits);
 * }</pre>
 */
public final class ApiClient {
  /** The most bytes of an error answer kept for its message. */
  private static final int MAX_ERROR_BYTES = 2048;
  /** The most characters of the tool's error text put in a message. */
  private static final int MAX_ERROR_CHARS = 300;

  private final String tool;
  private final HttpClient http;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  /**
   * @param tool the tool's name as messages show it, e.g. {@code TOPdesk}
   * @param connectTimeout the most time to connect
   * @param requestTimeout the most time for a whole exchange, the answer's body included
   */
  public ApiClient(String tool, Duration connectTimeout, Duration requestTimeout) {
    this.tool = Objects.requireNonNull(tool, "tool");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** @return the most time for a whole exchange; set it on each request too */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Sends one request and reads its answer within the bounds. Answers of any status come back; {@link
   * Answer#requireSuccess()} turns the others into exceptions.
   *
   * @param request the request; its timeout should be {@link #requestTimeout()}
   * @param limits the bound on the answer's bytes
   * @return the answer
   * @throws ApiException when there is no answer in time, or it is larger than the limit
   */
  public Answer send(HttpRequest request, Limits limits) {
    String what = describe(request.method(), request.uri());
    BoundedBody body = new BoundedBody(limits.maxApiAnswerBytes(), MAX_ERROR_BYTES);
    CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, body);
    try {
      HttpResponse<byte[]> response = exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
      Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ApiClient::seconds).orElse(null);
      return new Answer(tool, what, response.statusCode(), response.body(), retryAfter);
    } catch (TimeoutException e) {
      body.abort();
      exchange.cancel(true);
      throw timeout(what, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof BoundedBody.TooLarge tooLarge) {
        throw new ApiException(Reason.UNREADABLE_ANSWER, tool + " gave an unreadable answer to " + what
            + ": it is larger than " + limits.maxApiAnswerBytes() + " bytes (Limits.maxApiAnswerBytes): "
            + tooLarge.getMessage(), 0, null, null);
      }
      if (cause instanceof HttpConnectTimeoutException) {
        throw new ApiException(Reason.TIMEOUT, "could not connect to " + tool + " for " + what + " within "
            + connectTimeout, 0, null, cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timeout(what, cause);
      }
      throw new ApiException(Reason.UNREACHABLE, (cause instanceof ConnectException ? "could not connect to "
          + tool + " for " : "the " + tool + " request failed: ") + what + " (" + cause.getClass().getSimpleName()
          + ")", 0, null, cause);
    } catch (InterruptedException e) {
      body.abort();
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ApiException(Reason.UNREACHABLE, "interrupted while waiting for " + tool + " to answer " + what, 0,
          null, e);
    }
  }

  private ApiException timeout(String what, Throwable cause) {
    return new ApiException(Reason.TIMEOUT, tool + " did not answer " + what + " within " + requestTimeout
        + " (requestTimeout, for the whole answer)", 0, null, cause);
  }

  /**
   * @param method the HTTP method
   * @param uri the request's address
   * @return the request by method and address, without the query
   */
  public static String describe(String method, URI uri) {
    return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
  }

  private static Optional<Duration> seconds(String value) {
    String digits = value.strip();
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
  }

  /**
   * One answer: its status and the bytes of its body (for a status other than 2xx, the first 2 KiB).
   *
   * @param tool the tool's name as messages show it
   * @param request the request by method and address
   * @param status the HTTP status
   * @param body the body's bytes, within the bounds
   * @param retryAfter the answer's {@code Retry-After} in seconds, or null
   */
  public record Answer(String tool, String request, int status, byte[] body, Duration retryAfter) {

    /**
     * Checks for nulls.
     *
     * @param tool the tool's name as messages show it
     * @param request the request by method and address
     * @param status the HTTP status
     * @param body the body's bytes, within the bounds
     * @param retryAfter the answer's {@code Retry-After} in seconds, or null
     */
    public Answer {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(body, "body");
    }

    /**
     * @return this answer, when its status is 2xx
     * @throws ApiException otherwise: RATE_LIMITED for 429, SERVER_ERROR for 5xx, REFUSED for 401 and 403,
     *     REJECTED for the rest, with the tool's error text
     */
    public Answer requireSuccess() {
      if (status >= 200 && status <= 299) {
        return this;
      }
      Reason reason = status == 429 ? Reason.RATE_LIMITED
          : status >= 500 ? Reason.SERVER_ERROR
          : status == 401 || status == 403 ? Reason.REFUSED
          : Reason.REJECTED;
      throw new ApiException(reason, tool + " answered HTTP " + status + " to " + request + errorText(), status, retryAfter, null);
    }

    /** @return the tool's error text, cut and stripped of control characters, after a colon; or nothing */
    public String errorText() {
      String text = new String(body, StandardCharsets.UTF_8);
      StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_ERROR_CHARS + 1));
      for (int i = 0; i < text.length() && clean.length() < MAX_ERROR_CHARS; i++) {
        char c = text.charAt(i);
        clean.append(Character.isISOControl(c) ? ' ' : c);
      }
      String stripped = clean.toString().strip();
      if (stripped.isEmpty()) {
        return "";
      }
      return ": " + stripped + (text.length() > MAX_ERROR_CHARS ? "\u2026" : "");
    }

    /**
     * @param limits the bounds on numbers and nesting
     * @return the body parsed as JSON, never null
     * @throws ApiException UNREADABLE_ANSWER when it is not JSON within the limits, or JSON null
     */
    public Object json(Limits limits) {
      Object parsed;
      try {
        parsed = Json.parse(body, limits);
      } catch (MalformedDeliveryException e) {
        throw unreadable(e.describe("it"));
      }
      if (parsed == null) {
        throw unreadable("it is null");
      }
      return parsed;
    }

    /**
     * @param what what is wrong with the answer
     * @return the exception saying so
     */
    public ApiException unreadable(String what) {
      return new ApiException(Reason.UNREADABLE_ANSWER, tool + " gave an unreadable answer to " + request + ": " + what, status,
          null, null);
    }

    /**
     * @param limits the bounds on numbers and nesting
     * @return the body as a JSON object
     * @throws ApiException UNREADABLE_ANSWER when it is not JSON within the limits, or not an object
     */
    public JsonObject jsonObject(Limits limits) {
      Object parsed = json(limits);
      if (!(parsed instanceof java.util.Map)) {
        throw unreadable("it is " + JsonObject.typeName(parsed) + ", not an object");
      }
      return JsonObject.root(parsed);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Answer a && a.tool.equals(tool) && a.request.equals(request) && a.status == status
          && java.util.Arrays.equals(a.body, body) && Objects.equals(a.retryAfter, retryAfter);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tool, request, status, java.util.Arrays.hashCode(body), retryAfter);
    }

    @Override
    public String toString() {
      return "Answer[" + request + " -> " + status + ", " + body.length + " bytes]";
    }
  }
}
