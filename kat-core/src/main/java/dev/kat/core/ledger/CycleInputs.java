package dev.kat.core.ledger;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a cycle's result is computed from, besides the policy and the prior state: the records
 * submitted, cross-cycle corrections, disputes and manual exceptions. A ledger entry stores these, so
 * running them again ({@link #run}) reproduces the finalized result exactly.
 *
 * <p>The engine sees every record except those disputed and neither released nor voided; it applies
 * grants, deductions and correction reversals as credit adjustments, releases as released holds, and
 * voids as voided records (kept in the batch with zero credit, so that guardrails still see them).
 *
 * @param cycle the cycle
 * @param records every submitted record, sorted canonically (by id, then content)
 * @param corrections corrections of records in earlier cycles, sorted by correcting record id
 * @param disputes disputes, sorted by record id
 * @param adjustments manual exceptions, in the order they were approved
 */
public record CycleInputs(Cycle cycle, List<Contribution> records, List<Correction> corrections,
    List<Dispute> disputes, List<Adjustment> adjustments) {

  private static final Comparator<Contribution> RECORD_ORDER = (a, b) -> {
    int c = a.id().compareTo(b.id());
    return c != 0 ? c : Arrays.compare(RecordCodec.encode(a), RecordCodec.encode(b));
  };

  /** Validates and orders the fields. */
  public CycleInputs {
    Checks.notNull(cycle, "cycle");
    List<Contribution> rs = new ArrayList<>(Checks.notNull(records, "records"));
    rs.forEach(r -> Checks.notNull(r, "records entry"));
    rs.sort(RECORD_ORDER);
    records = List.copyOf(rs);
    List<Correction> cs = new ArrayList<>(Checks.notNull(corrections, "corrections"));
    cs.sort(Comparator.comparing(Correction::recordId).thenComparing(Correction::supersedes));
    corrections = List.copyOf(cs);
    List<Dispute> ds = new ArrayList<>(Checks.notNull(disputes, "disputes"));
    ds.sort(Comparator.comparing(Dispute::recordId).thenComparing(Dispute::raisedBy).thenComparing(Dispute::reason));
    disputes = List.copyOf(ds);
    adjustments = List.copyOf(Checks.notNull(adjustments, "adjustments"));
  }

  /** Ids of records voided by an exception. */
  public SortedSet<String> voided() {
    return ids(AdjustmentKind.VOID);
  }

  /** Ids of records released by an exception. */
  public SortedSet<String> released() {
    return ids(AdjustmentKind.RELEASE);
  }

  /** Ids of disputed records that are neither released nor voided: they are held out of the cycle. */
  public SortedSet<String> unresolvedDisputes() {
    TreeSet<String> out = new TreeSet<>();
    SortedSet<String> settled = released();
    settled.addAll(voided());
    for (Dispute d : disputes) {
      if (!settled.contains(d.recordId())) {
        out.add(d.recordId());
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  private SortedSet<String> ids(AdjustmentKind kind) {
    TreeSet<String> out = new TreeSet<>();
    for (Adjustment a : adjustments) {
      if (a.kind() == kind) {
        out.add(a.subject());
      }
    }
    return out;
  }

  /** The records the engine sees: all but disputed ones that are neither released nor voided. */
  public List<Contribution> engineRecords() {
    SortedSet<String> out = unresolvedDisputes();
    if (out.isEmpty()) {
      return records;
    }
    List<Contribution> in = new ArrayList<>(records.size());
    for (Contribution c : records) {
      if (!out.contains(c.id())) {
        in.add(c);
      }
    }
    return in;
  }

  /** The overrides the engine applies: grants, deductions, correction reversals, releases and voids. */
  public Overrides overrides() {
    TreeMap<String, Long> credit = new TreeMap<>();
    for (Adjustment a : adjustments) {
      if (a.signedCredit() != 0) {
        credit.merge(a.beneficiary(), a.signedCredit(), Math::addExact);
      }
    }
    for (Correction c : corrections) {
      if (c.reversedCredit() != 0) {
        credit.merge(c.contributor(), -c.reversedCredit(), Math::addExact);
      }
    }
    return new Overrides(credit, released(), voided());
  }

  /**
   * Computes the cycle's result from these inputs.
   *
   * @throws IllegalArgumentException as {@link KatEngine#run(dev.kat.core.engine.ContributionBatch, PriorState,
   *     Overrides)} does
   */
  public CycleResult run(KatEngine engine, PriorState prior) {
    return run(engine, prior, CycleRunner.ENGINE, List.of());
  }

  /**
   * Computes the cycle's result from these inputs with {@code runner}.
   *
   * @param earlier the results of the earlier finalized cycles, oldest first, passed to {@code runner}
   * @throws IllegalArgumentException as {@link KatEngine#run(dev.kat.core.engine.ContributionBatch, PriorState,
   *     Overrides)} does
   */
  public CycleResult run(KatEngine engine, PriorState prior, CycleRunner runner, List<CycleResult> earlier) {
    Checks.notNull(engine, "engine");
    Checks.notNull(runner, "runner");
    Checks.notNull(earlier, "earlier");
    return runner.run(engine, engine.newBatch(cycle).addAll(engineRecords()).build(), prior, overrides(),
        List.copyOf(earlier));
  }

  /** A copy with one more record. */
  public CycleInputs withRecord(Contribution record) {
    List<Contribution> rs = new ArrayList<>(records);
    rs.add(record);
    return new CycleInputs(cycle, rs, corrections, disputes, adjustments);
  }

  /** A copy with one more correction. */
  public CycleInputs withCorrection(Correction correction) {
    List<Correction> cs = new ArrayList<>(corrections);
    cs.add(correction);
    return new CycleInputs(cycle, records, cs, disputes, adjustments);
  }

  /** A copy with one more dispute. */
  public CycleInputs withDispute(Dispute dispute) {
    List<Dispute> ds = new ArrayList<>(disputes);
    ds.add(dispute);
    return new CycleInputs(cycle, records, corrections, ds, adjustments);
  }

  /** A copy with one more adjustment. */
  public CycleInputs withAdjustment(Adjustment adjustment) {
    List<Adjustment> as = new ArrayList<>(adjustments);
    as.add(adjustment);
    return new CycleInputs(cycle, records, corrections, disputes, as);
  }

  /** Inputs for {@code cycle} with nothing in them yet. */
  public static CycleInputs empty(Cycle cycle) {
    return new CycleInputs(cycle, List.of(), List.of(), List.of(), List.of());
  }
}
