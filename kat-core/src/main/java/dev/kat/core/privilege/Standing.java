package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

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
    activity = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.notNull(activity, "activity")));
    cycleActivity = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.notNull(cycleActivity, "cycleActivity")));
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
