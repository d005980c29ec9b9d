package dev.kat.core.ledger;

/** A ledger cannot be read, verified or extended. */
public class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public LedgerException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
