package dev.kat.core.policy;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A DAO goal that cycles report progress against, e.g. 500 sessions split 220/150/130 over three working
 * groups, or a regeneration target of 3,000 (currency units). Progress accumulates over the cycles whose
 * sequence is in {@code [fromSequence, toSequence]}.
 *
 * @param id the goal's id, unique within the policy, not blank, without {@code /}
 * @param category the category whose validated records count, not blank
 * @param measure what is summed
 * @param attribute the attribute summed for {@link Measure#ATTRIBUTE} (e.g. {@code regenerationValue}),
 *     otherwise null
 * @param target the target, finite and &gt; 0, in records, credit units or attribute units
 * @param workingGroupTargets optional targets per working group; each &gt; 0, summing to at most the target
 * @param fromSequence first cycle that counts, &gt;= 0
 * @param toSequence last cycle that counts, &gt;= fromSequence
 */
public record Goal(String id, String category, Measure measure, String attribute, double target,
    SortedMap<String, Double> workingGroupTargets, long fromSequence, long toSequence) {

  /** What a goal sums over the category's validated records. */
  public enum Measure {
    /** The number of records. */
    RECORDS,
    /** Their final credit. */
    CREDIT,
    /** One of their attributes (e.g. a currency amount). */
    ATTRIBUTE
  }

  /** Validates and copies the fields. */
  public Goal {
    Checks.notBlank(id, "goal.id");
    Checks.argument(id.indexOf('/') < 0, "goal.id (" + id + ") must not contain '/'");
    Checks.notBlank(category, "goal." + id + ".category");
    Checks.notNull(measure, "goal." + id + ".measure");
    if (measure == Measure.ATTRIBUTE) {
      Checks.notBlank(attribute, "goal." + id + ".attribute");
    } else {
      Checks.argument(attribute == null, "goal." + id + ".attribute (" + attribute
          + ") is only allowed with measure ATTRIBUTE");
    }
    Checks.positive(target, "goal." + id + ".target");
    TreeMap<String, Double> wg = new TreeMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : Checks.notNull(workingGroupTargets, "goal." + id + ".workingGroupTargets")
        .entrySet()) {
      Checks.notNull(e.getKey(), "goal." + id + ".workingGroupTargets key");
      Checks.positive(Checks.notNull(e.getValue(), "goal." + id + ".workingGroupTargets." + e.getKey()),
          "goal." + id + ".workingGroupTargets." + e.getKey());
      wg.put(e.getKey(), e.getValue());
      sum += e.getValue();
    }
    Checks.argument(sum <= target, "goal." + id + ".workingGroupTargets sum to " + sum + ", more than the target "
        + target);
    workingGroupTargets = Collections.unmodifiableSortedMap(wg);
    Checks.nonNegative(fromSequence, "goal." + id + ".fromSequence");
    Checks.argument(toSequence >= fromSequence, "goal." + id + ".toSequence (" + toSequence
        + ") must be >= fromSequence (" + fromSequence + ")");
  }

  /** A goal of {@code target} validated records in {@code category}, over all cycles. */
  public static Goal records(String id, String category, double target) {
    return new Goal(id, category, Measure.RECORDS, null, target, new TreeMap<>(), 0, Long.MAX_VALUE);
  }

  /** A goal of {@code target} summed over attribute {@code attribute} of {@code category}'s records. */
  public static Goal attributeSum(String id, String category, String attribute, double target) {
    return new Goal(id, category, Measure.ATTRIBUTE, attribute, target, new TreeMap<>(), 0, Long.MAX_VALUE);
  }

  /** A copy with a target for one working group. */
  public Goal withWorkingGroup(String workingGroup, double groupTarget) {
    TreeMap<String, Double> wg = new TreeMap<>(workingGroupTargets);
    wg.put(workingGroup, groupTarget);
    return new Goal(id, category, measure, attribute, target, wg, fromSequence, toSequence);
  }

  /** A copy counting only cycles with sequence in {@code [from, to]}. */
  public Goal during(long from, long to) {
    return new Goal(id, category, measure, attribute, target, workingGroupTargets, from, to);
  }

  /** Whether cycle {@code sequence} counts towards the goal. */
  public boolean counts(long sequence) {
    return sequence >= fromSequence && sequence <= toSequence;
  }
}
