package dev.kat.core.alloc;

/** Factories for the built-in allocation policies. */
public final class Allocations {
  private Allocations() {}

  /** This cycle's credit (weighted by karma influence, if any) decides the split. */
  public static AllocationPolicy immediate() {
    return ImmediateAllocation.INSTANCE;
  }

  /**
   * Credit decayed by the policy's discount per cycle decides the split (see {@link RecentAllocation}).
   */
  public static AllocationPolicy recent() {
    return RecentAllocation.INSTANCE;
  }

  /** Catch-up towards each contributor's share of lifetime credit (see {@link BalancedAllocation}). */
  public static AllocationPolicy balanced() {
    return BalancedAllocation.INSTANCE;
  }

  /**
   * A fixed number of base units per credit, this share of the budget being the ceiling (see
   * {@link FixedRateAllocation}).
   *
   * @param katPerCredit base units per unit of credit, &gt; 0
   * @throws IllegalArgumentException if the rate is not positive
   */
  public static AllocationPolicy fixedRate(long katPerCredit) {
    return new FixedRateAllocation(katPerCredit);
  }
}
