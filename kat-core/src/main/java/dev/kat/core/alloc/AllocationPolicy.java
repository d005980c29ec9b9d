package dev.kat.core.alloc;

import java.util.SortedMap;

/**
 * A way to split part of a cycle's KAT budget among contributors, always in integer base units.
 *
 * <p>Implementations must be pure and deterministic: the result depends only on the input arrays
 * (which are in canonical contributor order), never on a clock, a random source or hash order.
 */
public interface AllocationPolicy {

  /** A short stable name, e.g. {@code immediate}. */
  String name();

  /** The policy's parameters in canonical form (for the content hash and reports). */
  SortedMap<String, String> parameters();

  /**
   * Splits {@code budget} base units.
   *
   * @return one non-negative entry per contributor; the entries sum to at most {@code budget}. Policies
   *     that split the whole budget sum to it exactly whenever any contributor qualifies; a policy whose
   *     budget is a ceiling (such as a fixed rate) may pay less. The engine reports whatever is not paid
   *     as unallocated, so allocated plus unallocated always equals the budget.
   */
  long[] allocate(AllocationInput input, long budget);
}
