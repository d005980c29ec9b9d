package dev.kat.core.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EigenTrustGuardrailTest {

  /** Random sessions and approvals, with repeated pairs so that merged edges carry weights above one. */
  private static ContributionBatch batch(long seed, int people, int records) {
    Random rnd = new Random(seed);
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      String host = "p" + rnd.nextInt(people);
      Contribution.Builder c = Fixtures.session("r" + i, host, "p" + rnd.nextInt(people / 4 + 1),
          Fixtures.at(1 + rnd.nextInt(28), rnd.nextInt(24)));
      for (int k = rnd.nextInt(3); k > 0; k--) {
        c.approvedBy("p" + rnd.nextInt(people));
      }
      out.add(c.build());
    }
    return KatEngine.of(Fixtures.policy()).newBatch(Fixtures.CYCLE).addAll(out).build();
  }

  @Test
  void trust_isBitForBitTheComputeResultOverTheSameEdges() {
    for (long seed = 0; seed < 6; seed++) {
      ContributionBatch b = batch(seed, 40 + 30 * (int) seed, 400);
      PairGraph g = PairGraph.of(b, true, true);
      int people = b.people();
      double[] p = new double[people];
      for (int i = 0; i < people; i += 3) {
        p[i] = 1 + i % 5;
      }
      double[] ones = new double[g.edges];
      Arrays.fill(ones, 1.0);
      int[] other = new int[g.edges];
      int[] contributor = new int[g.edges];
      for (int q = 0; q < g.pairCount(); q++) {
        for (int e = g.pairStart[q]; e < g.pairStart[q + 1]; e++) {
          other[e] = g.other(q, e);
          contributor[e] = g.contributor(q, e);
        }
      }
      double[] expected = EigenTrust.compute(people, other, contributor, ones, p, 0.15, 1e-5, 1000);
      assertArrayEquals(expected, EigenTrustGuardrail.trust(g, people, p, 0.15), "seed " + seed);
      assertArrayEquals(reference(people, other, contributor, g.edges, p, 0.15, 1e-5, 1000), expected,
          "seed " + seed);
    }
  }

  @Test
  void compute_weightedEdgesMatchThePlainPowerIteration() {
    Random rnd = new Random(7);
    int peers = 50;
    int m = 600;
    int[] from = new int[m];
    int[] to = new int[m];
    double[] w = new double[m];
    for (int e = 0; e < m; e++) {
      from[e] = rnd.nextInt(peers);
      to[e] = rnd.nextInt(peers);
      w[e] = e % 4 == 0 ? 0.25 + rnd.nextInt(7) : 1.0;
    }
    double[] p = new double[peers];
    p[0] = 1;
    p[7] = 2;
    double[] t = EigenTrust.compute(peers, from, to, w, p, 0.2, 1e-9, 1000);
    double[] ref = referenceWeighted(peers, from, to, w, p, 0.2, 1e-9, 1000);
    assertArrayEquals(ref, t);
    assertTrue(Arrays.stream(t).sum() > 0.99);
  }

  private static double[] reference(int peers, int[] from, int[] to, int edges, double[] p, double alpha,
      double eps, int max) {
    double[] w = new double[edges];
    Arrays.fill(w, 1.0);
    return referenceWeighted(peers, Arrays.copyOf(from, edges), Arrays.copyOf(to, edges), w, p, alpha, eps, max);
  }

  /**
   * The plain algorithm: merge parallel edges (weights summed in ascending order), normalise rows, and
   * iterate with every inflow term rounded to 2^-60 fixed point.
   */
  private static double[] referenceWeighted(int peers, int[] from, int[] to, double[] weight, double[] preTrust,
      double alpha, double eps, int max) {
    double one = 0x1p60;
    double pSum = 0;
    for (double v : preTrust) {
      pSum += v;
    }
    double[] p = new double[peers];
    for (int i = 0; i < peers; i++) {
      p[i] = preTrust[i] / pSum;
    }
    java.util.TreeMap<Long, List<Double>> merged = new java.util.TreeMap<>();
    for (int e = 0; e < from.length; e++) {
      long key = ((long) to[e] << 32) | from[e];
      merged.computeIfAbsent(key, k -> new ArrayList<>()).add(weight[e]);
    }
    double[] out = new double[peers];
    List<long[]> edges = new ArrayList<>();
    List<Double> ws = new ArrayList<>();
    for (var x : merged.entrySet()) {
      List<Double> list = x.getValue();
      list.sort(null);
      double sum = 0;
      for (double v : list) {
        sum += v;
      }
      int src = (int) (long) x.getKey();
      out[src] += sum;
      edges.add(new long[] {src, x.getKey() >>> 32});
      ws.add(sum);
    }
    double[] t = p.clone();
    for (int it = 0; it < max; it++) {
      long[] next = new long[peers];
      long dangling = 0;
      for (int i = 0; i < peers; i++) {
        if (!(out[i] > 0)) {
          dangling += (long) (t[i] * one);
        }
      }
      for (int i = 0; i < edges.size(); i++) {
        int src = (int) edges.get(i)[0];
        double c = ws.get(i) / out[src];
        next[(int) edges.get(i)[1]] += (long) (c * t[src] * one);
      }
      double diff = 0;
      for (int j = 0; j < peers; j++) {
        double v = (1 - alpha) * (next[j] / one + dangling / one * p[j]) + alpha * p[j];
        diff += Math.abs(v - t[j]);
        t[j] = v;
      }
      if (diff <= eps) {
        break;
      }
    }
    return t;
  }
}
