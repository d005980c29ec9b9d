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
      selectFirst(order, m, (int) left, (x, y) -> before(x, y, rem, weights));
      for (int k = 0; k < left; k++) {
        parts[order[k]]++;
      }
    }
    return parts;
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
      // Each remainder's top 63 bits as a long (remainders are below the total): comparing those settles
      // nearly every pair, and only equal tops compare the exact remainders.
      int shift = Math.max(0, total.bitLength() - 63);
      long[] top = new long[n];
      for (int k = 0; k < m; k++) {
        int i = order[k];
        top[i] = (shift == 0 ? rem[i] : rem[i].shiftRight(shift)).longValue();
      }
      selectFirst(order, m, (int) left, (x, y) -> {
        if (top[x] != top[y]) {
          return top[x] > top[y];
        }
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

  /** Insertion sort below this many indices; quickselect above. */
  private static final int SMALL = 16;

  /**
   * Moves the {@code k} indices that come first in the total order {@code before} among {@code idx[0..m)}
   * to {@code idx[0..k)}, in no particular order (each of them gets one more unit, so only the set
   * matters, and a total order makes that set unique). Quickselect with a median-of-three pivot, expected
   * linear where a sort would take {@code m log m} comparisons; a range still large after about
   * {@code 2 log m} rounds (an adversarial order of inputs) is merge-sorted instead, so the worst case
   * stays {@code m log m}.
   */
  private static void selectFirst(int[] idx, int m, int k, Before before) {
    int lo = 0;
    int hi = m;
    int rounds = 2 * (32 - Integer.numberOfLeadingZeros(m)) + 4;
    // Invariant: idx[0..lo) all come before idx[lo..hi), which all come before idx[hi..m).
    while (hi - lo > SMALL && lo < k && k < hi) {
      if (rounds-- == 0) {
        sortRange(idx, lo, hi, before);
        return;
      }
      int mid = lo + (hi - lo) / 2;
      // median of three to idx[lo]: idx[lo] <= idx[mid] <= idx[hi - 1] in the order, then swap mid to lo
      if (before.test(idx[mid], idx[lo])) {
        swap(idx, mid, lo);
      }
      if (before.test(idx[hi - 1], idx[mid])) {
        swap(idx, hi - 1, mid);
        if (before.test(idx[mid], idx[lo])) {
          swap(idx, mid, lo);
        }
      }
      swap(idx, lo, mid);
      int pivot = idx[lo];
      // Indices are distinct and the order total, so every other index is strictly before or after the pivot.
      int i = lo + 1;
      int j = hi - 1;
      while (true) {
        while (i <= j && before.test(idx[i], pivot)) {
          i++;
        }
        while (i <= j && before.test(pivot, idx[j])) {
          j--;
        }
        if (i >= j) {
          break;
        }
        swap(idx, i++, j--);
      }
      // idx[lo + 1 .. i) come before the pivot, idx[i .. hi) after it; put the pivot at i - 1
      swap(idx, lo, i - 1);
      int p = i - 1;
      if (k <= p) {
        hi = p;
      } else if (k > p + 1) {
        lo = p + 1;
      } else {
        return;
      }
    }
    for (int a = lo + 1; a < hi; a++) {
      int x = idx[a];
      int b = a - 1;
      while (b >= lo && before.test(x, idx[b])) {
        idx[b + 1] = idx[b];
        b--;
      }
      idx[b + 1] = x;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** Sorts {@code idx[lo..hi)} by {@code before}, a total order, with a bottom-up merge sort. */
  private static void sortRange(int[] idx, int lo, int hi, Before before) {
    int m = hi - lo;
    int[] a = Arrays.copyOfRange(idx, lo, hi);
    int[] b = new int[m];
    for (int width = 1; width < m; width *= 2) {
      for (int from = 0; from < m; from += 2 * width) {
        int mid = Math.min(from + width, m);
        int to = Math.min(from + 2 * width, m);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
          b[k++] = before.test(a[j], a[i]) ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < to) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    System.arraycopy(a, 0, idx, lo, m);
  }

  private static boolean fits(long a, long b) {
    return Math.multiplyHigh(a, b) == 0 && a * b >= 0;
  }
}
