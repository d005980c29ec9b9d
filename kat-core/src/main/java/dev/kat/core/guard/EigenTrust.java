package dev.kat.core.guard;

import dev.kat.core.internal.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The EigenTrust computation (Kamvar, Schlosser and Garcia-Molina, "The EigenTrust Algorithm for
 * Reputation Management in P2P Networks", WWW 2003), as a pure function.
 *
 * <pre>
 *   local trust   c_ij = w_ij / Σ_k w_ik        (row-normalised; a peer that trusts no one trusts p)
 *   pre-trust     p_i  = p_i / Σ_k p_k
 *   iterate       t ← (1 − a)·Cᵀ·t + a·p        from t = p, until ‖Δt‖₁ ≤ epsilon
 * </pre>
 *
 * The result is the stationary distribution of a walk that follows trust edges and, with probability
 * {@code a}, jumps back to a pre-trusted peer: a group of peers that only trust each other receives only
 * the trust that flows in from outside it, whatever its size.
 *
 * <p>Deterministic and independent of edge order and of how peers are numbered: parallel edges are
 * merged with their weights summed in sorted order, and the propagation sums are taken in 2<sup>−60</sup>
 * fixed point, which is associative.
 */
public final class EigenTrust {
  /** The default convergence bound on the L1 change of one iteration. */
  public static final double DEFAULT_EPSILON = 1e-12;
  /** The default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 10_000;

  /** Fixed-point unit of the propagation sums. */
  private static final double ONE = 0x1p60;

  private EigenTrust() {}

  /**
   * Global trust of peers {@code 0 … peers−1} from weighted local-trust edges.
   *
   * @param peers the number of peers, &gt;= 1
   * @param truster the truster of each edge
   * @param trustee the trustee of each edge (same length)
   * @param weight the non-negative, finite weight of each edge (same length)
   * @param preTrust non-negative pre-trust per peer with a positive sum (length {@code peers})
   * @param alpha the weight {@code a} of pre-trust, in (0, 1]
   * @param epsilon the convergence bound on the L1 change of one iteration, &gt; 0
   * @param maxIterations the iteration limit, &gt;= 1
   * @return the global trust per peer; sums to 1 (up to rounding)
   * @throws IllegalArgumentException if an argument breaks its constraint
   */
  public static double[] compute(int peers, int[] truster, int[] trustee, double[] weight, double[] preTrust,
      double alpha, double epsilon, int maxIterations) {
    Checks.argument(peers >= 1, "peers (" + peers + ") must be >= 1");
    Checks.notNull(truster, "truster");
    Checks.notNull(trustee, "trustee");
    Checks.notNull(weight, "weight");
    Checks.notNull(preTrust, "preTrust");
    Checks.argument(trustee.length == truster.length && weight.length == truster.length,
        "truster, trustee and weight lengths (" + truster.length + ", " + trustee.length + ", " + weight.length
            + ") must be equal");
    Checks.argument(preTrust.length == peers, "preTrust length (" + preTrust.length + ") must equal peers (" + peers + ")");
    Checks.argument(alpha > 0 && alpha <= 1, "alpha (" + alpha + ") must be in (0, 1]");
    Checks.positive(epsilon, "epsilon");
    Checks.argument(maxIterations >= 1, "maxIterations (" + maxIterations + ") must be >= 1");
    double pSum = 0;
    for (int i = 0; i < peers; i++) {
      if (!(preTrust[i] >= 0) || Double.isInfinite(preTrust[i])) {
        Checks.nonNegative(preTrust[i], "preTrust[" + i + "]");
      }
      pSum += preTrust[i];
    }
    Checks.argument(pSum > 0, "preTrust must have a positive sum");
    double[] p = normalise(preTrust);
    int m = truster.length;
    long[] keys = new long[m];
    for (int e = 0; e < m; e++) {
      // Messages are built only on failure: this loop runs once per edge.
      if (truster[e] < 0 || truster[e] >= peers) {
        throw new IllegalArgumentException("truster[" + e + "] (" + truster[e] + ") must be in [0, " + peers + ")");
      }
      if (trustee[e] < 0 || trustee[e] >= peers) {
        throw new IllegalArgumentException("trustee[" + e + "] (" + trustee[e] + ") must be in [0, " + peers + ")");
      }
      if (!(weight[e] >= 0) || Double.isInfinite(weight[e])) {
        Checks.nonNegative(weight[e], "weight[" + e + "]");
      }
      keys[e] = ((long) truster[e] << 32) | trustee[e];
    }
    // Group the edges by (trustee, truster) with two stable counting sorts, O(edges + peers), then merge
    // parallel edges, summing their weights in sorted order. Trustee-major order makes the propagation
    // below write its sums in sequence instead of scattering them; a truster's out-weight is still summed
    // in trustee order, so the result is the same as in truster-major order.
    int[] byTruster = countingSort(peers, m, null, truster);
    int[] grouped = countingSort(peers, m, byTruster, trustee);
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || keys[grouped[i]] != keys[grouped[i - 1]]) {
        u++;
      }
    }
    long[] uniq = new long[u];
    double[] w = new double[u];
    double[] run = new double[8];
    for (int i = 0, k = -1; i < m; ) {
      int j = i;
      while (j < m && keys[grouped[j]] == keys[grouped[i]]) {
        j++;
      }
      uniq[++k] = keys[grouped[i]];
      if (j - i == 1) {
        w[k] = weight[grouped[i]];
      } else {
        if (run.length < j - i) {
          run = new double[Math.max(j - i, run.length * 2)];
        }
        for (int x = i; x < j; x++) {
          run[x - i] = weight[grouped[x]];
        }
        Arrays.sort(run, 0, j - i);
        double sum = 0;
        for (int x = 0; x < j - i; x++) {
          sum += run[x];
        }
        w[k] = sum;
      }
      i = j;
    }
    double[] out = new double[peers];
    for (int i = 0; i < u; i++) {
      out[(int) (uniq[i] >>> 32)] += w[i];
    }
    // Trustee-major order is already the CSR layout by destination: only the row starts are needed.
    int[] inStart = new int[peers + 1];
    int[] src = new int[u];
    double[] c = new double[u];
    for (int i = 0; i < u; i++) {
      src[i] = (int) (uniq[i] >>> 32);
      inStart[(int) uniq[i] + 1]++;
      c[i] = out[src[i]] > 0 ? w[i] / out[src[i]] : 0;
    }
    for (int j = 0; j < peers; j++) {
      inStart[j + 1] += inStart[j];
    }
    return iterate(p, out, inStart, src, c, alpha, epsilon, maxIterations);
  }

  /**
   * Pre-trust normalised to sum 1 (summed in index order, as {@link #compute(int, int[], int[], double[],
   * double[], double, double, int)} does).
   */
  static double[] normalise(double[] preTrust) {
    double pSum = 0;
    for (double v : preTrust) {
      pSum += v;
    }
    double[] p = new double[preTrust.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = preTrust[i] / pSum;
    }
    return p;
  }

  /**
   * The power iteration over a merged matrix in CSR form by destination: the local trust flowing into
   * peer {@code j} is {@code c[i]} from peer {@code src[i]} for {@code i} in {@code [inStart[j],
   * inStart[j+1])}. Peers with no positive {@code out} weight follow {@code p}.
   *
   * <p>Every inflow term is rounded to 2<sup>−60</sup> fixed point and summed as a {@code long}, so the
   * order of the edges within a destination cannot change the result; the new trust of each peer is formed
   * as soon as its inflow is summed, into a second vector (the two are swapped each step).
   */
  static double[] iterate(double[] p, double[] out, int[] inStart, int[] src, double[] c, double alpha,
      double epsilon, int maxIterations) {
    int peers = p.length;
    int d = 0;
    for (int i = 0; i < peers; i++) {
      if (!(out[i] > 0)) {
        d++;
      }
    }
    int[] dangling = new int[d];
    d = 0;
    for (int i = 0; i < peers; i++) {
      if (!(out[i] > 0)) {
        dangling[d++] = i;
      }
    }
    // Most merged edges carry their truster's whole out-weight share 1/out (a single vouch): their inflow
    // term (long) (c·t·2^60) is the same for every edge leaving that truster, so it is computed once per
    // truster and step ("unit" edges, gathered by truster). Only the other edges multiply per edge. An
    // edge is a unit edge only when its c is exactly 1.0 / out, so each term is bit for bit the same.
    double[] inverse = new double[peers];
    for (int i = 0; i < peers; i++) {
      inverse[i] = out[i] > 0 ? 1.0 / out[i] : 0;
    }
    int units = 0;
    for (int i = 0; i < src.length; i++) {
      if (c[i] == inverse[src[i]]) {
        units++;
      }
    }
    int[] unitStart = new int[peers + 1];
    int[] unitSrc = new int[units];
    int[] restStart = new int[peers + 1];
    int[] restSrc = new int[src.length - units];
    double[] restC = new double[src.length - units];
    for (int j = 0, a = 0, r = 0; j < peers; j++) {
      for (int i = inStart[j]; i < inStart[j + 1]; i++) {
        if (c[i] == inverse[src[i]]) {
          unitSrc[a++] = src[i];
        } else {
          restSrc[r] = src[i];
          restC[r++] = c[i];
        }
      }
      unitStart[j + 1] = a;
      restStart[j + 1] = r;
    }
    double[] t = p.clone();
    double[] next = new double[peers];
    long[] unitTerm = new long[peers];
    for (int it = 0; it < maxIterations; it++) {
      long danglingFixed = 0;
      for (int i : dangling) {
        danglingFixed += (long) (t[i] * ONE);
      }
      for (int i = 0; i < peers; i++) {
        unitTerm[i] = (long) (inverse[i] * t[i] * ONE);
      }
      double danglingShare = danglingFixed / ONE;
      double diff = 0;
      for (int j = 0, a = 0, r = 0; j < peers; j++) {
        long sum = 0;
        for (int end = unitStart[j + 1]; a < end; a++) {
          sum += unitTerm[unitSrc[a]];
        }
        for (int end = restStart[j + 1]; r < end; r++) {
          sum += (long) (restC[r] * t[restSrc[r]] * ONE);
        }
        double v = (1 - alpha) * (sum / ONE + danglingShare * p[j]) + alpha * p[j];
        diff += Math.abs(v - t[j]);
        next[j] = v;
      }
      double[] swap = t;
      t = next;
      next = swap;
      if (diff <= epsilon) {
        break;
      }
    }
    return t;
  }

  /** Edge indices (in the order of {@code order}, or 0 … m−1) stably sorted by {@code bucket[e]}. */
  private static int[] countingSort(int buckets, int m, int[] order, int[] bucket) {
    int[] count = new int[buckets + 1];
    for (int e = 0; e < m; e++) {
      count[bucket[e] + 1]++;
    }
    for (int i = 0; i < buckets; i++) {
      count[i + 1] += count[i];
    }
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      int e = order == null ? i : order[i];
      out[count[bucket[e]]++] = e;
    }
    return out;
  }

  /**
   * Global trust by peer id, from local trust given as maps ({@code localTrust.get(i).get(j)} is how much
   * {@code i} trusts {@code j}) with the default convergence settings.
   *
   * @param localTrust non-negative finite local trust by truster, then trustee
   * @param preTrust non-negative pre-trust by peer, with a positive sum
   * @param alpha the weight of pre-trust, in (0, 1]
   * @return global trust by peer id, over every peer named anywhere
   * @throws IllegalArgumentException if a value breaks its constraint
   */
  public static SortedMap<String, Double> compute(Map<String, ? extends Map<String, ? extends Number>> localTrust,
      Map<String, ? extends Number> preTrust, double alpha) {
    Checks.notNull(localTrust, "localTrust");
    Checks.notNull(preTrust, "preTrust");
    TreeSet<String> names = new TreeSet<>(localTrust.keySet());
    localTrust.values().forEach(row -> names.addAll(Checks.notNull(row, "localTrust row").keySet()));
    names.addAll(preTrust.keySet());
    Checks.argument(!names.isEmpty(), "localTrust and preTrust name no peer");
    String[] ids = names.toArray(new String[0]);
    int edges = 0;
    for (Map<String, ? extends Number> row : localTrust.values()) {
      edges += row.size();
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    double[] w = new double[edges];
    int e = 0;
    for (Map.Entry<String, ? extends Map<String, ? extends Number>> row : localTrust.entrySet()) {
      for (Map.Entry<String, ? extends Number> cell : row.getValue().entrySet()) {
        from[e] = Arrays.binarySearch(ids, row.getKey());
        to[e] = Arrays.binarySearch(ids, cell.getKey());
        w[e] = Checks.notNull(cell.getValue(), "localTrust " + row.getKey() + " -> " + cell.getKey()).doubleValue();
        e++;
      }
    }
    double[] p = new double[ids.length];
    for (Map.Entry<String, ? extends Number> x : preTrust.entrySet()) {
      p[Arrays.binarySearch(ids, x.getKey())] = Checks.notNull(x.getValue(), "preTrust " + x.getKey()).doubleValue();
    }
    double[] t = compute(ids.length, from, to, w, p, alpha, DEFAULT_EPSILON, DEFAULT_MAX_ITERATIONS);
    TreeMap<String, Double> result = new TreeMap<>();
    for (int i = 0; i < ids.length; i++) {
      result.put(ids[i], t[i]);
    }
    return Collections.unmodifiableSortedMap(result);
  }
}
