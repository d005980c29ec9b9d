package dev.kat.core.alloc;

import dev.kat.core.internal.Checks;
import java.math.BigInteger;

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
   * Apportions {@code budget} over {@code weights} like {@link #apportion(long, long[])}, or gives every
   * part zero when no weight is positive (the caller then reports the budget as unallocated).
   */
  static long[] apportionOrNone(long budget, long[] weights) {
    for (long w : weights) {
      if (w > 0) {
        return apportion(budget, weights);
      }
    }
    return new long[weights.length];
  }

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
    }
    if (!small) {
      // The sum overflows a long, so remainders (below it) may too: the exact form, same rule and tie order.
      BigInteger[] big = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        big[i] = BigInteger.valueOf(weights[i]);
      }
      return apportion(budget, big);
    }
    BigInteger total = BigInteger.valueOf(totalLong);
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
      // Only parts with a positive weight can have a positive remainder, and fewer units are left than
      // there are positive remainders, so the winners are among them.
      int[] order = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (weights[i] > 0) {
          order[m++] = i;
        }
      }
      sortByRemainder(order, m, rem, weights);
      for (int k = 0; k < left; k++) {
        parts[order[k]]++;
      }
    }
    return parts;
  }

  /**
   * Sorts {@code idx[0..m)} into the tie order: larger remainder first, then larger weight, then lower
   * index. A bottom-up merge sort on primitive indices (no boxing); the order is total, so the result
   * does not depend on the algorithm.
   */
  private static void sortByRemainder(int[] idx, int m, long[] rem, long[] weights) {
    mergeSort(idx, m, (x, y) -> before(x, y, rem, weights));
  }

  private static boolean before(int x, int y, long[] rem, long[] weights) {
    if (rem[x] != rem[y]) {
      return rem[x] > rem[y];
    }
    if (weights[x] != weights[y]) {
      return weights[x] > weights[y];
    }
    return x < y;
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
      BigInteger w = weights[i];
      if (w == null) {
        throw new NullPointerException("weights[" + i + "] must not be null");
      }
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
      // As in the long form: the winners are among the positive weights, sorted into the tie order by a
      // merge sort of primitive indices (no boxed indices, one comparator call per comparison).
      int[] order = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (weights[i].signum() > 0) {
          order[m++] = i;
        }
      }
      mergeSort(order, m, (x, y) -> {
        int c = rem[x].compareTo(rem[y]);
        if (c != 0) {
          return c > 0;
        }
        c = weights[x].compareTo(weights[y]);
        return c != 0 ? c > 0 : x < y;
      });
      for (int k = 0; k < left; k++) {
        parts[order[k]]++;
      }
    }
    return parts;
  }

  /** Whether index {@code x} goes before index {@code y} in a total order. */
  private interface Before {
    boolean test(int x, int y);
  }

  /** Sorts {@code idx[0..m)} by {@code before}, a total order, with a bottom-up merge sort. */
  private static void mergeSort(int[] idx, int m, Before before) {
    int[] a = idx;
    int[] b = new int[m];
    for (int width = 1; width < m; width *= 2) {
      for (int lo = 0; lo < m; lo += 2 * width) {
        int mid = Math.min(lo + width, m);
        int hi = Math.min(lo + 2 * width, m);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = before.test(a[j], a[i]) ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    if (a != idx) {
      System.arraycopy(a, 0, idx, 0, m);
    }
  }

  private static boolean fits(long a, long b) {
    return Math.multiplyHigh(a, b) == 0 && a * b >= 0;
  }
}
