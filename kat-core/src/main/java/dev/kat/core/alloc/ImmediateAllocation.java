package dev.kat.core.alloc;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Splits the budget in proportion to this cycle's (karma-weighted) credit, by largest remainder. */
public final class ImmediateAllocation implements AllocationPolicy {
  static final ImmediateAllocation INSTANCE = new ImmediateAllocation();

  private ImmediateAllocation() {}

  @Override
  public String name() {
    return "immediate";
  }

  @Override
  public SortedMap<String, String> parameters() {
    return Collections.unmodifiableSortedMap(new TreeMap<>());
  }

  @Override
  public long[] allocate(AllocationInput input, long budget) {
    return LargestRemainder.apportionOrNone(budget, input.weight());
  }

  @Override
  public String toString() {
    return "immediate";
  }
}
