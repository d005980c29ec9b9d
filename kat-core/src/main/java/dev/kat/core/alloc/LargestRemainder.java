package dev.kat.core.alloc;

import dev.kat.core.internal.Checks;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an integer budget in proportion to integer weights by the largest-remainder (Hamilton) method.
 *
 * <p>Each part first receives {@code floor(budget·wᵢ/W)}; the units left over go one each to the parts
 * with the largest remainders {@code budget·wᵢ mod W}. Ties are broken deterministically: larger remainder
 * first, then larger weight, then lower index. Callers pass parts in a canonical order (KAT sorts
 * contributors by id), so the tie order is "contributor id ascending". The parts always sum to the budget
 * exactly when the total weight is positive. Products are taken in 128-bit arithmetic, so no weight or
 * budget that fits a {@code long} can overflow.
 */
public final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * Apportions {@code budget} over {@code weights}.
   *
   * @param budget units to split, &gt;= 0
   * @param weights non-negative weights; their sum must be positive
   * @return the parts, summing to {@code budget}
   * @throws IllegalArgumentException if the budget or a weight is negative, or all weights are zero
   */
  public static long[] apportion(long budget, long[] weights) {
    Checks.nonNegative(budget, "budget");
    Checks.notNull(weights, "weights");
    int n = weights.length;
    BigInteger total = BigInteger.ZERO;
    long totalLong = 0;
    boolean small = true;
    for (int i = 0; i < n; i++) {
      long w = weights[i];
      if (w < 0) {
        throw new IllegalArgumentException("weights[" + i + "] (" + w + ") must be >= 0");
      }
      if (small) {
        long t = totalLong + w;
        if (t < 0) {
          small = false;
        } else {
          totalLong = t;
        }
      }
      total = total.add(BigInteger.valueOf(w));
    }
    Checks.argument(total.signum() > 0, "weights must not all be zero (total weight is 0)");
    long[] parts = new long[n];
    long[] rem = new long[n];
    long assigned = 0;
    BigInteger b = BigInteger.valueOf(budget);
    for (int i = 0; i < n; i++) {
      long w = weights[i];
      if (w == 0) {
        continue;
      }
      if (small && fits(budget, w)) {
        long prod = budget * w;
        parts[i] = prod / totalLong;
        rem[i] = prod % totalLong;
      } else {
        BigInteger[] qr = b.multiply(BigInteger.valueOf(w)).divideAndRemainder(total);
        parts[i] = qr[0].longValueExact();
        rem[i] = qr[1].longValueExact();
      }
      assigned += parts[i];
    }
    long left = budget - assigned;
    if (left > 0) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> {
        int c = Long.compare(rem[y], rem[x]);
        if (c != 0) {
          return c;
        }
        c = Long.compare(weights[y], weights[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      for (int k = 0; k < left; k++) {
        parts[order[k]]++;
      }
    }
    return parts;
  }

  /**
   * Apportions {@code budget} over arbitrarily large weights, with the same rule and tie order as
   * {@link #apportion(long, long[])}; used where exact weights are products that may not fit a long.
   *
   * @param budget units to split, &gt;= 0
   * @param weights non-negative weights; their sum must be positive
   * @return the parts, summing to {@code budget}
   * @throws IllegalArgumentException if the budget or a weight is negative, or all weights are zero
   */
  public static long[] apportion(long budget, BigInteger[] weights) {
    Checks.nonNegative(budget, "budget");
    Checks.notNull(weights, "weights");
    int n = weights.length;
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      BigInteger w = Checks.notNull(weights[i], "weights[" + i + "]");
      if (w.signum() < 0) {
        throw new IllegalArgumentException("weights[" + i + "] (" + w + ") must be >= 0");
      }
      total = total.add(w);
    }
    Checks.argument(total.signum() > 0, "weights must not all be zero (total weight is 0)");
    long[] parts = new long[n];
    BigInteger[] rem = new BigInteger[n];
    long assigned = 0;
    BigInteger b = BigInteger.valueOf(budget);
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = b.multiply(weights[i]).divideAndRemainder(total);
      parts[i] = qr[0].longValueExact();
      rem[i] = qr[1];
      assigned += parts[i];
    }
    long left = budget - assigned;
    if (left > 0) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> {
        int c = rem[y].compareTo(rem[x]);
        if (c != 0) {
          return c;
        }
        c = weights[y].compareTo(weights[x]);
        return c != 0 ? c : Integer.compare(x, y);
      });
      for (int k = 0; k < left; k++) {
        parts[order[k]]++;
      }
    }
    return parts;
  }

  private static boolean fits(long a, long b) {
    return Math.multiplyHigh(a, b) == 0 && a * b >= 0;
  }
}
