package dev.kat.core.alloc;

import dev.kat.core.internal.Checks;

/**
 * One allocation policy and its share of the budget. Several shares split one budget by their weights
 * (the split itself is by largest remainder, so it is exact), e.g. 80 recent + 20 balanced.
 *
 * @param policy the policy
 * @param weight its relative share, &gt; 0
 */
public record AllocationShare(AllocationPolicy policy, long weight) {

  /** Validates the fields. */
  public AllocationShare {
    Checks.notNull(policy, "policy");
    Checks.argument(weight > 0, "allocation share weight (" + weight + ") must be > 0");
  }
}
