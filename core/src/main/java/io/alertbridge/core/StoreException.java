package io.alertbridge.core;

/** The alert state store or the delivery log failed. Hosts answer 503 so that the sender retries. */
public class StoreException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed */
  public StoreException(String message) {
    super(message);
  }

  /**
   * @param message what failed
   * @param cause the store's own failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
