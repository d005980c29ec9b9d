package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.FrozenSortedMap;
import java.util.SortedMap;

/**
 * What privilege rules see of one contributor after a cycle. Credit and karma in micro-units, KAT in base
 * units, activity as counts of validated records (accepted, with positive final credit) by category.
 *
 * @param contributor the contributor
 * @param lifetimeKat KAT over all cycles, this one included
 * @param karma karma after this cycle
 * @param lifetimeCredit credit over all cycles, this one included
 * @param cycleCredit credit this cycle
 * @param cycleKat KAT this cycle
 * @param activity validated records by category over all cycles, this one included
 * @param cycleActivity validated records by category this cycle
 */
public record Standing(String contributor, long lifetimeKat, long karma, long lifetimeCredit, long cycleCredit,
    long cycleKat, SortedMap<String, Long> activity, SortedMap<String, Long> cycleActivity) {

  /** Validates and copies the fields. */
  public Standing {
    Checks.notBlank(contributor, "contributor");
    // Copies unless the map is already a frozen copy (the engine hands over frozen maps).
    activity = FrozenSortedMap.copyOf(Checks.notNull(activity, "activity"));
    cycleActivity = FrozenSortedMap.copyOf(Checks.notNull(cycleActivity, "cycleActivity"));
  }

  /** Validated records in {@code category} over all cycles. */
  public long activity(String category) {
    return activity.getOrDefault(category, 0L);
  }

  /** Validated records in {@code category} this cycle. */
  public long cycleActivity(String category) {
    return cycleActivity.getOrDefault(category, 0L);
  }
}
