package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import dev.kat.core.model.Verdict;
import java.util.Arrays;

/**
 * The interaction and review graph of a batch as flat arrays: one edge per (record, other person),
 * where the other person is a counterpart of the record or an approving reviewer. Edges are stored grouped
 * by unordered pair of people; pairs are identified by packed keys {@code min << 32 | max} in ascending
 * order, and within a pair the edges are in row order (for one row: counterparts before reviews). The
 * grouping is one counting sort by the smaller person index followed by a sort of each (short) bucket, so
 * no per-edge objects are made and the grouping does not depend on row order.
 */
final class PairGraph {
  final int edges;
  /** The row of each edge; ascending within a pair. */
  final int[] row;
  final int[] contributor;
  final int[] other;
  final boolean[] review;
  /** Distinct unordered pairs, sorted. */
  final long[] pairs;
  /** The edges of pair {@code p} are {@code pairStart[p] .. pairStart[p+1]) (edge indices). */
  final int[] pairStart;

  private PairGraph(int edges, int[] row, int[] contributor, int[] other, boolean[] review, long[] pairs,
      int[] pairStart) {
    this.edges = edges;
    this.row = row;
    this.contributor = contributor;
    this.other = other;
    this.review = review;
    this.pairs = pairs;
    this.pairStart = pairStart;
  }

  /** The packed key of the unordered pair {a, b}. */
  static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  /** The smaller person index of a pair key. */
  static int low(long key) {
    return (int) (key >>> 32);
  }

  /** The larger person index of a pair key. */
  static int high(long key) {
    return (int) key;
  }

  /**
   * The graph of {@code context}'s batch, shared through {@link GuardContext#shared} so that the detectors
   * of one guard stage that read the same graph build it once.
   */
  static PairGraph of(GuardContext context, boolean counterparts, boolean approvals) {
    String key = "pair-graph:" + counterparts + ":" + approvals;
    return context.shared(key, PairGraph.class, () -> of(context.batch(), counterparts, approvals));
  }

  /**
   * Builds the graph of {@code b}: counterpart edges and/or approving-review edges. Edges from a person
   * to themselves are left out (that is self-dealing, a detector of its own).
   */
  static PairGraph of(BatchView b, boolean counterparts, boolean approvals) {
    int n = b.rows();
    int people = b.people();
    Checks.argument(n <= MAX_ROWS, "rows (" + n + ") must be <= " + MAX_ROWS);
    // Pass 1 counts the edges per smaller person index; pass 2 writes each edge, packed as
    // (larger index, row, contributor is the larger, review), into its bucket. Sorting a bucket's packed
    // values then orders its edges by pair and, within a pair, by row, which is edge creation order.
    int[] start = new int[people + 1];
    for (int r = 0; r < n; r++) {
      int c = b.contributor(r);
      if (counterparts) {
        for (int k = 0, m = b.counterpartCount(r); k < m; k++) {
          int o = b.counterpart(r, k);
          if (o != c) {
            start[Math.min(c, o) + 1]++;
          }
        }
      }
      if (approvals) {
        for (int k = 0, m = b.reviewCount(r); k < m; k++) {
          int o = b.reviewer(r, k);
          if (o != c && b.verdict(r, k) == Verdict.APPROVE) {
            start[Math.min(c, o) + 1]++;
          }
        }
      }
    }
    for (int x = 0; x < people; x++) {
      start[x + 1] += start[x];
    }
    int edges = start[people];
    long[] packed = new long[edges];
    int[] fill = Arrays.copyOf(start, people);
    for (int r = 0; r < n; r++) {
      int c = b.contributor(r);
      if (counterparts) {
        for (int k = 0, m = b.counterpartCount(r); k < m; k++) {
          int o = b.counterpart(r, k);
          if (o != c) {
            packed[fill[Math.min(c, o)]++] = pack(c, o, r, false);
          }
        }
      }
      if (approvals) {
        for (int k = 0, m = b.reviewCount(r); k < m; k++) {
          int o = b.reviewer(r, k);
          if (o != c && b.verdict(r, k) == Verdict.APPROVE) {
            packed[fill[Math.min(c, o)]++] = pack(c, o, r, true);
          }
        }
      }
    }
    fill = null;
    int[] row = new int[edges];
    int[] contributor = new int[edges];
    int[] other = new int[edges];
    boolean[] review = new boolean[edges];
    int u = 0;
    for (int low = 0; low < people; low++) {
      int from = start[low];
      int to = start[low + 1];
      if (to - from > 1) {
        Arrays.sort(packed, from, to);
      }
      long lastHigh = -1;
      for (int e = from; e < to; e++) {
        long v = packed[e];
        int high = (int) (v >>> 32);
        row[e] = (int) (v >>> 2) & MAX_ROWS;
        boolean contributorIsHigh = (v & 2) != 0;
        contributor[e] = contributorIsHigh ? high : low;
        other[e] = contributorIsHigh ? low : high;
        review[e] = (v & 1) != 0;
        if (high != lastHigh) {
          u++;
          lastHigh = high;
        }
      }
    }
    long[] keys = new long[u];
    int[] pairStart = new int[u + 1];
    int p = -1;
    long last = -1;
    for (int e = 0; e < edges; e++) {
      long k = key(contributor[e], other[e]);
      if (k != last) {
        keys[++p] = k;
        pairStart[p] = e;
        last = k;
      }
    }
    pairStart[u] = edges;
    return new PairGraph(edges, row, contributor, other, review, keys, pairStart);
  }

  /** The largest row index an edge can carry (30 bits of the packed form). */
  private static final int MAX_ROWS = (1 << 30) - 1;

  /** One edge of contributor {@code c} and other person {@code o} packed for sorting within its bucket. */
  private static long pack(int c, int o, int r, boolean review) {
    int high = Math.max(c, o);
    return ((long) high << 32) | ((long) r << 2) | (c == high ? 2 : 0) | (review ? 1 : 0);
  }

  /** The number of distinct pairs. */
  int pairCount() {
    return pairs.length;
  }

  /**
   * The distinct rows among the edges of pair {@code p} that pass {@code keep}, ascending, written to
   * {@code out} (which must have room for the pair's edge count); returns how many. A pair's edges are
   * in row order already, so dropping adjacent repeats is enough.
   */
  int rowsOf(int p, java.util.function.IntPredicate keep, int[] out) {
    int u = 0;
    for (int e = pairStart[p]; e < pairStart[p + 1]; e++) {
      if (keep.test(e) && (u == 0 || out[u - 1] != row[e])) {
        out[u++] = row[e];
      }
    }
    return u;
  }
}
