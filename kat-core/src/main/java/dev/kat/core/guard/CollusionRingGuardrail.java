package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Dampens records exchanged inside collusion rings: groups of contributors whose interactions and reviews
 * stay mostly inside the group, densely and in both directions.
 *
 * <pre>
 *   shared(a, b)   distinct records where one of a, b is the contributor and the other a counterpart or
 *                  an approving reviewer; reciprocal when each of them contributed at least one
 *   w(x)           the shared records x takes part in (with anyone)
 *   circle(x)      x, its partners and their partners, leaving out hubs with more than 32 partners
 *                  (a circle of more than 64 people is too wide to be a closed ring)
 *   peel           repeatedly drop circle members other than x with less than a share
 *                  {@code insularity} of their shared records inside the remaining circle, or with
 *                  fewer than minSize − 1 partners in it (they cannot belong to a dense group)
 *   x is a ring member when, after peeling,
 *       w(x) &gt;= minInteractions, x keeps &gt;= insularity of its own records inside the circle,
 *       x has a reciprocal partner in it, the circle has &gt;= minSize people, and
 *       interacting pairs in the circle / possible pairs &gt;= minDensity
 *   ring           members joined by shared records, in groups of &gt;= minSize
 * </pre>
 *
 * Each person is judged by their own circle, whatever the size of the connected component they sit in:
 * component size is attacker-controlled, so the largest component is not presumed honest, and linking a
 * ring to honest people does not hide it (an honest hub's circle is wide and sparse, so the hub is not a
 * member). Records whose contributor and a counterpart or approving reviewer are members of the same ring
 * are multiplied by {@code factor}; members' records with outsiders keep their credit. The circle limit of
 * 32 partners bounds the work per person; a ring whose members each have more partners than that is left
 * to the pairwise detector, which bounds every pair.
 */
