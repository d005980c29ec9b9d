package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.ContributorState;
import dev.kat.core.internal.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Weights credit that depends on peers by the trust of those peers, propagated from pre-trusted members
 * with {@link EigenTrust}: a cluster of fresh identities vouching for each other gains only the trust
 * that flows in from outside it.
 *
 * <pre>
 *   vouching edges   v → c  for every approving reviewer and every counterpart v of a record of c
 *                          (one unit of local trust per record)
 *   pre-trust p      the configured pre-trusted members present in the batch, equally; or, when none are
 *                    configured, members in proportion to the karma they carry from earlier cycles
 *   global trust t   EigenTrust(C, p, alpha)
 *   relative trust   ρ(v) = t(v) · N            (N people in the batch; 1 = the average)
 *   record factor    min(1, ρ_max / fullTrust)  rounded down to a multiple of 1/20, where ρ_max is
 *                    the highest relative trust among the record's vouchers
 * </pre>
 *
 * The iteration stops when one step changes the trust vector by at most 10<sup>−5</sup> in L1 norm;
 * the remaining error in any ρ is then of the order of 10<sup>−4</sup>, far below the 1/20 steps of the
 * factor, and the result is the same for every input order because every sum runs in a fixed order.
 * Records without reviews or counterparts do not depend on peers and are left alone. When no pre-trust
 * exists (no configured member takes part and nobody carries karma), trust cannot be anchored: the
 * detector reports a note and changes nothing.
 */
