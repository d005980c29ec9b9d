package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.FrozenSortedMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is carried for one contributor from cycle to cycle, in micro-units (KAT in base units).
 *
 * @param contributor the contributor's id
 * @param karma karma after the last cycle
 * @param lifetimeCredit credit earned over all finalized cycles
 * @param lifetimeKat KAT received over all finalized cycles
 * @param decayedCredit credit decayed by the policy's discount per cycle ({@code Σ cₙ·(1−d)ⁿ}), as of the
 *     last cycle
 * @param activity validated records (accepted, positive final credit) by category over all finalized cycles
 * @param privileges privileges and badges held after the last cycle: privilege id to the sequence of the
 *     cycle since which it has been held
 */
public record ContributorState(String contributor, long karma, long lifetimeCredit, long lifetimeKat,
    long decayedCredit, SortedMap<String, Long> activity, SortedMap<String, Long> privileges) {

  /** Validates the fields. */
  public ContributorState {
    Checks.notBlank(contributor, "contributor");
    Checks.nonNegative(lifetimeCredit, "lifetimeCredit");
    Checks.nonNegative(lifetimeKat, "lifetimeKat");
    Checks.nonNegative(decayedCredit, "decayedCredit");
    // Copies unless the map is already a frozen copy, which can be shared between states.
    activity = FrozenSortedMap.copyOf(Checks.notNull(activity, "activity"));
    privileges = FrozenSortedMap.copyOf(Checks.notNull(privileges, "privileges"));
  }

  /** A state with decayed credit and no activity or privileges. */
  public ContributorState(String contributor, long karma, long lifetimeCredit, long lifetimeKat, long decayedCredit) {
    this(contributor, karma, lifetimeCredit, lifetimeKat, decayedCredit, new TreeMap<>(), new TreeMap<>());
  }

  /** A state without decayed credit history. */
  public ContributorState(String contributor, long karma, long lifetimeCredit, long lifetimeKat) {
    this(contributor, karma, lifetimeCredit, lifetimeKat, 0);
  }
}
