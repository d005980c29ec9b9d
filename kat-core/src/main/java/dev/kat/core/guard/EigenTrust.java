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
 * <p>Deterministic and independent of edge order: parallel edges are merged with their weights summed
 * in sorted order, and every sum runs in a fixed order.
 */
public final class EigenTrust {
  /** The default convergence bound on the L1 change of one iteration. */
  public static final double DEFAULT_EPSILON = 1e-12;
  /** The default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 10_000;

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
    double[] p = new double[peers];
    for (int i = 0; i < peers; i++) {
      p[i] = preTrust[i] / pSum;
    }
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
    // Merge parallel edges: unique keys, weights summed in sorted order.
    long[] uniq = keys.clone();
    Arrays.sort(uniq);
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (u == 0 || uniq[u - 1] != uniq[i]) {
        uniq[u++] = uniq[i];
      }
    }
    uniq = Arrays.copyOf(uniq, u);
    int[] start = new int[u + 1];
    int[] at = new int[m];
    for (int e = 0; e < m; e++) {
      at[e] = Arrays.binarySearch(uniq, keys[e]);
      start[at[e] + 1]++;
    }
    for (int i = 0; i < u; i++) {
      start[i + 1] += start[i];
    }
    double[] grouped = new double[m];
    int[] fill = Arrays.copyOf(start, u);
    for (int e = 0; e < m; e++) {
      grouped[fill[at[e]]++] = weight[e];
    }
    double[] w = new double[u];
    for (int i = 0; i < u; i++) {
      Arrays.sort(grouped, start[i], start[i + 1]);
      double s = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        s += grouped[j];
      }
      w[i] = s;
    }
    double[] out = new double[peers];
    for (int i = 0; i < u; i++) {
      out[(int) (uniq[i] >>> 32)] += w[i];
    }
    int[] src = new int[u];
    int[] dst = new int[u];
    double[] c = new double[u];
    for (int i = 0; i < u; i++) {
      src[i] = (int) (uniq[i] >>> 32);
      dst[i] = (int) uniq[i];
      c[i] = out[src[i]] > 0 ? w[i] / out[src[i]] : 0;
    }
    double[] t = p.clone();
    double[] next = new double[peers];
    for (int it = 0; it < maxIterations; it++) {
      Arrays.fill(next, 0.0);
      double dangling = 0;
      for (int i = 0; i < peers; i++) {
        if (!(out[i] > 0)) {
          dangling += t[i];
        }
      }
      for (int i = 0; i < u; i++) {
        next[dst[i]] += c[i] * t[src[i]];
      }
      double diff = 0;
      for (int j = 0; j < peers; j++) {
        double v = (1 - alpha) * (next[j] + dangling * p[j]) + alpha * p[j];
        diff += Math.abs(v - t[j]);
        next[j] = v;
      }
      double[] tmp = t;
      t = next;
      next = tmp;
      if (diff <= epsilon) {
        break;
      }
    }
    return t;
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
