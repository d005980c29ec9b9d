package dev.kat.core.engine;

import dev.kat.core.internal.Checks;

/**
 * What is carried for one contributor from cycle to cycle, in micro-units (KAT in base units).
 *
 * @param contributor the contributor's id
 * @param karma karma after the last cycle
 * @param lifetimeCredit credit earned over all finalized cycles
 * @param lifetimeKat KAT received over all finalized cycles
 * @param decayedCredit credit decayed by the policy's discount per cycle ({@code Σ cₙ·(1−d)ⁿ}), as of the
 *     last cycle
 */
public record ContributorState(String contributor, long karma, long lifetimeCredit, long lifetimeKat,
    long decayedCredit) {

  /** Validates the fields. */
  public ContributorState {
    Checks.notBlank(contributor, "contributor");
    Checks.nonNegative(lifetimeCredit, "lifetimeCredit");
    Checks.nonNegative(lifetimeKat, "lifetimeKat");
    Checks.nonNegative(decayedCredit, "decayedCredit");
  }

  /** A state without decayed credit history. */
  public ContributorState(String contributor, long karma, long lifetimeCredit, long lifetimeKat) {
    this(contributor, karma, lifetimeCredit, lifetimeKat, 0);
  }
}
