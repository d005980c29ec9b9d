package dev.kat.cli.command;

import dev.kat.cli.store.FileLedgerStore;
import dev.kat.cli.store.LedgerLockedException;
import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.ledger.BrokenChainException;
import dev.kat.core.ledger.CycleRunner;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerException;
import dev.kat.core.ledger.LedgerFormatException;
import dev.kat.core.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a DAO's file ledger for a command: {@code --ledger FILE}, by default {@code <dao-dir>/ledger.kat}.
 * The store holds the ledger's writer lock until closed.
 */
final class Ledger implements AutoCloseable {
  private final FileLedgerStore store;
  private final CycleHistory history;

  private Ledger(FileLedgerStore store, CycleHistory history) {
    this.store = store;
    this.history = history;
  }

  /** The {@code --ledger} option. */
  static Option option() {
    return Option.value("ledger", "FILE", "the DAO's ledger of finalized cycles (default: <dao-dir>/ledger.kat)");
  }

  /** The ledger file named by the options. */
  static Path file(Args args, DaoInputs in, Terminal t) {
    return args.has("ledger") ? t.resolve(args.value("ledger", null)) : in.dir().resolve("ledger.kat");
  }

  /**
   * Opens the ledger and replays its cycles under {@code policy}, verifying its hash chain.
   *
   * @throws LedgerProblem when the ledger is locked by another writer, its chain is broken or it cannot
   *     be replayed
   */
  static Ledger open(Path file, Policy policy) throws LedgerProblem {
    return open(file, policy, CycleRunner.ENGINE);
  }

  /**
   * As {@link #open(Path, Policy)}, every cycle replayed and computed by {@code runner}.
   *
   * @throws LedgerProblem when the ledger is locked by another writer, its chain is broken or it cannot
   *     be replayed
   */
  static Ledger open(Path file, Policy policy, CycleRunner runner) throws LedgerProblem {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new LedgerProblem("the ledger's directory " + dir + " does not exist", List.of());
    }
    FileLedgerStore store;
    try {
      store = FileLedgerStore.open(file);
    } catch (LedgerLockedException e) {
      throw new LedgerProblem(e.getMessage(), List.of("wait for the other kat finalize to finish"));
    } catch (LedgerException e) {
      throw new LedgerProblem("cannot open the ledger " + file + ": " + e.getMessage(), List.of());
    }
    try {
      return new Ledger(store, CycleHistory.open(store, policy, runner));
    } catch (BrokenChainException e) {
      store.close();
      throw new LedgerProblem("the ledger " + file + " is broken: " + e.getMessage(),
          List.of("finalized cycles must never be edited; restore the ledger from a backup"));
    } catch (LedgerFormatException e) {
      store.close();
      throw new LedgerProblem("the ledger " + file + " cannot be read: " + e.getMessage(),
          List.of("finalized cycles must never be edited; restore the ledger from a backup"));
    } catch (LedgerException | IllegalArgumentException e) {
      store.close();
      throw new LedgerProblem("the ledger " + file + " cannot be replayed under policy " + policy.id() + ": "
          + e.getMessage(), List.of());
    }
  }

  /** The replayed history. */
  CycleHistory history() {
    return history;
  }

  @Override
  public void close() {
    store.close();
  }

  /** A ledger that cannot be used; exit status {@code LEDGER}. */
  static final class LedgerProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> hints;

    LedgerProblem(String message, List<String> hints) {
      super(message);
      this.hints = List.copyOf(hints);
    }

    List<String> hints() {
      return hints;
    }
  }

  /** Where a finalized cycle is kept, for outputs: {@code ledger entry 3 of ledger.kat, entry hash …}. */
  static String note(LedgerEntry entry, Path file) {
    return "ledger entry " + entry.index() + " of " + file.getFileName() + ", entry hash " + entry.hash();
  }
}
