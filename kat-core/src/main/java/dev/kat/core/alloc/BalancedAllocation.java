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