public final class EigenTrustGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "eigentrust";
  private static final int STEPS = 20;
  /** The code of a voucher at or above full trust (codes below it are step + 1, at most STEPS + 1). */
  private static final byte FULL = Byte.MAX_VALUE;

  private final SortedSet<String> preTrusted;
  private final double alpha;
  private final double fullTrust;

  /**
   * A trust-weighting detector.
   *
   * @param preTrusted ids of pre-trusted members; empty to derive pre-trust from prior karma
   * @param alpha the weight of pre-trust in EigenTrust, in (0, 1]
   * @param fullTrust the relative trust (1 = average) at which a voucher counts fully, finite and &gt; 0
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public EigenTrustGuardrail(SortedSet<String> preTrusted, double alpha, double fullTrust) {
    Checks.notNull(preTrusted, "preTrusted");
    for (String id : preTrusted) {
      Checks.notBlank(id, "preTrusted id");
    }
    this.preTrusted = Collections.unmodifiableSortedSet(new TreeSet<>(preTrusted));
    Checks.argument(alpha > 0 && alpha <= 1, "alpha (" + alpha + ") must be in (0, 1]");
    this.alpha = alpha;
    this.fullTrust = Checks.positive(fullTrust, "fullTrust");
  }

  /** The pre-trusted member ids (empty: pre-trust from prior karma). */
  public SortedSet<String> preTrusted() {
    return preTrusted;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("alpha", Rows.num(alpha));
    p.put("fullTrust", Rows.num(fullTrust));
    p.put("preTrusted", preTrusted.isEmpty() ? "(prior karma)" : String.join(",", preTrusted));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int people = b.people();
    if (people == 0) {
      return;
    }
    double[] p = new double[people];
    boolean anchored = false;
    if (!preTrusted.isEmpty()) {
      for (String id : preTrusted) {
        int i = b.personIndex(id);
        if (i >= 0) {
          p[i] = 1.0;
          anchored = true;
        }
      }
    } else {
      for (ContributorState s : context.prior().contributors().values()) {
        int i = b.personIndex(s.contributor());
        if (i >= 0 && s.karma() > 0) {
          p[i] = s.karma();
          anchored = true;
        }
      }
    }
    PairGraph g = PairGraph.of(context, true, true);
    if (g.edges == 0) {
      return;
    }
    if (!anchored) {
      sink.flag(Severity.INFO, Action.NOTE, 1.0, new int[0], new int[0], preTrusted.isEmpty()
          ? "no contributor carries karma from earlier cycles, so peer trust could not be anchored this cycle"
          : "none of the pre-trusted members took part, so peer trust could not be anchored this cycle");
      return;
    }
    double[] t = trust(g, people, p, alpha);
    // A record's factor depends only on its most trusted voucher, and the mapping from a voucher's trust to
    // the record's step is monotone, so each person's trust is turned into a one-byte code once: 0 for no
    // voucher, step + 1 below full trust, FULL at or above it. A record's code is the largest of its
    // vouchers' codes (one byte per row instead of a double), and gives the same step as the largest trust.
    byte[] code = new byte[people];
    for (int v = 0; v < people; v++) {
      double raw = t[v] * people / fullTrust;
      code[v] = raw >= 1.0 ? FULL : (byte) (1 + (int) Math.floor(raw * STEPS));
    }
    int n = b.rows();
    byte[] best = new byte[n];
    for (int q = 0; q < g.pairCount(); q++) {
      for (int e = g.pairStart[q]; e < g.pairStart[q + 1]; e++) {
        byte c = code[g.other(q, e)];
        int r = g.row(e);
        if (c > best[r]) {
          best[r] = c;
        }
      }
    }
    // Group dampened rows by (contributor, step); the key array is sized to the dampened rows.
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (best[r] > 0 && best[r] < FULL) {
        k++;
      }
    }
    if (k == 0) {
      return;
    }
    long[] keys = new long[k];
    k = 0;
    for (int r = 0; r < n; r++) {
      if (best[r] > 0 && best[r] < FULL) {
        int step = best[r] - 1;
        keys[k++] = ((long) b.contributor(r) << 37) | ((long) step << 32) | r;
      }
    }
    Arrays.sort(keys, 0, k);
    for (int s = 0; s < k; ) {
      long group = keys[s] >>> 32;
      int e = s;
      while (e < k && (keys[e] >>> 32) == group) {
        e++;
      }
      int[] rows = new int[e - s];
      for (int i = s; i < e; i++) {
        rows[i - s] = (int) keys[i];
      }
      int person = (int) (group >>> 5);
      int step = (int) (group & 31);
      double factor = step / (double) STEPS;
      String evidence = rows.length + " record(s) of " + b.personId(person) + " are vouched for (approved or"
          + " attended) only by people who receive little trust from the community's trusted members (below "
          + Rows.percent(fullTrust) + " of average trust); their credit counts " + Rows.percent(factor)
          + ". Validation by established members restores full credit.";
      sink.flag(factor < 0.5 ? Severity.MEDIUM : Severity.LOW, Action.DAMPEN, factor, rows, new int[] {person},
          evidence);
      s = e;
    }
  }

  /**
   * {@code EigenTrust.compute(people, other, contributor, ones, p, alpha, 1e-5, 1000)} over the graph's
   * edges, with the merged matrix read off the pair graph instead of sorting the edges again: each pair's
   * edges are counted per direction (a merged edge's weight is its multiplicity, as the sum of its unit
   * weights is), and laid out by trustee. The weights and out-weights are whole numbers, so their sums are
   * exact in any order, and the propagation sums are order-independent fixed point: the trust vector is
   * bit for bit the one {@code compute} returns.
   */
  static double[] trust(PairGraph g, int people, double[] preTrust, double alpha) {
    int pairs = g.pairCount();
    int[] towardHigh = new int[pairs];
    int[] towardLow = new int[pairs];
    double[] out = new double[people];
    int[] inStart = new int[people + 1];
    for (int q = 0; q < pairs; q++) {
      int low = PairGraph.low(g.pairs[q]);
      int high = PairGraph.high(g.pairs[q]);
      int toHigh = 0;
      for (int e = g.pairStart[q]; e < g.pairStart[q + 1]; e++) {
        // The edge's other person vouches for its contributor.
        if (g.contributorIsHigh(e)) {
          toHigh++;
        }
      }
      int toLow = g.pairStart[q + 1] - g.pairStart[q] - toHigh;
      towardHigh[q] = toHigh;
      towardLow[q] = toLow;
      if (toHigh > 0) {
        out[low] += toHigh;
        inStart[high + 1]++;
      }
      if (toLow > 0) {
        out[high] += toLow;
        inStart[low + 1]++;
      }
    }
    for (int j = 0; j < people; j++) {
      inStart[j + 1] += inStart[j];
    }
    int u = inStart[people];
    int[] src = new int[u];
    double[] c = new double[u];
    int[] fill = Arrays.copyOf(inStart, people);
    for (int q = 0; q < pairs; q++) {
      int low = PairGraph.low(g.pairs[q]);
      int high = PairGraph.high(g.pairs[q]);
      if (towardHigh[q] > 0) {
        int i = fill[high]++;
        src[i] = low;
        c[i] = towardHigh[q] / out[low];
      }
      if (towardLow[q] > 0) {
        int i = fill[low]++;
        src[i] = high;
        c[i] = towardLow[q] / out[high];
      }
    }
    return EigenTrust.iterate(EigenTrust.normalise(preTrust), out, inStart, src, c, alpha, 1e-5, 1000);
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
