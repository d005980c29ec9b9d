package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.FrozenSortedMap;
import dev.kat.core.internal.SortedArraySet;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state a cycle starts from: each contributor's karma and lifetime totals, and the evidence already
 * recognised, as left by the previous finalized cycle.
 *
 * @param sequence the sequence of the cycle that produced this state, or -1 for none
 * @param contributors states by contributor id
 * @param evidenceKeys evidence keys ({@link dev.kat.core.model.Evidence#key()}) recognised in earlier
 *     cycles
 * @param goalProgress cumulative progress towards the policy's goals: by goal id, and by
 *     {@code goalId/workingGroup} for working-group targets (records as counts, credit and attribute sums
 *     in micro-units)
 */
public record PriorState(long sequence, SortedMap<String, ContributorState> contributors,
    SortedSet<String> evidenceKeys, SortedMap<String, Long> goalProgress) {

  private static final PriorState EMPTY = new PriorState(-1, new TreeMap<>(), new TreeSet<>());

  /** Validates and copies the fields. */
  public PriorState {
    Checks.argument(sequence >= -1, "sequence (" + sequence + ") must be >= -1");
    // Frozen maps and array sets (as CycleResult.nextState builds) are immutable already and kept as they are.
    contributors = FrozenSortedMap.copyOf(Checks.notNull(contributors, "contributors"));
    for (Map.Entry<String, ContributorState> e : contributors.entrySet()) {
      Checks.argument(e.getKey().equals(e.getValue().contributor()),
          "contributors key (" + e.getKey() + ") must equal its state's contributor (" + e.getValue().contributor() + ")");
    }
    evidenceKeys = Checks.notNull(evidenceKeys, "evidenceKeys") instanceof SortedArraySet ? evidenceKeys
        : Collections.unmodifiableSortedSet(new TreeSet<>(evidenceKeys));
    goalProgress = FrozenSortedMap.copyOf(Checks.notNull(goalProgress, "goalProgress"));
  }

  /** A state without goal progress. */
  public PriorState(long sequence, SortedMap<String, ContributorState> contributors, SortedSet<String> evidenceKeys) {
    this(sequence, contributors, evidenceKeys, new TreeMap<>());
  }

  /** The state before any cycle. */
  public static PriorState empty() {
    return EMPTY;
  }

  /** The state of {@code contributor}, or null when unknown. */
  public ContributorState get(String contributor) {
    return contributors.get(contributor);
  }

  /** A canonical text form, used for the content hash. */
  public String canonicalForm() {
    return "prior{seq=" + sequence + ";contributors=" + contributors.values() + ";evidence=" + evidenceKeys
        + (goalProgress.isEmpty() ? "" : ";goals=" + goalProgress) + "}";
  }
}
