package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Dampens repeated interactions between the same two people, with a bounded total per pair.
 *
 * <p>Two people share a record when one is its contributor and the other a counterpart (A hosts B, or
 * B hosts A), or, when they review each other's work in both directions, an approving reviewer
 * (A reviews B and B reviews A; one-way validation is the reviewer-concentration detector's business).
 *
 * <pre>
 * Pairwise-bounded scaling (after Buterin, "Pairwise coordination subsidies", 2019, where a pair's
 * subsidy is scaled by M / (M + their shared volume)):
 *
 *   records shared by the pair {a, b}, in canonical order (time, record id): r1, r2, …, rk
 *   R = credit(r2) + … + credit(rk)          (the repetitions; r1 is never touched)
 *   factor(a, b) = M / (M + R)                applied to r2 … rk
 *
 *   Guarantee: the pair's repetitions earn R·M/(M + R) &lt; M in total, so whatever two people do
 *   together, their shared records earn less than credit(r1) + M (up to half a micro-unit of rounding
 *   per record). Each extra repetition lowers the factor, so every repetition earns less than the last.
 * </pre>
 *
 * A record shared by several pairs (a session with two counterparts) takes the smallest of their
 * factors, which keeps every pair within its bound. The first record of a pair is kept whole so that
 * people who work together once are never flagged.
 */
public final class PairwiseReciprocityGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "pairwise-reciprocity";

  private final double m;
  private final boolean reciprocalReviews;

  /**
   * A pairwise-reciprocity detector.
   *
   * @param m the pair bound M in credit: a pair's repetitions earn less than M in total; finite, &gt; 0
   * @param reciprocalReviews whether reviews given in both directions between two people count as
   *     shared records
   * @throws IllegalArgumentException if {@code m} is not finite and positive
   */
  public PairwiseReciprocityGuardrail(double m, boolean reciprocalReviews) {
    this.m = Checks.positive(m, "m");
    this.reciprocalReviews = reciprocalReviews;
  }

  /** The pair bound M in credit. */
  public double m() {
    return m;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("m", Rows.num(m));
    p.put("reciprocalReviews", Boolean.toString(reciprocalReviews));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    PairGraph g = PairGraph.of(context, true, reciprocalReviews);
    int n = b.rows();
    // decisive[r] is the index, among the pairs with repeated credit (kept in pair order, in the arrays
    // below), of the pair that dampens row r most, or -1. Most pairs share one record: only pairs with
    // repeats get an entry, so nothing here is sized per pair of the graph.
    int[] decisive = new int[n];
    Arrays.fill(decisive, -1);
    int q = 0;
    int[] pairOf = new int[16];
    double[] pairFactor = new double[16];
    long[] pairRepeat = new long[16];
    int[] pairRecords = new int[16];
    int[] buf = new int[16];
    for (int p = 0; p < g.pairCount(); p++) {
      int size = g.pairStart[p + 1] - g.pairStart[p];
      if (size < 2) {
        continue;
      }
      boolean reviewsBoth = false;
      if (reciprocalReviews) {
        boolean fromLow = false;
        boolean fromHigh = false;
        for (int e = g.pairStart[p]; e < g.pairStart[p + 1]; e++) {
          if (g.review(e)) {
            if (!g.contributorIsHigh(e)) {
              fromLow = true;
            } else {
              fromHigh = true;
            }
          }
        }
        reviewsBoth = fromLow && fromHigh;
      }
      if (buf.length < size) {
        buf = new int[Math.max(size, buf.length * 2)];
      }
      boolean withReviews = reviewsBoth;
      int k = g.rowsOf(p, e -> !g.review(e) || withReviews, buf);
      if (k < 2) {
        continue;
      }
      int first = Rows.first(b, buf, 0, k);
      long repeat = 0;
      for (int i = 0; i < k; i++) {
        if (buf[i] != first) {
          repeat += Math.max(0, context.credit(buf[i]));
        }
      }
      if (repeat <= 0) {
        continue;
      }
      double f = m / (m + Fixed.toDouble(repeat));
      if (q == pairOf.length) {
        pairOf = Arrays.copyOf(pairOf, 2 * q);
        pairFactor = Arrays.copyOf(pairFactor, 2 * q);
        pairRepeat = Arrays.copyOf(pairRepeat, 2 * q);
        pairRecords = Arrays.copyOf(pairRecords, 2 * q);
      }
      pairOf[q] = p;
      pairFactor[q] = f;
      pairRepeat[q] = repeat;
      pairRecords[q] = k;
      for (int i = 0; i < k; i++) {
        int r = buf[i];
        if (r == first) {
          continue;
        }
        double now = decisive[r] >= 0 ? pairFactor[decisive[r]] : 1.0;
        if (f < now || (f == now && decisive[r] >= 0
            && pairName(b, g.pairs[p]).compareTo(pairName(b, g.pairs[pairOf[decisive[r]]])) < 0)) {
          decisive[r] = q;
        }
      }
      q++;
    }
    // One flag per decisive pair, naming the rows it dampens.
    int[] count = new int[q + 1];
    for (int r = 0; r < n; r++) {
      if (decisive[r] >= 0) {
        count[decisive[r] + 1]++;
      }
    }
    for (int i = 0; i < q; i++) {
      count[i + 1] += count[i];
    }
    int[] rows = new int[count[q]];
    int[] fill = Arrays.copyOf(count, q);
    for (int r = 0; r < n; r++) {
      if (decisive[r] >= 0) {
        rows[fill[decisive[r]]++] = r;
      }
    }
    for (int p = 0; p < q; p++) {
      if (count[p + 1] == count[p]) {
        continue;
      }
      int[] mine = Arrays.copyOfRange(rows, count[p], count[p + 1]);
      int a = PairGraph.low(g.pairs[pairOf[p]]);
      int c = PairGraph.high(g.pairs[pairOf[p]]);
      String x = b.personId(a);
      String y = b.personId(c);
      String evidence = (x.compareTo(y) < 0 ? x + " and " + y : y + " and " + x) + " share " + pairRecords[p]
          + " records this cycle (hosting, attending or reviewing each other's work). After the first, their "
          + Fixed.format(pairRepeat[p], 2) + " credit of repeated records is scaled by M/(M+repeats) = "
          + Fixed.formatFactor(pairFactor[p]) + " (M = " + Rows.num(m) + "), so a pair never earns more than M"
          + " beyond its first record. Working with more different people earns full credit.";
      Severity severity = pairFactor[p] < 0.5 ? Severity.MEDIUM : Severity.LOW;
      sink.flag(severity, Action.DAMPEN, pairFactor[p], mine, new int[] {a, c}, evidence);
    }
  }

  /** The pair's ids in order, to break ties without depending on person indices (arrival order). */
  private static String pairName(BatchView b, long key) {
    String x = b.personId(PairGraph.low(key));
    String y = b.personId(PairGraph.high(key));
    return x.compareTo(y) < 0 ? x + '\u0000' + y : y + '\u0000' + x;
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
