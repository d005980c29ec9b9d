package dev.kat.core.alloc;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits the budget in proportion to decayed credit, by largest remainder: recent work counts fully,
 * older work less and less.
 *
 * <p>Decayed credit is carried from cycle to cycle by the engine with the policy's discount {@code d}
 * ({@link dev.kat.core.policy.Policy#creditDiscount()}):
 *
 * <pre>
 *   D(t) = D(t−1)·(1−d)^Δ + c(t)        Δ = cycles since the prior state
 *        = Σ cₙ·(1−d)ⁿ                  n = cycles before this one
 * </pre>
 *
 * each step rounded half-even to a micro-unit. This is SourceCred's "recent" policy
 * ({@code decayed = cred.reduce((acc, c) => acc·(1−discount) + c)}), with cycles in place of weeks.
 */
public final class RecentAllocation implements AllocationPolicy {
  static final RecentAllocation INSTANCE = new RecentAllocation();

  private RecentAllocation() {}

  @Override
  public String name() {
    return "recent";
  }

  @Override
  public SortedMap<String, String> parameters() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }

  @Override
  public long[] allocate(AllocationInput input, long budget) {
    return LargestRemainder.apportionOrNone(budget, input.decayedCredit());
  }

  @Override
  public String toString() {
    return "recent";
  }
}