public final class CollusionRingGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "collusion-ring";
  /** Partners above which a person is a hub: not judged, and left out of others' circles. */
  static final int MAX_CIRCLE = 32;
  /** The widest two-hop neighbourhood judged as a possible ring. */
  static final int MAX_GROUP = 64;

  private final int minSize;
  private final double insularity;
  private final double minDensity;
  private final int minInteractions;
  private final double factor;

  /**
   * A collusion-ring detector.
   *
   * @param minSize the smallest ring, &gt;= 2
   * @param insularity the share of the circle's shared records that must stay inside it, in (0, 1]
   * @param minDensity the share of possible pairs in the circle that must interact, in (0, 1]
   * @param minInteractions shared records a person needs before being judged, &gt;= 1
   * @param factor the multiplier for records inside a ring, in [0, 1)
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public CollusionRingGuardrail(int minSize, double insularity, double minDensity, int minInteractions,
      double factor) {
    Checks.argument(minSize >= 2 && minSize <= MAX_CIRCLE, "minSize (" + minSize + ") must be in [2, " + MAX_CIRCLE + "]");
    Checks.argument(insularity > 0 && insularity <= 1, "insularity (" + insularity + ") must be in (0, 1]");
    Checks.argument(minDensity > 0 && minDensity <= 1, "minDensity (" + minDensity + ") must be in (0, 1]");
    Checks.argument(minInteractions >= 1, "minInteractions (" + minInteractions + ") must be >= 1");
    Checks.argument(factor >= 0 && factor < 1, "factor (" + factor + ") must be in [0, 1)");
    this.minSize = minSize;
    this.insularity = insularity;
    this.minDensity = minDensity;
    this.minInteractions = minInteractions;
    this.factor = factor;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("factor", Rows.num(factor));
    p.put("insularity", Rows.num(insularity));
    p.put("minDensity", Rows.num(minDensity));
    p.put("minInteractions", Integer.toString(minInteractions));
    p.put("minSize", Integer.toString(minSize));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    PairGraph g = PairGraph.of(context, true, true);
    int people = b.people();
    int pairs = g.pairCount();
    if (pairs == 0) {
      return;
    }
    // Per pair: distinct shared records and whether both sides contributed.
    int[] shared = new int[pairs];
    boolean[] reciprocal = new boolean[pairs];
    int[] degree = new int[people];
    int[] weight = new int[people];
    for (int p = 0; p < pairs; p++) {
      int low = PairGraph.low(g.pairs[p]);
      int high = PairGraph.high(g.pairs[p]);
      boolean fromLow = false;
      boolean fromHigh = false;
      // A pair's edges are in row order: count the distinct rows and who contributed them.
      int k = 0;
      int lastRow = -1;
      for (int e = g.pairStart[p]; e < g.pairStart[p + 1]; e++) {
        if (g.row(e) != lastRow) {
          lastRow = g.row(e);
          k++;
          if (!g.contributorIsHigh(e)) {
            fromLow = true;
          } else {
            fromHigh = true;
          }
        }
      }
      shared[p] = k;
      reciprocal[p] = fromLow && fromHigh;
      degree[low]++;
      degree[high]++;
      weight[low] += k;
      weight[high] += k;
    }
    // Adjacency in CSR form; filling in pair order leaves each list sorted by partner.
    int[] start = new int[people + 1];
    for (int x = 0; x < people; x++) {
      start[x + 1] = start[x] + degree[x];
    }
    int[] partner = new int[2 * pairs];
    int[] pairAt = new int[2 * pairs];
    int[] fill = Arrays.copyOf(start, people);
    for (int p = 0; p < pairs; p++) {
      int low = PairGraph.low(g.pairs[p]);
      int high = PairGraph.high(g.pairs[p]);
      partner[fill[low]] = high;
      pairAt[fill[low]++] = p;
      partner[fill[high]] = low;
      pairAt[fill[high]++] = p;
    }
    boolean[] member = new boolean[people];
    boolean any = false;
    // stamp[z] is the mark of the last neighbourhood z joined; marks grow with x, so stamp[z] < mark means
    // "not in x's neighbourhood yet". Hubs carry the largest stamp, so that one test also leaves them out.
    int[] stamp = new int[people];
    for (int z = 0; z < people; z++) {
      if (degree[z] > MAX_CIRCLE) {
        stamp[z] = Integer.MAX_VALUE;
      }
    }
    int[] circle = new int[MAX_GROUP];
    int[] in = new int[MAX_GROUP];
    boolean[] active = new boolean[MAX_GROUP];
    int[] slot = new int[people];
    for (int x = 0; x < people; x++) {
      if (weight[x] < minInteractions || degree[x] > MAX_CIRCLE || degree[x] + 1 < minSize) {
        continue;
      }
      // Two necessary conditions read off x's own partners, before any walk: peeling only removes people,
      // so x keeps at most its shared records with partners who are not hubs, and x's reciprocal partner
      // must be one of them. Most people fail one of these (their records are mostly with hubs).
      int reachable = 0;
      boolean reciprocalPartner = false;
      for (int i = start[x]; i < start[x + 1]; i++) {
        if (degree[partner[i]] <= MAX_CIRCLE) {
          reachable += shared[pairAt[i]];
          reciprocalPartner |= reciprocal[pairAt[i]];
        }
      }
      if (!reciprocalPartner || reachable < insularity * weight[x]) {
        continue;
      }
      // The two-hop neighbourhood of x without hubs; too wide a neighbourhood is not a closed ring.
      int s = 0;
      int mark = x + 1;
      stamp[x] = mark;
      slot[x] = s;
      circle[s++] = x;
      boolean wide = false;
      for (int hop = 0, from = 0; hop < 2 && !wide; hop++) {
        int to = s;
        for (int m = from; m < to && !wide; m++) {
          int y = circle[m];
          for (int i = start[y]; i < start[y + 1]; i++) {
            int z = partner[i];
            if (stamp[z] < mark) {
              if (s == MAX_GROUP) {
                wide = true;
                break;
              }
              stamp[z] = mark;
              slot[z] = s;
              circle[s++] = z;
            }
          }
        }
        from = to;
      }
      if (wide) {
        continue;
      }
      // Peel members who mostly work outside the group, or who have too few partners in it, until every
      // remaining one mostly works inside; the result does not depend on the order of removal.
      Arrays.fill(active, 0, s, true);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int m = 0; m < s; m++) {
          if (!active[m]) {
            continue;
          }
          int y = circle[m];
          int inside = 0;
          int partnersInside = 0;
          for (int i = start[y]; i < start[y + 1]; i++) {
            int z = partner[i];
            if (stamp[z] == mark && active[slot[z]]) {
              inside += shared[pairAt[i]];
              partnersInside++;
            }
          }
          in[m] = inside;
          if (m > 0 && (inside < insularity * weight[y] || partnersInside < minSize - 1)) {
            active[m] = false;
            changed = true;
          }
        }
      }
      if (in[0] < insularity * weight[x]) {
        continue;
      }
      int size = 0;
      long pairsInside = 0;
      boolean hasReciprocal = false;
      for (int m = 0; m < s; m++) {
        if (!active[m]) {
          continue;
        }
        size++;
        int y = circle[m];
        for (int i = start[y]; i < start[y + 1]; i++) {
          int z = partner[i];
          if (z > y && stamp[z] == mark && active[slot[z]]) {
            pairsInside++;
          }
          if (m == 0 && stamp[z] == mark && active[slot[z]] && reciprocal[pairAt[i]]) {
            hasReciprocal = true;
          }
        }
      }
      long possible = (long) size * (size - 1) / 2;
      if (hasReciprocal && size >= minSize && pairsInside >= minDensity * possible) {
        member[x] = true;
        any = true;
      }
    }
    if (!any) {
      return;
    }
    int[] parent = new int[people];
    for (int x = 0; x < people; x++) {
      parent[x] = x;
    }
    for (int p = 0; p < pairs; p++) {
      int a = PairGraph.low(g.pairs[p]);
      int c = PairGraph.high(g.pairs[p]);
      if (member[a] && member[c]) {
        int ra = find(parent, a);
        int rc = find(parent, c);
        if (ra != rc) {
          parent[Math.max(ra, rc)] = Math.min(ra, rc);
        }
      }
    }
    int[] root = new int[people];
    int[] size = new int[people];
    for (int x = 0; x < people; x++) {
      root[x] = member[x] ? find(parent, x) : -1;
      if (root[x] >= 0) {
        size[root[x]]++;
      }
    }
    long[] inside = new long[people];
    long[] total = new long[people];
    for (int x = 0; x < people; x++) {
      if (root[x] >= 0) {
        total[root[x]] += weight[x];
      }
    }
    for (int p = 0; p < pairs; p++) {
      int a = PairGraph.low(g.pairs[p]);
      int c = PairGraph.high(g.pairs[p]);
      if (root[a] >= 0 && root[a] == root[c]) {
        inside[root[a]] += 2L * shared[p];
      }
    }
    int n = b.rows();
    int[] ringOfRow = new int[n];
    Arrays.fill(ringOfRow, -1);
    for (int p = 0; p < pairs; p++) {
      // Both people of the pair in the same ring: every edge of the pair is a row inside it.
      int r = root[PairGraph.low(g.pairs[p])];
      if (r >= 0 && size[r] >= minSize && root[PairGraph.high(g.pairs[p])] == r) {
        for (int e = g.pairStart[p]; e < g.pairStart[p + 1]; e++) {
          ringOfRow[g.row(e)] = r;
        }
      }
    }
    long[] rowKeys = new long[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (ringOfRow[r] >= 0) {
        rowKeys[k++] = ((long) ringOfRow[r] << 32) | r;
      }
    }
    Arrays.sort(rowKeys, 0, k);
    long[] memberKeys = new long[people];
    int mk = 0;
    for (int x = 0; x < people; x++) {
      if (root[x] >= 0 && size[root[x]] >= minSize) {
        memberKeys[mk++] = ((long) root[x] << 32) | x;
      }
    }
    Arrays.sort(memberKeys, 0, mk);
    int m = 0;
    for (int s = 0; s < k; ) {
      int r0 = (int) (rowKeys[s] >>> 32);
      int e = s;
      while (e < k && (int) (rowKeys[e] >>> 32) == r0) {
        e++;
      }
      int[] rows = new int[e - s];
      for (int i = s; i < e; i++) {
        rows[i - s] = (int) rowKeys[i];
      }
      while ((int) (memberKeys[m] >>> 32) != r0) {
        m++;
      }
      int[] members = new int[size[r0]];
      for (int i = 0; i < members.length; i++) {
        members[i] = (int) memberKeys[m + i];
      }
      double share = inside[r0] / (double) total[r0];
      String evidence = members.length + " contributors (" + Rows.names(b, members) + ") shared "
          + Rows.percent(share) + " of their hosted, attended and reviewed records with each other this cycle,"
          + " recognising one another in a closed circle; the " + rows.length + " record(s) among them count "
          + Rows.percent(factor) + ". Working with and being reviewed by people outside the group earns full credit.";
      sink.flag(Severity.MEDIUM, Action.DAMPEN, factor, rows, members, evidence);
      s = e;
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
