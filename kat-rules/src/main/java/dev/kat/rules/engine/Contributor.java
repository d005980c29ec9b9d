package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;
import java.util.Collections;
import java.util.Map;
import dev.kat.core.engine.BatchView;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fact a contributor rule sees: one contributor's accepted work in this cycle, aggregated, and their
 * history. Contributor rules are evaluated once per contributor per cycle, after a first pass of the cycle.
 *
 * <p>Rule files may read {@code id}, {@code role}, {@code external}, {@code credit}, {@code records}, and call
 * {@code credit("category")}, {@code hours("category")}, {@code count("category")},
 * {@code distinct("category", "attribute")} and {@code streak("category")}; a consequence may call
 * {@link #multiply(String, double, String)}, {@link #grant(String, String)} and {@link #flag(String)}.
 * Credit is in credit units (not micro-units) and is the credit of the first pass, before any rule.
 *
 * <p><b>Stability:</b> evolving; the fields rule files read are stable.
 */
public final class Contributor {
  private final Recorder recorder;
  private final String id;
  private final String role;
  private final boolean external;
  private final double credit;
  private final int records;
  private final SortedMap<String, double[]> byCategory;
  private final BatchView batch;
  private final int[] rows;
  private final SortedMap<String, Integer> streaks;

  Contributor(Recorder recorder, String id, String role, boolean external, double credit, int records,
      SortedMap<String, double[]> byCategory, BatchView batch, int[] rows, SortedMap<String, Integer> streaks) {
    this.recorder = recorder;
    this.id = id;
    this.role = role;
    this.external = external;
    this.credit = credit;
    this.records = records;
    this.byCategory = Collections.unmodifiableSortedMap(new TreeMap<>(byCategory));
    this.batch = batch;
    this.rows = rows;
    this.streaks = Collections.unmodifiableSortedMap(new TreeMap<>(streaks));
  }

  /** The contributor's id. */
  public String getId() {
    return id;
  }

  /** The role of most of the contributor's records this cycle (ties: the smallest id). */
  public String getRole() {
    return role;
  }

  /** Whether that role is external to the DAO. */
  public boolean isExternal() {
    return external;
  }

  /** Total credit this cycle, in credit units. */
  public double getCredit() {
    return credit;
  }

  /** Accepted records this cycle. */
  public int getRecords() {
    return records;
  }

  /** Credit in {@code category} this cycle, in credit units. */
  public double credit(String category) {
    double[] v = byCategory.get(category);
    return v == null ? 0 : v[0];
  }

  /** Hours ({@code durationMinutes} / 60) of the accepted records in {@code category} this cycle. */
  public double hours(String category) {
    double[] v = byCategory.get(category);
    return v == null ? 0 : v[1];
  }

  /** Accepted records in {@code category} this cycle. */
  public int count(String category) {
    double[] v = byCategory.get(category);
    return v == null ? 0 : (int) v[2];
  }

  /**
   * The number of distinct values of {@code attribute} among the accepted records in {@code category} this
   * cycle (e.g. distinct {@code explorerCountry} codes of a Guide's sessions); records without it are not
   * counted.
   *
   * @throws IllegalArgumentException if {@code attribute} is blank
   */
  public int distinct(String category, String attribute) {
    Checks.notBlank(attribute, "attribute");
    TreeSet<Double> values = new TreeSet<>();
    for (int row : rows) {
      if (batch.categoryId(batch.category(row)).equals(category)) {
        double v = batch.attribute(row, attribute, Double.NaN);
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
    }
    return values.size();
  }

  /**
   * The number of consecutive cycles, ending with this one, in which the contributor earned credit in
   * {@code category}; 0 when they earned none this cycle. Earlier cycles come from the history given to the
   * run.
   */
  public int streak(String category) {
    Integer v = streaks.get(category);
    return v == null ? 0 : v;
  }

  /**
   * Multiplies the contributor's credit in {@code category} ({@code "*"} for all categories) by
   * {@code factor}; the difference is added to their credit for this cycle.
   *
   * @throws IllegalArgumentException if the factor is negative or not finite, or a string is blank
   */
  public void multiply(String category, double factor, String reason) {
    Checks.notBlank(category, "category");
    Checks.argument(Double.isFinite(factor) && factor >= 0, "factor (" + factor + ") must be finite and >= 0");
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.MULTIPLY, id, category, factor, "", reason);
  }

  /**
   * Grants the contributor a privilege or badge.
   *
   * @throws IllegalArgumentException if a string is blank
   */
  public void grant(String privilege, String reason) {
    Checks.notBlank(privilege, "privilege");
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.GRANT, id, "", 1, privilege, reason);
  }

  /**
   * Flags the contributor for reviewers (no change to credit).
   *
   * @throws IllegalArgumentException if the reason is blank
   */
  public void flag(String reason) {
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.FLAG, id, "", 1, "", reason);
  }

  /** Per-category sums as {@code [credit, hours, count]}. */
  Map<String, double[]> byCategory() {
    return byCategory;
  }

  @Override
  public String toString() {
    return "Contributor[" + id + ", credit=" + credit + ", records=" + records + "]";
  }
}
