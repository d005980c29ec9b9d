package dev.kat.core.engine;

import dev.kat.core.internal.Hashing;
import java.util.function.IntFunction;

/**
 * The admission builder's index from record id to row: which earlier row, if any, has the id of the
 * record being admitted. Not thread-safe.
 *
 * <p>Each slot is one {@code long}: the high 32 bits of the id's 64-bit hash as a fingerprint and the row
 * plus one in the low 32 bits (0 marks an empty slot), linear probing, at most half full. A probe reads
 * one cache line of a table of 8 bytes a slot, a quarter of a table keeping whole hashes and rows side by
 * side. Rows whose fingerprint matches are confirmed by comparing the stored id itself, so two ids whose
 * hashes collide are told apart exactly; the index is a multimap of fingerprints and never loses a row.
 */
final class RowIdIndex {
  private long[] table;
  private int size;

  /** An index sized for about {@code expected} rows. */
  RowIdIndex(int expected) {
    table = new long[Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1];
  }

  /**
   * The row whose id is {@code id} (its hash {@code hash}), or -1; {@code idOf} gives a row's id and is
   * only called for rows whose fingerprint matches.
   */
  int find(String id, long hash, IntFunction<String> idOf) {
    int mask = table.length - 1;
    int fingerprint = (int) (hash >>> 32);
    for (int i = home(fingerprint, mask); ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == 0) {
        return -1;
      }
      if ((int) (v >>> 32) == fingerprint) {
        int row = (int) v - 1;
        if (idOf.apply(row).equals(id)) {
          return row;
        }
      }
    }
  }

  /** The slot a probe for {@code hash} reads first: read to bring it into cache ahead of the probe. */
  long touch(long hash) {
    return table[home((int) (hash >>> 32), table.length - 1)];
  }

  /**
   * Whether a row whose id hash has the fingerprint of {@code hash} may be held, and if not where it would
   * go: -1 if one is held (which may be another id whose hash shares the fingerprint), else the free slot
   * a following {@link #addAt} fills, so that no row has that id and adding it probes the table once.
   */
  int freeSlot(long hash) {
    int mask = table.length - 1;
    int fingerprint = (int) (hash >>> 32);
    for (int i = home(fingerprint, mask); ; i = (i + 1) & mask) {
      long v = table[i];
      if (v == 0) {
        return i;
      }
      if ((int) (v >>> 32) == fingerprint) {
        return -1;
      }
    }
  }

  /**
   * {@link #add} at {@code slot}, which {@link #freeSlot} gave for {@code hash} with nothing added since.
   */
  void addAt(int slot, long hash, int row) {
    if ((size + 1) * 2 > table.length) {
      add(hash, row);
      return;
    }
    table[slot] = (hash >>> 32) << 32 | (row + 1L);
    size++;
  }

  /** Makes room for {@code rows} rows in all without growing (a hint). */
  void reserve(int rows) {
    long want = Math.min(1L << 30, Long.highestOneBit(Math.max(16L, 2L * rows) - 1) << 1);
    if (want > table.length) {
      rehash((int) want);
    }
  }

  /** Adds {@code row} (&gt;= 0) under the id hash {@code hash}; the caller has checked the id is new. */
  void add(long hash, int row) {
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    insert(table, (hash >>> 32) << 32 | (row + 1L));
    size++;
  }

  /** The number of rows held. */
  int size() {
    return size;
  }

  /** The home slot of an id hash: from its fingerprint alone, so that growing can rehash the slots. */
  private static int home(int fingerprint, int mask) {
    return (int) Hashing.mix(fingerprint & 0xFFFF_FFFFL) & mask;
  }

  private static void insert(long[] t, long slot) {
    int mask = t.length - 1;
    int i = home((int) (slot >>> 32), mask);
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = slot;
  }

  private void grow() {
    rehash(table.length * 2);
  }

  private void rehash(int capacity) {
    long[] old = table;
    table = new long[capacity];
    for (long v : old) {
      if (v != 0) {
        insert(table, v);
      }
    }
  }
}
