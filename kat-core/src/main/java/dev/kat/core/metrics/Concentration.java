package dev.kat.core.metrics;

import dev.kat.core.internal.Checks;
import java.util.Arrays;

/**
 * Concentration and inequality measures of a distribution of non-negative amounts (KAT per
 * contributor, credit per contributor …). Every function sorts a copy of its input, so the order in
 * which amounts are given never changes the result; the caller's array is not modified.
 *
 * <pre>
 *   Gini      G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2·n²·mean)  computed as  (2·Σₖ k·x₍ₖ₎) / (n·Σx) − (n + 1)/n
 *             over the amounts sorted ascending, k = 1 … n (the population form, no n − 1 correction)
 *   Nakamoto  the fewest holders whose combined amount reaches the threshold share of the total
 *   HHI       10 000 · Σᵢ sᵢ², sᵢ = xᵢ / Σx  (0 … 10 000; one holder of everything is 10 000)
 * </pre>
 *
 * <p>The Gini formula is the standard one for a finite population (Dorfman 1979); the sorted form
 * costs O(n log n) instead of O(n²). Sums of amounts are exact {@code long} sums; only the final
 * ratios are {@code double}.
 */
public final class Concentration {
  private Concentration() {}

  /**
   * The Gini coefficient of {@code amounts}: 0 when everyone holds the same, approaching 1 when one
   * holder has everything. 0 for an empty array or an all-zero total.
   *
   * @param amounts non-negative amounts
   * @throws IllegalArgumentException if an amount is negative
   */
  public static double gini(long... amounts) {
    long[] x = sortedCopy(amounts, "amounts");
    int n = x.length;
    long total = sum(x);
    if (n == 0 || total == 0) {
      return 0.0;
    }
    double weighted = 0;
    for (int k = 0; k < n; k++) {
      weighted += (k + 1) * (double) x[k];
    }
    return 2.0 * weighted / (n * (double) total) - (n + 1.0) / n;
  }

  /**
   * The Nakamoto coefficient of {@code amounts} at {@code threshold}: the smallest number of holders
   * whose combined amount is at least {@code threshold} of the total (e.g. 0.5: how many holders
   * together control half). 0 for an empty array or an all-zero total.
   *
   * @param threshold the share to reach, in (0, 1]
   * @param amounts non-negative amounts
   * @throws IllegalArgumentException if the threshold is outside (0, 1] or an amount is negative
   */
  public static int nakamoto(double threshold, long... amounts) {
    Checks.argument(threshold > 0 && threshold <= 1, "threshold (" + threshold + ") must be in (0, 1]");
    long[] x = sortedCopy(amounts, "amounts");
    long total = sum(x);
    if (total == 0) {
      return 0;
    }
    double target = threshold * (double) total;
    long acc = 0;
    int count = 0;
    for (int k = x.length - 1; k >= 0; k--) {
      acc += x[k];
      count++;
      if (acc >= target) {
        return count;
      }
    }
    return count;
  }

  /**
   * The Herfindahl–Hirschman index of {@code amounts} on the 0–10 000 scale: the sum of squared
   * percentage shares. Ten equal holders give 1 000; a single holder gives 10 000. 0 for an empty array
   * or an all-zero total.
   *
   * @param amounts non-negative amounts
   * @throws IllegalArgumentException if an amount is negative
   */
  public static double hhi(long... amounts) {
    long[] x = sortedCopy(amounts, "amounts");
    long total = sum(x);
    if (total == 0) {
      return 0.0;
    }
    double s = 0;
    for (long v : x) {
      double share = 100.0 * v / total;
      s += share * share;
    }
    return s;
  }

  /**
   * The share of the total held by each group: {@code result[g] = Σ amounts[i] for group[i] == g, / Σ
   * amounts}. All zeros when the total is zero.
   *
   * @param amounts non-negative amounts
   * @param group the group of each amount, in {@code [0, groups)}
   * @param groups the number of groups, &gt;= 0
   * @throws IllegalArgumentException if the arrays differ in length, an amount is negative or a group
   *     index is out of range
   */
  public static double[] shares(long[] amounts, int[] group, int groups) {
    Checks.notNull(amounts, "amounts");
    Checks.notNull(group, "group");
    Checks.argument(amounts.length == group.length,
        "amounts (" + amounts.length + ") and group (" + group.length + ") must have the same length");
    Checks.argument(groups >= 0, "groups (" + groups + ") must be >= 0");
    long[] byGroup = new long[groups];
    long total = 0;
    for (int i = 0; i < amounts.length; i++) {
      Checks.argument(amounts[i] >= 0, "amounts[" + i + "] (" + amounts[i] + ") must be >= 0");
      Checks.argument(group[i] >= 0 && group[i] < groups,
          "group[" + i + "] (" + group[i] + ") must be in [0, " + groups + ")");
      byGroup[group[i]] += amounts[i];
      total += amounts[i];
    }
    double[] out = new double[groups];
    if (total > 0) {
      for (int g = 0; g < groups; g++) {
        out[g] = byGroup[g] / (double) total;
      }
    }
    return out;
  }

  private static long[] sortedCopy(long[] amounts, String name) {
    Checks.notNull(amounts, name);
    long[] x = amounts.clone();
    for (int i = 0; i < x.length; i++) {
      Checks.argument(x[i] >= 0, name + "[" + i + "] (" + x[i] + ") must be >= 0");
    }
    Arrays.sort(x);
    return x;
  }

  private static long sum(long[] x) {
    long s = 0;
    for (long v : x) {
      s = Math.addExact(s, v);
    }
    return s;
  }
}
