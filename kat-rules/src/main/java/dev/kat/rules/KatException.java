package dev.kat.rules;

/**
 * The root of the exceptions kat-rules throws for bad input documents (policies, frameworks, rule files).
 * Problems in data are normally returned as results; this is thrown only by convenience methods that
 * promise a value or nothing.
 */
public class KatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public KatException(String message) {
    super(message);
  }

  /** An exception with a message and a cause. */
  public KatException(String message, Throwable cause) {
    super(message, cause);
  }
}
