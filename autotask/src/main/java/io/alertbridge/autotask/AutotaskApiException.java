package io.alertbridge.autotask;

import io.alertbridge.core.UnavailableException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The Autotask REST API (or a host's own {@link AutotaskTicketSource}) could not give the ticket for a
 * while: a timeout, an unreachable host, a 5xx or 429 answer, refused credentials, an unreadable
 * answer. Not the sender's fault: the processor lets it through, the host answers
 * 503 and Autotask calls again. Messages never hold a credential.
 */
public final class AutotaskApiException extends UnavailableException {
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
    /** The API answered 401 or 403: the API user's credentials or integration code are refused. */
    REFUSED,
    /** The API answered with another status it should not give. */
    UNEXPECTED_STATUS,
    /**
     * The answer could not be read: larger than {@link io.alertbridge.core.Limits#maxApiAnswerBytes()}, not
     * JSON, beyond the limits on numbers or nesting, {@code null}, or not of the documented shape.
     */
    UNREADABLE_ANSWER,
    /** A host's ticket source failed in another way. */
    FAILED
  }

  /** What kind of failure it is. */
  private final Reason reason;
  /** The HTTP status the Autotask API answered with, or 0 when it did not answer. */
  private final int apiStatus;

  /**
   * @param reason what kind of failure it is
   * @param message what failed, without credentials
   */
  public AutotaskApiException(Reason reason, String message) {
    this(reason, message, 0, null);
  }

  /**
   * @param reason what kind of failure it is
   * @param message what failed, without credentials
   * @param cause the underlying failure
   */
  public AutotaskApiException(Reason reason, String message, Throwable cause) {
    this(reason, message, 0, cause);
  }

  AutotaskApiException(Reason reason, String message, int apiStatus, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.apiStatus = apiStatus;
  }

  /** @return what kind of failure it is */
  public Reason reason() {
    return reason;
  }

  /** @return the HTTP status the Autotask API answered with, when it answered */
  public OptionalInt apiStatus() {
    return apiStatus == 0 ? OptionalInt.empty() : OptionalInt.of(apiStatus);
  }
}
