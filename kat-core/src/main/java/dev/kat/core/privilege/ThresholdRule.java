package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Grants a privilege while one metric of a contributor's standing is at least a threshold.
 *
 * <p>Thresholds are in natural units (credit and karma units, KAT base units, record counts) and compared
 * exactly: credit and karma thresholds are converted to micro-units once.
 *
 * @param id the rule's id, not blank
 * @param privilege what it grants
 * @param metric what it measures
 * @param category the category for {@link Metric#ACTIVITY} and {@link Metric#CYCLE_ACTIVITY}, otherwise null
 * @param threshold the least value that grants the privilege, finite and &gt;= 0
 */
public record ThresholdRule(String id, Privilege privilege, Metric metric, String category, double threshold)
    implements PrivilegeRule {

  /** Validates the fields. */
  public ThresholdRule {
    Checks.notBlank(id, "id");
    Checks.notNull(privilege, "privilege");
    Checks.notNull(metric, "metric");
    Checks.nonNegative(threshold, "threshold");
    boolean activity = metric == Metric.ACTIVITY || metric == Metric.CYCLE_ACTIVITY;
    if (activity) {
      Checks.notBlank(category, "category");
    } else {
      Checks.argument(category == null, "category (" + category + ") is only allowed with an activity metric, not "
          + metric);
    }
  }

  @Override
  public boolean holds(Standing s) {
    switch (metric) {
      case LIFETIME_KAT:
        return s.lifetimeKat() >= threshold;
      case CYCLE_KAT:
        return s.cycleKat() >= threshold;
      case KARMA:
        return s.karma() >= Fixed.toMicros(threshold);
      case LIFETIME_CREDIT:
        return s.lifetimeCredit() >= Fixed.toMicros(threshold);
      case CYCLE_CREDIT:
        return s.cycleCredit() >= Fixed.toMicros(threshold);
      case ACTIVITY:
        return s.activity(category) >= threshold;
      case CYCLE_ACTIVITY:
        return s.cycleActivity(category) >= threshold;
      default:
        throw new AssertionError("unknown metric " + metric);
    }
  }

  @Override
  public String describe() {
    return metric + (category == null ? "" : "(" + category + ")") + " >= " + Fixed.formatFactor(threshold);
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("privilege", privilege.id());
    m.put("kind", privilege.kind().name());
    m.put("metric", metric.name());
    if (category != null) {
      m.put("category", category);
    }
    m.put("threshold", Double.toString(threshold));
    return Collections.unmodifiableSortedMap(m);
  }

  @Override
  public Set<String> categoriesRead() {
    return category == null ? Set.of() : Set.of(category);
  }
}
