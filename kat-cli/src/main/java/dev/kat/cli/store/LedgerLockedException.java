package dev.kat.cli.store;

import dev.kat.core.ledger.LedgerException;
import java.nio.file.Path;

/** Another writer (in this or another process) holds the ledger's lock. */
public final class LedgerLockedException extends LedgerException {
  private static final long serialVersionUID = 1L;

  /** An exception for the ledger at {@code file}. */
  public LedgerLockedException(Path file) {
    super("ledger " + file + " is locked by another writer (lock file " + file.getFileName()
        + ".lock); concurrent writers are refused, not interleaved");
  }
}
