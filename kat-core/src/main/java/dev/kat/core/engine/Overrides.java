package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Approved human decisions a cycle applies on top of the records: credit granted to or deducted from
 * contributors, guardrail holds released, and records voided. They come from the cycle workflow's exceptions and
 * corrections ({@code dev.kat.core.cycle}), which keep the justification and approver; the engine only
 * applies the figures.
 *
 * <p>A contributor's credit is {@code max(0, Σ record credit + creditAdjustments[contributor])}: a deduction
 * can take credit to zero, never below. A released hold keeps its flag in the result, but the hold's
 * factor is not applied and the record is not listed as held. A voided record stays in the batch (so
 * guardrails still see it) but its final credit is zero; a guardrail hold on a voided record is thereby
 * confirmed, and counts for the karma penalty like a rejecting flag.
 *
 * @param creditAdjustments signed credit in micro-units by contributor; zero entries are dropped
 * @param releasedHolds ids of records whose guardrail hold is released
 * @param voidedRecords ids of records voided by an approved exception
 */
public record Overrides(SortedMap<String, Long> creditAdjustments, SortedSet<String> releasedHolds,
    SortedSet<String> voidedRecords) {
  private static final Overrides NONE = new Overrides(new TreeMap<>(), new TreeSet<>(), new TreeSet<>());

  /** Validates and copies the fields. */
  public Overrides {
    TreeMap<String, Long> adj = new TreeMap<>();
    for (Map.Entry<String, Long> e : Checks.notNull(creditAdjustments, "creditAdjustments").entrySet()) {
      Checks.notBlank(e.getKey(), "creditAdjustments key");
      Checks.notNull(e.getValue(), "creditAdjustments." + e.getKey());
      if (e.getValue() != 0) {
        adj.put(e.getKey(), e.getValue());
      }
    }
    creditAdjustments = Collections.unmodifiableSortedMap(adj);
    TreeSet<String> rel = new TreeSet<>();
    for (String id : Checks.notNull(releasedHolds, "releasedHolds")) {
      rel.add(Checks.notBlank(id, "releasedHolds entry"));
    }
    releasedHolds = Collections.unmodifiableSortedSet(rel);
    TreeSet<String> voided = new TreeSet<>();
    for (String id : Checks.notNull(voidedRecords, "voidedRecords")) {
      voided.add(Checks.notBlank(id, "voidedRecords entry"));
    }
    voidedRecords = Collections.unmodifiableSortedSet(voided);
  }

  /** No overrides. */
  public static Overrides none() {
    return NONE;
  }

  /** The credit adjustment of {@code contributor} in micro-units (0 when none). */
  public long adjustment(String contributor) {
    Long v = creditAdjustments.get(contributor);
    return v == null ? 0 : v;
  }

  /** Whether nothing is overridden. */
  public boolean isEmpty() {
    return creditAdjustments.isEmpty() && releasedHolds.isEmpty() && voidedRecords.isEmpty();
  }

  /** A canonical text form, used for the content hash. */
  public String canonicalForm() {
    return "overrides{credit=" + creditAdjustments + ";released=" + releasedHolds + ";voided=" + voidedRecords + "}";
  }
}
