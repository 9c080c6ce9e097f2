package io.alertbridge.core.http;

import io.alertbridge.core.UnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A tool's API did not do what was asked. Messages name the request by method and address without
 * query, and the tool's own error text when it gave one; never a credential or token.
 *
 * <p>When a delivery needed the API, every reason is "try again later" (503). When AlertBridge writes a
 * change back, {@link #retryable()} says whether trying again can help: a timeout, an unreachable host, a
 * 5xx or 429 answer, or an unreadable answer can; a refusal of the credentials or of the request cannot.
 */
public final class ApiException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it is. */
  public enum Reason {
    /** The API did not answer, its whole body included, within the request timeout. */
    TIMEOUT(true),
    /** The API could not be reached: connection refused, unknown host, broken connection. */
    UNREACHABLE(true),
    /** The API answered with a 5xx status. */
    SERVER_ERROR(true),
    /** The API answered 429: too many requests. */
    RATE_LIMITED(true),
    /** The answer could not be read: too large, not JSON, or not of the documented shape. */
    UNREADABLE_ANSWER(true),
    /** The API refused the credentials (401 or 403). */
    REFUSED(false),
    /** The API refused the request with another 4xx status, or gave a status it should not give. */
    REJECTED(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    /** @return whether sending the same request again later can succeed */
    public boolean retryable() {
      return retryable;
    }
  }

  /** What kind of failure it is. */
  private final Reason reason;
  /** The HTTP status the API answered with, or 0 when it did not answer. */
  private final int apiStatus;
  /** How long the API asked to wait (its {@code Retry-After}), or null. */
  private final Duration retryAfter;

  /**
   * @param reason what kind of failure it is
   * @param message what failed; no credential or token
   * @param apiStatus the HTTP status the API answered with, or 0 when it did not answer
   * @param retryAfter how long the API asked to wait (its {@code Retry-After}), or null
   * @param cause the underlying failure, or null
   */
  public ApiException(Reason reason, String message, int apiStatus, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.apiStatus = apiStatus;
    this.retryAfter = retryAfter;
  }

  /** @return what kind of failure it is */
  public Reason reason() {
    return reason;
  }

  /** @return whether sending the same request again later can succeed */
  public boolean retryable() {
    return reason.retryable();
  }

  /** @return the HTTP status the API answered with, when it answered */
  public OptionalInt apiStatus() {
    return apiStatus == 0 ? OptionalInt.empty() : OptionalInt.of(apiStatus);
  }

  /** @return how long the API asked to wait before the next request, when it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
