package io.alertbridge.haloitsm;

import io.alertbridge.core.UnavailableException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The Halo API could not give a ticket or the tenant's statuses for a while: a timeout, an unreachable
 * host, a 5xx or 429 answer, refused client credentials, an unreadable answer. Not the sender's fault:
 * the host answers 503 and Halo sends the webhook again. Messages never hold a credential or a token.
 */
public final class HaloApiException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it is. */
  public enum Reason {
    /** The API did not answer, its whole body included, within the request timeout. */
    TIMEOUT,
    /** The API could not be reached: connection refused, unknown host, broken connection. */
    UNREACHABLE,
    /** The API answered with a 5xx status. */
    SERVER_ERROR,
    /** The API answered 429: too many requests. */
    RATE_LIMITED,
    /** The authorisation server refused the client credentials, or the API refused a fresh token. */
    REFUSED,
    /** The API answered with another status it should not give. */
    UNEXPECTED_STATUS,
    /**
     * The answer could not be read: larger than {@link io.alertbridge.core.Limits#maxApiAnswerBytes()}, not
     * JSON, beyond the limits on numbers or nesting, or not of the documented shape.
     */
    UNREADABLE_ANSWER
  }

  /** What kind of failure it is. */
  private final Reason reason;
  /** The HTTP status the Halo API answered with, or 0 when it did not answer. */
  private final int apiStatus;

  HaloApiException(Reason reason, String message, int apiStatus, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.apiStatus = apiStatus;
  }

  /** @return what kind of failure it is */
  public Reason reason() {
    return reason;
  }

  /** @return the HTTP status the Halo API answered with, when it answered */
  public OptionalInt apiStatus() {
    return apiStatus == 0 ? OptionalInt.empty() : OptionalInt.of(apiStatus);
  }
}
