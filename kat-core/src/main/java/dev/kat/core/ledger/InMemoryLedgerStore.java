package dev.kat.core.ledger;

import dev.kat.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/** A ledger store in memory, for tests, simulations and hosts that persist elsewhere. Thread-safe. */
public final class InMemoryLedgerStore implements LedgerStore {
  private final List<LedgerEntry> entries = new ArrayList<>();

  /** An empty store. */
  public InMemoryLedgerStore() {}

  /**
   * A store holding {@code entries} as given, unverified (e.g. read from elsewhere); {@link #load()}
   * verifies them.
   */
  public InMemoryLedgerStore(List<LedgerEntry> entries) {
    this.entries.addAll(Checks.notNull(entries, "entries"));
  }

  @Override
  public synchronized List<LedgerEntry> load() {
    List<LedgerEntry> copy = List.copyOf(entries);
    Ledgers.requireIntact(copy);
    return copy;
  }

  @Override
  public synchronized void append(LedgerEntry entry) {
    Checks.notNull(entry, "entry");
    List<LedgerEntry> current = load();
    LedgerStore.checkAppend(current, entry);
    entries.add(entry);
  }
}
