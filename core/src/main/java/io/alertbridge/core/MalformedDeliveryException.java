package io.alertbridge.core;

/**
 * The body is not well-formed in its format: invalid JSON, a duplicate key, content after the JSON
 * value, an undecodable form body. Carries the position where reading stopped when one is known.
 */
public final class MalformedDeliveryException extends InvalidDeliveryException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  /**
   * @param message what was wrong
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   */
  public MalformedDeliveryException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** @return the 1-based line where reading stopped, or 0 when unknown */
  public int line() {
    return line;
  }

  /** @return the 1-based column where reading stopped, or 0 when unknown */
  public int column() {
    return column;
  }
}
