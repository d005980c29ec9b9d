package dev.kat.cli;

/** The exit statuses of the {@code kat} command (documented in {@code docs/cli.md}). */
public final class ExitCode {
  private ExitCode() {}

  /** Success: the command did what was asked and found no problem it was asked to look for. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug): the message and stack trace go to standard error. */
  public static final int INTERNAL = 1;
  /** The command line is wrong: unknown subcommand or option, missing argument. */
  public static final int USAGE = 2;
  /**
   * The input is invalid: a policy with problems, a missing or unreadable input file, a file-level
   * problem (empty, not UTF-8, unusable header), an unknown contributor; for {@code validate} (and with
   * {@code --strict}) also any malformed or rejected row.
   */
  public static final int INVALID_INPUT = 3;
  /** The audit checklist failed, so the cycle was not finalized. */
  public static final int AUDIT_FAILED = 4;
  /** The ledger cannot be used: its hash chain is broken, or another process holds its lock. */
  public static final int LEDGER = 5;
  /** Writing outputs failed (disk full, no permission). */
  public static final int OUTPUT = 6;
}
