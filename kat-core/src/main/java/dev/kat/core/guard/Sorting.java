package dev.kat.core.guard;

import java.util.Arrays;

/**
 * A sort of {@code long} keys that gives exactly what {@link Arrays#sort(long[], int, int)} gives, faster
 * for large arrays of spread-out keys: one counting sort by the keys' leading bits (relative to the
 * smallest key), then a sort of each bucket. Buckets preserve the order of values (a larger leading part
 * means a larger value), so the result is the same sorted sequence; only the work differs.
 */
final class Sorting {
  /** Below this many keys the library sort is used directly. */
  private static final int SMALL = 1 << 12;

  private Sorting() {}

  /** Sorts {@code a[from, to)} ascending (signed order), exactly as {@code Arrays.sort} does. */
  static void sort(long[] a, int from, int to) {
    if (to - from < SMALL) {
      Arrays.sort(a, from, to);
      return;
    }
    long[] out = sortedCopy(a, from, to);
    System.arraycopy(out, 0, a, from, out.length);
  }

  /** A sorted copy of {@code a[from, to)} (signed order), leaving {@code a} as it is. */
  static long[] sortedCopy(long[] a, int from, int to) {
    int n = to - from;
    if (n < SMALL) {
      long[] out = Arrays.copyOfRange(a, from, to);
      Arrays.sort(out);
      return out;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      min = Math.min(min, a[i]);
      max = Math.max(max, a[i]);
    }
    // Offsets from the minimum are unsigned values in [0, max − min]; about one bucket per two keys.
    long range = max - min;
    if (range == 0) {
      return Arrays.copyOfRange(a, from, to);
    }
    int bits = 32 - Integer.numberOfLeadingZeros(n / 2);
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - bits);
    int buckets = (int) (range >>> shift) + 1;
    int[] start = new int[buckets + 1];
    for (int i = from; i < to; i++) {
      start[(int) ((a[i] - min) >>> shift) + 1]++;
    }
    for (int k = 0; k < buckets; k++) {
      start[k + 1] += start[k];
    }
    long[] out = new long[n];
    for (int i = from; i < to; i++) {
      out[start[(int) ((a[i] - min) >>> shift)]++] = a[i];
    }
    // start[k] is now the end of bucket k.
    int s = 0;
    for (int k = 0; k < buckets; k++) {
      int e = start[k];
      if (e - s > 1) {
        Arrays.sort(out, s, e);
      }
      s = e;
    }
    return out;
  }
}
