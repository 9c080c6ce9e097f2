package io.alertbridge.core;

import java.util.Objects;

/**
 * The body is well-formed, but a field is missing, of the wrong type or holds a value the
 * integration does not accept. The message says which field, what was expected and what was seen:
 * {@code "status": expected a string at /ticket/status, got number}.
 */
public final class InvalidFieldException extends InvalidDeliveryException {
  private static final long serialVersionUID = 1L;

  /** The JSON pointer of the offending field. */
  private final String pointer;

  /**
   * @param pointer where the field is, as a JSON pointer ({@code /ticket/status}); for form bodies,
   *     {@code /} and the key
   * @param expected what was expected, e.g. {@code "a string"}
   * @param seen what was there, e.g. {@code "number"} or {@code "nothing"}
   */
  public InvalidFieldException(String pointer, String expected, String seen) {
    super(format(pointer, expected, seen));
    this.pointer = pointer;
  }

  /** @return the JSON pointer of the offending field */
  public String pointer() {
    return pointer;
  }

  private static String format(String pointer, String expected, String seen) {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(seen, "seen");
    String name = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    String prefix = name.isEmpty() ? "" : '"' + name + "\": ";
    return prefix + "expected " + expected + " at " + (pointer.isEmpty() ? "/" : pointer) + ", got " + seen;
  }
}
