package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.model.Verdict;
import java.util.Arrays;

/**
 * The interaction and review graph of a batch as flat arrays: one edge per (record, other person),
 * where the other person is a counterpart of the record or an approving reviewer. Edges are grouped by
 * unordered pair of people; pairs are identified by packed keys {@code min << 32 | max} in ascending
 * order, found by two counting sorts over person indices, so no per-edge objects are made and the
 * grouping does not depend on row order (within a pair, edges keep row order, which no detector reads
 * for anything but sets and sums).
 */
final class PairGraph {
  final int edges;
  final int[] row;
  final int[] contributor;
  final int[] other;
  final boolean[] review;
  /** Distinct unordered pairs, sorted. */
  final long[] pairs;
  /** Edges grouped by pair: the edges of pair {@code p} are {@code byPair[pairStart[p] .. pairStart[p+1])}. */
  final int[] pairStart;
  final int[] byPair;

  private PairGraph(int people, int edges, int[] row, int[] contributor, int[] other, boolean[] review) {
    this.edges = edges;
    this.row = row;
    this.contributor = contributor;
    this.other = other;
    this.review = review;
    // Two stable counting sorts (by the larger index, then by the smaller) group the edges by pair in
    // pair-key order in O(edges + people).
    int[] byHigh = countingSort(people, edges, null, e -> Math.max(contributor[e], other[e]));
    int[] grouped = countingSort(people, edges, byHigh, e -> Math.min(contributor[e], other[e]));
    int u = 0;
    long last = -1;
    for (int i = 0; i < edges; i++) {
      long k = key(contributor[grouped[i]], other[grouped[i]]);
      if (k != last) {
        u++;
        last = k;
      }
    }
    long[] keys = new long[u];
    int[] start = new int[u + 1];
    int p = -1;
    last = -1;
    for (int i = 0; i < edges; i++) {
      long k = key(contributor[grouped[i]], other[grouped[i]]);
      if (k != last) {
        keys[++p] = k;
        start[p] = i;
        last = k;
      }
    }
    start[u] = edges;
    this.pairs = keys;
    this.pairStart = start;
    this.byPair = grouped;
  }

  /** Edge indices (in the order of {@code order}, or 0 … edges−1) stably sorted by {@code bucket}. */
  private static int[] countingSort(int buckets, int edges, int[] order, java.util.function.IntUnaryOperator bucket) {
    int[] count = new int[buckets + 1];
    for (int e = 0; e < edges; e++) {
      count[bucket.applyAsInt(e) + 1]++;
    }
    for (int i = 0; i < buckets; i++) {
      count[i + 1] += count[i];
    }
    int[] out = new int[edges];
    for (int i = 0; i < edges; i++) {
      int e = order == null ? i : order[i];
      out[count[bucket.applyAsInt(e)]++] = e;
    }
    return out;
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
    int cap = 0;
    for (int r = 0; r < n; r++) {
      cap += (counterparts ? b.counterpartCount(r) : 0) + (approvals ? b.reviewCount(r) : 0);
    }
    int[] row = new int[cap];
    int[] contributor = new int[cap];
    int[] other = new int[cap];
    boolean[] review = new boolean[cap];
    int e = 0;
    for (int r = 0; r < n; r++) {
      int c = b.contributor(r);
      if (counterparts) {
        for (int k = 0; k < b.counterpartCount(r); k++) {
          int o = b.counterpart(r, k);
          if (o != c) {
            row[e] = r;
            contributor[e] = c;
            other[e] = o;
            e++;
          }
        }
      }
      if (approvals) {
        for (int k = 0; k < b.reviewCount(r); k++) {
          int o = b.reviewer(r, k);
          if (o != c && b.verdict(r, k) == Verdict.APPROVE) {
            row[e] = r;
            contributor[e] = c;
            other[e] = o;
            review[e] = true;
            e++;
          }
        }
      }
    }
    return new PairGraph(b.people(), e, row, contributor, other, review);
  }

  /** The number of distinct pairs. */
  int pairCount() {
    return pairs.length;
  }

  /**
   * The distinct rows among the edges of pair {@code p} that pass {@code keep}, written to {@code out}
   * (which must have room for the pair's edge count); returns how many.
   */
  int rowsOf(int p, java.util.function.IntPredicate keep, int[] out) {
    int m = 0;
    for (int i = pairStart[p]; i < pairStart[p + 1]; i++) {
      int e = byPair[i];
      if (keep.test(e)) {
        out[m++] = row[e];
      }
    }
    Arrays.sort(out, 0, m);
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (u == 0 || out[u - 1] != out[i]) {
        out[u++] = out[i];
      }
    }
    return u;
  }
}
