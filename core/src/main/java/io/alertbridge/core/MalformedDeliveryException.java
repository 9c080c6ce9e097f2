package io.alertbridge.core;

import java.util.Objects;

/**
 * The body is not well-formed in its format: invalid JSON, a duplicate key, content after the JSON
 * value, nesting too deep, an undecodable form body. Carries what kind of problem it is and the
 * position where reading stopped, when known, so that integrations can add a hint for their tool.
 */
public final class MalformedDeliveryException extends InvalidDeliveryException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem stopped the reading. */
  public enum Kind {
    /** Not valid syntax, for example a quote that ends a string too early. */
    SYNTAX,
    /** An object has the same key twice. */
    DUPLICATE_KEY,
    /** More content follows the complete value. */
    TRAILING_CONTENT,
    /** The body is empty. */
    EMPTY,
    /** Objects and arrays nest deeper than the limit. */
    TOO_DEEP,
    /** The body is not UTF-8 text, so its syntax errors say nothing about the sender's template. */
    ENCODING,
    /** The bytes cannot be read at all. */
    UNREADABLE,
    /** A number has more digits, or a larger exponent, than the limits allow. */
    NUMBER_OUT_OF_RANGE,
    /** The body holds more JSON values than the limits allow: answered {@link Outcome#TOO_LARGE}. */
    TOO_MANY_VALUES;

    /** @return whether the body's text itself is broken (syntax, duplicate key, trailing content) */
    public boolean isBrokenText() {
      return this == SYNTAX || this == DUPLICATE_KEY || this == TRAILING_CONTENT;
    }
  }

  private final Kind kind;
  private final int line;
  private final int column;

  /**
   * @param message what was wrong
   * @param kind what kind of problem it is
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   */
  public MalformedDeliveryException(String message, Kind kind, int line, int column) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.line = line;
    this.column = column;
  }

  /**
   * A {@link Kind#SYNTAX} problem.
   *
   * @param message what was wrong
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   */
  public MalformedDeliveryException(String message, int line, int column) {
    this(message, Kind.SYNTAX, line, column);
  }

  /** @return what kind of problem it is */
  public Kind kind() {
    return kind;
  }

  /** @return the 1-based line where reading stopped, or 0 when unknown */
  public int line() {
    return line;
  }

  /** @return the 1-based column where reading stopped, or 0 when unknown */
  public int column() {
    return column;
  }

  /**
   * @param hint text to append to the message, e.g. how to fix the tool's configuration
   * @return the same problem, with the hint
   */
  public MalformedDeliveryException withHint(String hint) {
    return new MalformedDeliveryException(getMessage() + hint, kind, line, column);
  }
}
