package dev.kat.cli.command;

/** A wrong command line: the message says what is wrong; exit status {@code USAGE}. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with the message shown to the user. */
  public UsageException(String message) {
    super(message);
  }
}
