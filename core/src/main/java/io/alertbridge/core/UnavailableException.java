package io.alertbridge.core;

/**
 * Something the processor depends on failed for a while: the alert state store, or a tool's API
 * that an integration must call. Not the sender's fault: the host answers 503 so that the sender
 * retries. Nothing has been committed when this is thrown.
 */
public class UnavailableException extends AlertBridgeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed */
  public UnavailableException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the underlying failure
   */
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @return the HTTP status a host should answer with: 503 */
  public int httpStatus() {
    return 503;
  }
}
