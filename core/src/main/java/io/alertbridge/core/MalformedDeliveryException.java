package io.alertbridge.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The body is not well-formed in its format: invalid JSON, a duplicate key, content after the JSON
 * value, nesting too deep, an undecodable form body. Carries what kind of problem it is and the
 * position where reading stopped, when known, so that integrations can add a hint for their tool.
 * The message names what was read "body"; {@link #describe} names it as the caller does.
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

    /** @return the kinds for which {@link #isBrokenText()} holds */
    public static Set<Kind> brokenText() {
      return Collections.unmodifiableSet(EnumSet.of(SYNTAX, DUPLICATE_KEY, TRAILING_CONTENT));
    }
  }

  /** What is wrong, without a hint; for a standalone problem the whole sentence. */
  private final String problem;
  /** Whether {@link #problem} is a whole sentence rather than one that follows the subject's name. */
  private final boolean standalone;
  /** What kind of problem it is. */
  private final Kind kind;
  /** The 1-based line where reading stopped, or 0 when unknown. */
  private final int line;
  /** The 1-based column where reading stopped, or 0 when unknown. */
  private final int column;
  /** Text appended to the message, such as how to fix the tool's configuration; empty for none. */
  private final String hint;

  /**
   * @param problem what is wrong with the whole of what was read, phrased to follow its name:
   *     {@code "is empty; expected a JSON value"}
   * @param kind what kind of problem it is
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   */
  public MalformedDeliveryException(String problem, Kind kind, int line, int column) {
    this(problem, false, kind, line, column, "");
  }

  /**
   * A {@link Kind#SYNTAX} problem.
   *
   * @param problem what is wrong, phrased to follow the name of what was read: {@code "is not valid JSON: ..."}
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   */
  public MalformedDeliveryException(String problem, int line, int column) {
    this(problem, Kind.SYNTAX, line, column);
  }

  private MalformedDeliveryException(String problem, boolean standalone, Kind kind, int line, int column,
      String hint) {
    super(describe("body", problem, standalone, hint));
    this.problem = problem;
    this.standalone = standalone;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.line = line;
    this.column = column;
    this.hint = hint;
  }

  /**
   * A problem whose text names its own place, so that it reads the same whatever the caller calls what
   * was read.
   *
   * @param problem the whole sentence: {@code "the number at /id has 101 digits; ..."}
   * @param kind what kind of problem it is
   * @param line the 1-based line where reading stopped, or 0 when unknown
   * @param column the 1-based column where reading stopped, or 0 when unknown
   * @return the exception
   */
  public static MalformedDeliveryException standalone(String problem, Kind kind, int line, int column) {
    return new MalformedDeliveryException(problem, true, kind, line, column, "");
  }

  /**
   * @return what is wrong, without a hint and without naming what was read: {@code "is not valid JSON: ..."},
   *     or for a {@linkplain #standalone standalone} problem the whole sentence
   */
  public String problem() {
    return problem;
  }

  /**
   * The message, with what was read named as the caller names it; the exception's own message is
   * {@code describe("body")}.
   *
   * @param subject what was read, such as {@code "table"} or {@code "configuration"}
   * @return {@code subject + " " + problem()} (a standalone problem as it is), then the hint, if any
   */
  public String describe(String subject) {
    return describe(Objects.requireNonNull(subject, "subject"), problem, standalone, hint);
  }

  private static String describe(String subject, String problem, boolean standalone, String hint) {
    Objects.requireNonNull(problem, "problem");
    return (standalone ? problem : subject + ' ' + problem) + hint;
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
   * @return the same problem, with the hint after any earlier one
   */
  public MalformedDeliveryException withHint(String hint) {
    return new MalformedDeliveryException(problem, standalone, kind, line, column,
        this.hint + Objects.requireNonNull(hint, "hint"));
  }
}
