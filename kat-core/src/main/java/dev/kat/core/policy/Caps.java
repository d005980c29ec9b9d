package dev.kat.core.policy;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-contributor caps, applied in this order: per UTC day (all categories), per category, per cycle.
 *
 * <p>Each stage caps a group's total (one contributor's day, category or cycle) with its {@link CapSpec}
 * and scales every record of the group by the same factor, rounded per record to a micro-unit, so the
 * capped records of a group sum to the capped total up to half a micro-unit per record. Each stage on its
 * own is monotone: more credit in a group never gives it less after the cap. With per-day <em>and</em>
 * per-category caps both active, a new record can lower its contributor's total, because it dilutes
 * the day's factor for records of other categories while its own category may already be at its cap.
 *
 * @param perDay cap on one contributor's credit in one UTC day
 * @param perCategory default cap on one contributor's credit in one category per cycle
 * @param categoryOverrides per-category caps that replace {@code perCategory}
 * @param perCycle cap on one contributor's total credit per cycle
 */
public record Caps(CapSpec perDay, CapSpec perCategory, SortedMap<String, CapSpec> categoryOverrides,
    CapSpec perCycle) {

  /** No caps. */
  public static final Caps NONE = new Caps(CapSpec.NONE, CapSpec.NONE, new TreeMap<>(), CapSpec.NONE);

  /** Validates the fields. */
  public Caps {
    Checks.notNull(perDay, "perDay");
    Checks.notNull(perCategory, "perCategory");
    categoryOverrides = Collections.unmodifiableSortedMap(
        new TreeMap<>(Checks.notNull(categoryOverrides, "categoryOverrides")));
    Checks.notNull(perCycle, "perCycle");
  }

  /** The cap that applies to {@code category}. */
  public CapSpec forCategory(String category) {
    return categoryOverrides.getOrDefault(category, perCategory);
  }

  /** A copy with another per-day cap. */
  public Caps withPerDay(CapSpec cap) {
    return new Caps(cap, perCategory, categoryOverrides, perCycle);
  }

  /** A copy with another default per-category cap. */
  public Caps withPerCategory(CapSpec cap) {
    return new Caps(perDay, cap, categoryOverrides, perCycle);
  }

  /** A copy with a cap for one category. */
  public Caps withCategory(String category, CapSpec cap) {
    TreeMap<String, CapSpec> m = new TreeMap<>(categoryOverrides);
    m.put(category, cap);
    return new Caps(perDay, perCategory, m, perCycle);
  }

  /** A copy with another per-cycle cap. */
  public Caps withPerCycle(CapSpec cap) {
    return new Caps(perDay, perCategory, categoryOverrides, cap);
  }

  /** The overrides as a plain map view. */
  public Map<String, CapSpec> overrides() {
    return categoryOverrides;
  }
}
