package dev.kat.core.internal;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative int values; -1 means absent. Not thread-safe. */
public final class LongIntMap {
  /*
   * Linear probing over one long array holding each slot's key and value side by side (key at 2i, value + 1
   * at 2i + 1, 0 marking an empty slot), so a probe touches one cache line rather than one per array of
   * keys, values and occupancy flags.
   */
  private long[] table;
  private int size;

  /** A map sized for about {@code expected} entries. */
  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    table = new long[2 * cap];
  }

  /** The value for {@code key}, or -1. */
  public int get(long key) {
    int mask = (table.length >> 1) - 1;
    int i = (int) Hashing.mix(key) & mask;
    while (true) {
      long v = table[2 * i + 1];
      if (v == 0) {
        return -1;
      }
      if (table[2 * i] == key) {
        return (int) v - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Puts {@code key → value} (value &gt;= 0), replacing any earlier value. */
  public void put(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("value (" + value + ") must be >= 0");
    }
    if ((size + 1) * 2 > (table.length >> 1)) {
      grow();
    }
    int mask = (table.length >> 1) - 1;
    int i = (int) Hashing.mix(key) & mask;
    while (table[2 * i + 1] != 0) {
      if (table[2 * i] == key) {
        table[2 * i + 1] = value + 1L;
        return;
      }
      i = (i + 1) & mask;
    }
    table[2 * i] = key;
    table[2 * i + 1] = value + 1L;
    size++;
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        put(old[i], (int) old[i + 1] - 1);
      }
    }
  }

  @Override
  public String toString() {
    long h = 0;
    for (int i = 1; i < table.length; i += 2) {
      h = 31 * h + table[i];
    }
    return "LongIntMap[size=" + size + ", capacity=" + (table.length >> 1) + ", " + Long.hashCode(h) + "]";
  }
}
