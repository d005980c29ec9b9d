package dev.kat.core.ledger;

import java.util.List;

/**
 * Where finalized cycles are kept. Implementations keep entries in order, never change or drop one, and
 * verify the hash chain when reading and before appending.
 */
public interface LedgerStore {

  /**
   * Every entry, oldest first, after verifying the hash chain.
   *
   * @throws BrokenChainException naming the first broken link, if the chain does not verify
   * @throws LedgerException if the ledger cannot be read
   */
  List<LedgerEntry> load();

  /**
   * Appends {@code entry} durably: when this returns, the entry is kept; if it throws, the ledger is as
   * it was.
   *
   * @throws IllegalArgumentException if {@code entry} does not follow the last entry (index, previous
   *     hash) or its hash does not match its content
   * @throws BrokenChainException if the stored chain does not verify
   * @throws LedgerException if the ledger cannot be written
   */
  void append(LedgerEntry entry);

  /**
   * Checks that {@code entry} can follow {@code entries}; shared by implementations.
   *
   * @throws IllegalArgumentException naming what does not fit
   */
  static void checkAppend(List<LedgerEntry> entries, LedgerEntry entry) {
    long expected = entries.size();
    if (entry.index() != expected) {
      throw new IllegalArgumentException("entry.index (" + entry.index() + ") must be " + expected
          + ", the next position in the ledger");
    }
    String prev = entries.isEmpty() ? LedgerEntry.GENESIS : entries.get(entries.size() - 1).hash();
    if (!entry.previousHash().equals(prev)) {
      throw new IllegalArgumentException("entry.previousHash (" + entry.previousHash()
          + ") must be the last entry's hash (" + prev + ")");
    }
    if (!entry.hashIsValid()) {
      throw new IllegalArgumentException("entry.hash (" + entry.hash() + ") does not match its content ("
          + entry.computeHash() + ")");
    }
    if (!entries.isEmpty()) {
      long last = entries.get(entries.size() - 1).inputs().cycle().sequence();
      if (entry.inputs().cycle().sequence() <= last) {
        throw new IllegalArgumentException("entry cycle sequence (" + entry.inputs().cycle().sequence()
            + ") must be after the last finalized cycle's (" + last + ")");
      }
    }
  }
}
