package io.alertbridge.core;

/** The base of every exception AlertBridge throws on purpose. Unchecked. */
public class AlertBridgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong, never holding a secret or a whole payload */
  public AlertBridgeException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public AlertBridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
