package dev.kat.core.ledger;

/** A ledger's text cannot be parsed; names the line. */
public final class LedgerFormatException extends LedgerException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line number. */
  private final int line;

  /** An exception for line {@code line}. */
  public LedgerFormatException(int line, String message) {
    super("ledger line " + line + ": " + message);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
