package dev.kat.core.alloc;

import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Catch-up allocation: pays those furthest below their fair share of everything paid so far plus this
 * budget, where the fair share follows lifetime credit (earlier cycles plus this one).
 *
 * <pre>
 *   Lᵢ = lifetime credit of i, this cycle included        L = Σ Lᵢ
 *   Pᵢ = KAT paid to i in earlier cycles                   P = Σ Pᵢ,   B = budget
 *   targetᵢ = Lᵢ/L · (P + B)
 *   underpaidᵢ = max(0, targetᵢ − Pᵢ)
 *   KATᵢ = B · underpaidᵢ / Σ underpaid                    (largest remainder)
 * </pre>
 *
 * <p>This is SourceCred's "balanced" policy. The underpayments are computed exactly as
 * {@code max(0, Lᵢ·(P+B) − Pᵢ·L)} in {@link BigInteger} (the common factor {@code 1/L} does not change
 * the proportions), so no rounding happens before the one largest-remainder split. Since the
 * underpayments sum to at least {@code B}, nobody is paid above their target.
 */
public final class BalancedAllocation implements AllocationPolicy {
  static final BalancedAllocation INSTANCE = new BalancedAllocation();

  private BalancedAllocation() {}

  @Override
  public String name() {
    return "balanced";
  }

  @Override
  public SortedMap<String, String> parameters() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }

  @Override
  public long[] allocate(AllocationInput input, long budget) {
    int n = input.size();
    if (budget == 0) {
      return new long[n];
    }
    long[] under = underpaidInLongs(input, budget);
    if (under == null) {
      return exact(input, budget);
    }
    for (long u : under) {
      if (u > 0) {
        return LargestRemainder.apportion(budget, under);
      }
    }
    return new long[n];
  }

  /**
   * The underpayments {@code max(0, Lᵢ·(P+B) − Pᵢ·L)} computed in {@code long}s, or null if any term or
   * their sum does not fit one (then {@link #exact} computes them in {@link BigInteger}). The same integers, so the same
   * split ({@link LargestRemainder#apportion(long, long[])} follows the same rule and tie order as its
   * {@code BigInteger} form); for a community's usual totals this avoids a few {@code BigInteger}s per
   * contributor. All zero when no lifetime credit exists.
   */
  private static long[] underpaidInLongs(AllocationInput input, long budget) {
    int n = input.size();
    long[] credit = input.credit();
    long[] lifetimeCredit = input.lifetimeCredit();
    long[] lifetimeKat = input.lifetimeKat();
    long[] lifetime = new long[n];
    long totalCredit = 0;
    long paid = 0;
    try {
      for (int i = 0; i < n; i++) {
        lifetime[i] = Math.addExact(lifetimeCredit[i], credit[i]);
        totalCredit = Math.addExact(totalCredit, lifetime[i]);
        paid = Math.addExact(paid, lifetimeKat[i]);
      }
      long[] under = new long[n];
      if (totalCredit == 0) {
        return under;
      }
      long everPaid = Math.addExact(paid, budget);
      // their sum must fit too: LargestRemainder keeps the remainders (below the sum) in longs
      long sum = 0;
      for (int i = 0; i < n; i++) {
        long u = Math.subtractExact(Math.multiplyExact(lifetime[i], everPaid),
            Math.multiplyExact(lifetimeKat[i], totalCredit));
        under[i] = Math.max(u, 0);
        sum = Math.addExact(sum, under[i]);
      }
      return under;
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  /** {@link #allocate} with every underpayment computed in {@link BigInteger}. */
  static long[] exact(AllocationInput input, long budget) {
    int n = input.size();
    if (budget == 0) {
      return new long[n];
    }
    BigInteger totalCredit = BigInteger.ZERO;
    BigInteger paid = BigInteger.ZERO;
    BigInteger[] lifetime = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      lifetime[i] = BigInteger.valueOf(input.lifetimeCredit()[i]).add(BigInteger.valueOf(input.credit()[i]));
      totalCredit = totalCredit.add(lifetime[i]);
      paid = paid.add(BigInteger.valueOf(input.lifetimeKat()[i]));
    }
    if (totalCredit.signum() == 0) {
      return new long[n];
    }
    BigInteger everPaid = paid.add(BigInteger.valueOf(budget));
    BigInteger[] under = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      BigInteger u = lifetime[i].multiply(everPaid)
          .subtract(BigInteger.valueOf(input.lifetimeKat()[i]).multiply(totalCredit));
      under[i] = u.signum() > 0 ? u : BigInteger.ZERO;
    }
    return LargestRemainder.apportion(budget, under);
  }

  @Override
  public String toString() {
    return "balanced";
  }
}
