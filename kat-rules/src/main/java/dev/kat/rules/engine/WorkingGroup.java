package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fact a working-group rule sees: one working group's accepted work in this cycle, aggregated.
 *
 * <p>Rule files may read {@code name}, {@code credit}, {@code records}, {@code contributors},
 * {@code topShare} and call {@code credit("category")}; a consequence may call {@link #flag(String)}.
 *
 * <p><b>Stability:</b> evolving; the fields rule files read are stable.
 */
public final class WorkingGroup {
  private final Recorder recorder;
  private final String name;
  private final double credit;
  private final int records;
  private final int contributors;
  private final double topShare;
  private final SortedMap<String, Double> byCategory;

  WorkingGroup(Recorder recorder, String name, double credit, int records, int contributors, double topShare,
      SortedMap<String, Double> byCategory) {
    this.recorder = recorder;
    this.name = name;
    this.credit = credit;
    this.records = records;
    this.contributors = contributors;
    this.topShare = topShare;
    this.byCategory = Collections.unmodifiableSortedMap(new TreeMap<>(byCategory));
  }

  /** The working group's name (empty for records without one). */
  public String getName() {
    return name;
  }

  /** Total credit of its records this cycle, in credit units. */
  public double getCredit() {
    return credit;
  }

  /** Accepted records this cycle. */
  public int getRecords() {
    return records;
  }

  /** Distinct contributors this cycle. */
  public int getContributors() {
    return contributors;
  }

  /** The largest share of the group's credit that one contributor earned, in [0, 1]. */
  public double getTopShare() {
    return topShare;
  }

  /** Credit in {@code category} this cycle, in credit units. */
  public double credit(String category) {
    Double v = byCategory.get(category);
    return v == null ? 0 : v;
  }

  /**
   * Flags the working group for reviewers.
   *
   * @throws IllegalArgumentException if the reason is blank
   */
  public void flag(String reason) {
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.FLAG, "working group " + (name.isEmpty() ? "(none)" : name), "", 1, "", reason);
  }

  @Override
  public String toString() {
    return "WorkingGroup[" + name + ", credit=" + credit + ", records=" + records + "]";
  }
}
