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
 *
 * <p>Each edge is one {@code long}, {@code larger person << 32 | row << 2 | contributor is the larger << 1
 * | review}: eight bytes per edge, the form it is sorted in; the smaller person is the pair's.
 */
final class PairGraph {
  final int edges;
  /** Distinct unordered pairs, sorted. */
  final long[] pairs;
  /** The edges of pair {@code p} are {@code pairStart[p] .. pairStart[p+1]) (edge indices). */
  final int[] pairStart;
  private final long[] packed;

  private PairGraph(int edges, long[] packed, long[] pairs, int[] pairStart) {
    this.edges = edges;
    this.packed = packed;
    this.pairs = pairs;
    this.pairStart = pairStart;
  }

  /** The row of edge {@code e}; ascending within a pair. */
  int row(int e) {
    return (int) (packed[e] >>> 2) & MAX_ROWS;
  }

  /** Whether edge {@code e} is an approving review (else a counterpart). */
  boolean review(int e) {
    return (packed[e] & 1) != 0;
  }

  /** Whether the contributor of edge {@code e} is the larger person of its pair. */
  boolean contributorIsHigh(int e) {
    return (packed[e] & 2) != 0;
  }

  /** The contributor of edge {@code e} of pair {@code p}. */
  int contributor(int p, int e) {
    return contributorIsHigh(e) ? high(pairs[p]) : low(pairs[p]);
  }

  /** The other person (counterpart or reviewer) of edge {@code e} of pair {@code p}. */
  int other(int p, int e) {
    return contributorIsHigh(e) ? low(pairs[p]) : high(pairs[p]);
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
    int u = 0;
    for (int low = 0; low < people; low++) {
      int from = start[low];
      int to = start[low + 1];
      if (to - from > 1) {
        Arrays.sort(packed, from, to);
      }
      long lastHigh = -1;
      for (int e = from; e < to; e++) {
        long high = packed[e] >>> 32;
        if (high != lastHigh) {
          u++;
          lastHigh = high;
        }
      }
    }
    long[] keys = new long[u];
    int[] pairStart = new int[u + 1];
    int p = 0;
    for (int low = 0; low < people; low++) {
      long lastHigh = -1;
      for (int e = start[low]; e < start[low + 1]; e++) {
        long high = packed[e] >>> 32;
        if (high != lastHigh) {
          keys[p] = ((long) low << 32) | high;
          pairStart[p++] = e;
          lastHigh = high;
        }
      }
    }
    pairStart[u] = edges;
    return new PairGraph(edges, packed, keys, pairStart);
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
      if (keep.test(e) && (u == 0 || out[u - 1] != row(e))) {
        out[u++] = row(e);
      }
    }
    return u;
  }
}
