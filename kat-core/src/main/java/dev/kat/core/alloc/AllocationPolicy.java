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
   * @return one entry per contributor; the entries sum to {@code budget} exactly, unless no contributor
   *     qualifies, in which case all entries are zero and the caller reports the budget as unallocated
   */
  long[] allocate(AllocationInput input, long budget);
}
