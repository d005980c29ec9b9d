package dev.kat.core.alloc;

import dev.kat.core.internal.Checks;
import java.util.List;

/**
 * What an allocation policy sees: the cycle's contributors in canonical (id) order with their figures,
 * all in micro-units. Arrays are indexed like {@link #contributors()} and must not be modified.
 *
 * @param contributors contributor ids, sorted ascending
 * @param credit this cycle's credit after guardrails and caps
 * @param weight credit raised by karma influence (equal to credit when influence is 0)
 * @param karma karma after this cycle
 * @param lifetimeCredit credit earned in all earlier cycles
 * @param lifetimeKat KAT paid in all earlier cycles, in base units
 * @param decayedCredit credit decayed by the policy's discount per cycle, this cycle included:
 *     {@code Σ cₙ·(1−d)ⁿ} where {@code n} counts cycles back from this one
 */
public record AllocationInput(
    List<String> contributors,
    long[] credit,
    long[] weight,
    long[] karma,
    long[] lifetimeCredit,
    long[] lifetimeKat,
    long[] decayedCredit) {

  /** Validates that every array has one entry per contributor. */
  public AllocationInput {
    contributors = List.copyOf(contributors);
    int n = contributors.size();
    for (long[] a : new long[][] {credit, weight, karma, lifetimeCredit, lifetimeKat, decayedCredit}) {
      Checks.argument(a != null && a.length == n, "every array must have " + n + " entries");
    }
  }

  /** The number of contributors. */
  public int size() {
    return contributors.size();
  }
}
