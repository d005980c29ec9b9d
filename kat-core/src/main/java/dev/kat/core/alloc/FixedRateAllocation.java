package dev.kat.core.alloc;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pays a fixed number of KAT base units per unit of (karma-weighted) credit, with this share of the
 * budget as the cycle's ceiling.
 *
 * <pre>
 *   demandᵢ = floor(weightᵢ · rate)          weight in credit units, rate in base units per credit
 *   KATᵢ = demandᵢ                           if Σ demand ≤ B
 *   KATᵢ = B · weightᵢ / Σ weight            otherwise (largest remainder: the ceiling binds)
 * </pre>
 *
 * <p>When the ceiling does not bind, {@code B − Σ demand} stays unallocated and the result reports it;
 * this is the only built-in policy that may pay less than its budget. Like SourceCred's "immediate"
 * policy with a fixed grain-per-cred price instead of a fixed budget.
 */
public final class FixedRateAllocation implements AllocationPolicy {
  private final long katPerCredit;

  /**
   * A fixed-rate policy.
   *
   * @param katPerCredit KAT base units per unit of credit, &gt; 0
   * @throws IllegalArgumentException if the rate is not positive
   */
  public FixedRateAllocation(long katPerCredit) {
    Checks.argument(katPerCredit > 0, "katPerCredit (" + katPerCredit + ") must be > 0");
    this.katPerCredit = katPerCredit;
  }

  /** KAT base units paid per unit of credit. */
  public long katPerCredit() {
    return katPerCredit;
  }

  @Override
  public String name() {
    return "fixed-rate";
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("katPerCredit", Long.toString(katPerCredit));
    return Collections.unmodifiableSortedMap(m);
  }

  @Override
  public long[] allocate(AllocationInput input, long budget) {
    int n = input.size();
    long[] demand = new long[n];
    BigInteger total = BigInteger.ZERO;
    BigInteger rate = BigInteger.valueOf(katPerCredit);
    BigInteger scale = BigInteger.valueOf(Fixed.SCALE);
    for (int i = 0; i < n; i++) {
      BigInteger d = BigInteger.valueOf(input.weight()[i]).multiply(rate).divide(scale);
      total = total.add(d);
      demand[i] = d.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }
    if (total.compareTo(BigInteger.valueOf(budget)) <= 0) {
      return demand;
    }
    return LargestRemainder.apportionOrNone(budget, input.weight());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FixedRateAllocation && ((FixedRateAllocation) o).katPerCredit == katPerCredit;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(katPerCredit);
  }

  @Override
  public String toString() {
    return "fixed-rate(" + katPerCredit + " per credit)";
  }
}
