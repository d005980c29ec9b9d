package dev.kat.core.engine;

import java.util.Arrays;

/**
 * The canonical order of a batch's accepted rows for the content hash: by content hash (signed), then by
 * canonical bytes, then by row. It is the order a stable sort of the rows by (content hash, canonical
 * bytes) gives, computed without boxing and without holding every row's bytes: the rows are distributed
 * into buckets by the top bits of their hash (a counting sort, stable), each bucket is sorted by
 * (hash, row) on primitive arrays, and only rows whose hashes are equal are compared by their bytes.
 */
final class RowOrder {
  private RowOrder() {}

  /** Buckets of at most this many rows are sorted by insertion; larger ones by merging. */
  private static final int SMALL = 32;

  /** The rows of {@code batch} in canonical order. */
  static int[] of(ContributionBatch batch) {
    int n = batch.rows();
    int[] order = new int[n];
    if (n == 0) {
      return order;
    }
    if (inHashOrder(batch)) {
      // The batch already stores its rows by hash: only runs of equal hashes may need reordering.
      for (int row = 0; row < n; row++) {
        order[row] = row;
      }
      for (int j = 0; j < n; ) {
        int k = j + 1;
        while (k < n && batch.contentHash(k) == batch.contentHash(j)) {
          k++;
        }
        if (k - j > 1) {
          byBytes(batch, order, j, k);
        }
        j = k;
      }
      return order;
    }
    // About eight rows per bucket; the hash is uniform, so buckets stay small.
    int bits = Math.max(1, Math.min(20, 32 - Integer.numberOfLeadingZeros(Math.max(1, n / 8))));
    int buckets = 1 << bits;
    int shift = 64 - bits;
    int[] start = new int[buckets + 1];
    for (int row = 0; row < n; row++) {
      start[bucket(batch.contentHash(row), shift) + 1]++;
    }
    int largest = 0;
    for (int i = 0; i < buckets; i++) {
      largest = Math.max(largest, start[i + 1]);
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, buckets);
    for (int row = 0; row < n; row++) {
      order[fill[bucket(batch.contentHash(row), shift)]++] = row;
    }
    long[] keys = new long[largest];
    long[] keyTmp = new long[largest];
    int[] rowTmp = new int[largest];
    for (int i = 0; i < buckets; i++) {
      int from = start[i];
      int m = start[i + 1] - from;
      if (m < 2) {
        continue;
      }
      for (int j = 0; j < m; j++) {
        keys[j] = batch.contentHash(order[from + j]);
      }
      sort(keys, order, from, m, keyTmp, rowTmp);
      // Equal hashes (rare): order those rows by their canonical bytes, keeping row order among equals.
      for (int j = 0; j < m; ) {
        int k = j + 1;
        while (k < m && keys[k] == keys[j]) {
          k++;
        }
        if (k - j > 1) {
          byBytes(batch, order, from + j, from + k);
        }
        j = k;
      }
    }
    return order;
  }

  /** Whether the rows' content hashes never decrease (signed order). */
  private static boolean inHashOrder(ContributionBatch batch) {
    for (int row = 1; row < batch.rows(); row++) {
      if (batch.contentHash(row - 1) > batch.contentHash(row)) {
        return false;
      }
    }
    return true;
  }

  /** The bucket of a hash: its top bits, with the sign flipped so that buckets follow signed order. */
  private static int bucket(long hash, int shift) {
    return (int) ((hash ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * Sorts {@code rows[from, from + m)} with their hashes {@code keys[0, m)} by (hash, row); rows in a bucket
   * arrive in increasing row order and both sorts are stable, so equal hashes keep row order.
   */
  private static void sort(long[] keys, int[] rows, int from, int m, long[] keyTmp, int[] rowTmp) {
    if (m <= SMALL) {
      for (int i = 1; i < m; i++) {
        long k = keys[i];
        int r = rows[from + i];
        int j = i - 1;
        while (j >= 0 && keys[j] > k) {
          keys[j + 1] = keys[j];
          rows[from + j + 1] = rows[from + j];
          j--;
        }
        keys[j + 1] = k;
        rows[from + j + 1] = r;
      }
      return;
    }
    // Bottom-up merge sort of the parallel arrays (stable).
    long[] ka = keys;
    long[] kb = keyTmp;
    int[] ra = Arrays.copyOfRange(rows, from, from + m);
    int[] rb = rowTmp;
    for (int width = 1; width < m; width *= 2) {
      for (int lo = 0; lo < m; lo += 2 * width) {
        int mid = Math.min(lo + width, m);
        int hi = Math.min(lo + 2 * width, m);
        int a = lo;
        int b = mid;
        for (int o = lo; o < hi; o++) {
          if (a < mid && (b >= hi || ka[a] <= ka[b])) {
            kb[o] = ka[a];
            rb[o] = ra[a++];
          } else {
            kb[o] = ka[b];
            rb[o] = ra[b++];
          }
        }
      }
      long[] kt = ka;
      ka = kb;
      kb = kt;
      int[] rt = ra;
      ra = rb;
      rb = rt;
    }
    if (ka != keys) {
      System.arraycopy(ka, 0, keys, 0, m);
    }
    System.arraycopy(ra, 0, rows, from, m);
  }

  /** Stable sort of {@code rows[from, to)} (rows with one hash, in row order) by canonical bytes. */
  private static void byBytes(ContributionBatch batch, int[] rows, int from, int to) {
    byte[][] bytes = new byte[to - from][];
    for (int i = from; i < to; i++) {
      bytes[i - from] = batch.canonicalBytes(rows[i]);
    }
    if (to - from > SMALL) {
      Integer[] idx = new Integer[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (x, y) -> Arrays.compare(bytes[x], bytes[y]));
      int[] sorted = new int[idx.length];
      for (int i = 0; i < idx.length; i++) {
        sorted[i] = rows[from + idx[i]];
      }
      System.arraycopy(sorted, 0, rows, from, sorted.length);
      return;
    }
    for (int i = 1; i < to - from; i++) {
      byte[] b = bytes[i];
      int r = rows[from + i];
      int j = i - 1;
      while (j >= 0 && Arrays.compare(bytes[j], b) > 0) {
        bytes[j + 1] = bytes[j];
        rows[from + j + 1] = rows[from + j];
        j--;
      }
      bytes[j + 1] = b;
      rows[from + j + 1] = r;
    }
  }
}
