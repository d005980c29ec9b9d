package dev.kat.core.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class EigenTrustTest {

  /** The three-peer example: ek→sd 100, vm→sd 100, ek→vm 75; pre-trust ek 50, vm 100; a = 0.5. */
  @Test
  void compute_publishedThreePeerExample_reproducesExactFractions() {
    SortedMap<String, Double> t = EigenTrust.compute(
        Map.of("ek", Map.of("sd", 100, "vm", 75), "vm", Map.of("sd", 100)),
        Map.of("ek", 50, "vm", 100), 0.5);
    assertEquals(28.0 / 129.0, t.get("ek"), 1e-12);
    assertEquals(39.0 / 129.0, t.get("sd"), 1e-12);
    assertEquals(62.0 / 129.0, t.get("vm"), 1e-12);
  }

  @Test
  void compute_edgeOrder_doesNotChangeTheResult() {
    int[] from = {0, 2, 0, 0};
    int[] to = {1, 1, 2, 1};
    double[] w = {60, 100, 75, 40};
    double[] p = {50, 0, 100};
    double[] a = EigenTrust.compute(3, from, to, w, p, 0.5, 1e-15, 1000);
    double[] b = EigenTrust.compute(3, new int[] {0, 0, 2, 0}, new int[] {1, 2, 1, 1}, new double[] {40, 75, 100, 60},
        p, 0.5, 1e-15, 1000);
    assertArrayEquals(a, b, 0.0);
    assertEquals(39.0 / 129.0, a[1], 1e-12);
  }

  @Test
  void compute_isolatedClusterWithoutPreTrust_getsNothing() {
    // 0 is pre-trusted and trusts 1; 2 and 3 trust only each other.
    double[] t = EigenTrust.compute(4, new int[] {0, 2, 3}, new int[] {1, 3, 2}, new double[] {1, 1, 1},
        new double[] {1, 0, 0, 0}, 0.15, 1e-15, 10_000);
    assertEquals(0.0, t[2], 0.0);
    assertEquals(0.0, t[3], 0.0);
    assertEquals(1.0, t[0] + t[1], 1e-12);
  }

  @Test
  void compute_badArguments_failWithNamedParameter() {
    double[] p = {1};
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EigenTrust.compute(1, new int[0], new int[0], new double[0], p, 0, 1e-9, 10)).getMessage().contains("alpha (0.0)"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EigenTrust.compute(1, new int[0], new int[0], new double[0], new double[] {0}, 0.5, 1e-9, 10))
        .getMessage().contains("preTrust"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EigenTrust.compute(1, new int[] {0}, new int[] {1}, new double[] {1}, p, 0.5, 1e-9, 10))
        .getMessage().contains("trustee[0] (1)"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EigenTrust.compute(1, new int[] {0}, new int[] {0}, new double[] {-1}, p, 0.5, 1e-9, 10))
        .getMessage().contains("weight[0] (-1.0)"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> EigenTrust.compute(0, new int[0], new int[0], new double[0], p, 0.5, 1e-9, 10))
        .getMessage().contains("peers (0)"));
  }
}
