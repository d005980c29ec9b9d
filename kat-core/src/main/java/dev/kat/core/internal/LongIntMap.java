package dev.kat.core.internal;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative int values; -1 means absent. Not thread-safe. */
public final class LongIntMap {
  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int size;

  /** A map sized for about {@code expected} entries. */
  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
  }

  /** The value for {@code key}, or -1. */
  public int get(long key) {
    int mask = keys.length - 1;
    int i = (int) Hashing.mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Puts {@code key → value} (value &gt;= 0), replacing any earlier value. */
  public void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = (int) Hashing.mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** The number of keys. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] k = keys;
    int[] v = values;
    boolean[] u = used;
    keys = new long[k.length * 2];
    values = new int[k.length * 2];
    used = new boolean[k.length * 2];
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        put(k[i], v[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "LongIntMap[size=" + size + ", capacity=" + keys.length + ", " + Arrays.hashCode(values) + "]";
  }
}
