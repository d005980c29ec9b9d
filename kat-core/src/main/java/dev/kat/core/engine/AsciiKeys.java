package dev.kat.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Short ASCII byte strings packed into little-endian words, so that a key read from a record's bytes is
 * compared with a few long comparisons instead of hashing and comparing it character by character. Used
 * by the row store when it admits records from their canonical bytes; internal.
 */
final class AsciiKeys {
  /** The longest key packed: four words. */
  static final int MAX_LENGTH = 32;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private AsciiKeys() {}

  /** Word {@code w} (0 to 3) of {@code b[from, to)}, zero past the end; {@code to - from <= MAX_LENGTH}. */
  static long word(byte[] b, int from, int to, int w) {
    int at = from + 8 * w;
    int n = to - at;
    if (n <= 0) {
      return 0;
    }
    if (at + 8 <= b.length) {
      long v = (long) LONGS.get(b, at);
      return n >= 8 ? v : v & ((1L << (8 * n)) - 1);
    }
    long v = 0;
    for (int k = 0; k < Math.min(n, 8); k++) {
      v |= (b[at + k] & 0xFFL) << (8 * k);
    }
    return v;
  }

  /**
   * A small cache from keys of up to {@link #MAX_LENGTH} bytes to codes: the few values a column repeats
   * row after row (working groups, DAOs, the heads of ids and URIs). Holds the first {@code capacity} keys
   * put and no more; a miss costs a scan of them.
   */
  static final class Cache {
    /** Per entry: four words of the key, then its length and code. */
    private final long[] entries;
    private final int capacity;
    private int size;

    Cache(int capacity) {
      this.capacity = capacity;
      entries = new long[5 * capacity];
    }

    /** The code of {@code b[from, to)}, or -1. */
    int find(byte[] b, int from, int to) {
      int n = to - from;
      if (n > MAX_LENGTH || size == 0) {
        return -1;
      }
      long w0 = word(b, from, to, 0);
      for (int i = 0; i < size; i++) {
        int e = 5 * i;
        long meta = entries[e + 4];
        if ((int) (meta >>> 32) == n && entries[e] == w0
            && (n <= 8 || entries[e + 1] == word(b, from, to, 1)
                && (n <= 16 || entries[e + 2] == word(b, from, to, 2)
                    && (n <= 24 || entries[e + 3] == word(b, from, to, 3))))) {
          return (int) meta;
        }
      }
      return -1;
    }

    /** Remembers {@code b[from, to)} with {@code code}, while there is room and the key is short enough. */
    void put(byte[] b, int from, int to, int code) {
      int n = to - from;
      if (n > MAX_LENGTH || size == capacity) {
        return;
      }
      int e = 5 * size;
      for (int w = 0; w < 4; w++) {
        entries[e + w] = word(b, from, to, w);
      }
      entries[e + 4] = (long) n << 32 | (code & 0xFFFFFFFFL);
      size++;
    }
  }
}
