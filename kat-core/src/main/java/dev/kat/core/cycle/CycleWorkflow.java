package dev.kat.core.cycle;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.Flag;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import dev.kat.core.ledger.Adjustment;
import dev.kat.core.ledger.AdjustmentKind;
import dev.kat.core.ledger.ChainBreak;
import dev.kat.core.ledger.Correction;
import dev.kat.core.ledger.CycleInputs;
import dev.kat.core.ledger.Dispute;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerException;
import dev.kat.core.ledger.Ledgers;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.ExceptionLimits;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One monthly cycle moving through collecting → in review → validated → previewed → finalized
 * ({@link CycleStage}). Records are submitted while collecting; disputes and exceptions are raised in
 * review and until finalization; a preview computes the full result without committing it; finalization
 * runs the audit checklist and, only if every check passes, appends the cycle to the ledger, after which
 * nothing can change. Every call in the wrong stage fails with an {@link IllegalStateException} naming
 * the stage and the stages the call needs. Not thread-safe: one operator drives one cycle.
 *
 * <pre>{@code
 * CycleHistory history = CycleHistory.open(store, policy);
 * CycleWorkflow cycle = history.start(policy, Cycle.ofMonth(YearMonth.of(2026, 10), 9));
 * cycle.submitAll(records);
 * cycle.beginReview();
 * cycle.dispute("r17", "carol", "the session did not take place");
 * cycle.adjust(Adjustment.voidRecord("r17", "bob", "dana", "no participant confirmed the session"));
 * cycle.validate();
 * Preview p = cycle.preview();        // result, diffs, audit as it stands
 * LedgerEntry e = cycle.finalizeCycle();
 * }</pre>
 */
public final class CycleWorkflow {
  private final CycleHistory history;
  private final Policy policy;
  private final KatEngine engine;
  private final Cycle cycle;
  private final List<Contribution> records = new ArrayList<>();
  private final Map<String, String> contributorOf = new HashMap<>();
  private final List<Dispute> disputes = new ArrayList<>();
  private final List<Adjustment> adjustments = new ArrayList<>();
  private CycleStage stage = CycleStage.COLLECTING;
  private CycleResult lastPreview;
  private CycleInputs previewInputs;
  private List<String> correctionProblems = List.of();
  private LedgerEntry finalized;

  CycleWorkflow(CycleHistory history, Policy policy, Cycle cycle) {
    this.history = history;
    this.policy = policy;
    this.engine = KatEngine.of(policy);
    this.cycle = cycle;
  }

  /** The cycle. */
  public Cycle cycle() {
    return cycle;
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /** The current stage. */
  public CycleStage stage() {
    return stage;
  }

  private void require(String action, CycleStage... allowed) {
    for (CycleStage s : allowed) {
      if (stage == s) {
        return;
      }
    }
    throw new IllegalStateException("cannot " + action + ": cycle " + cycle.id() + " is " + stage + "; "
        + action + " needs " + (allowed.length == 1 ? allowed[0] : java.util.Arrays.toString(allowed)));
  }

  /**
   * Submits a record. A record whose {@code supersedes} names a record finalized in an earlier cycle is a
   * correction: if accepted (and not voided), it is credited here and the earlier record's credit is
   * deducted here.
   *
   * @throws IllegalStateException unless {@link CycleStage#COLLECTING}
   */
  public CycleWorkflow submit(Contribution record) {
    Checks.notNull(record, "record");
    require("submit records", CycleStage.COLLECTING);
    records.add(record);
    contributorOf.putIfAbsent(record.id(), record.contributor());
    return this;
  }

  /** Submits every record of {@code batch}. */
  public CycleWorkflow submitAll(Iterable<Contribution> batch) {
    Checks.notNull(batch, "records");
    for (Contribution c : batch) {
      submit(c);
    }
    return this;
  }

  /**
   * Closes submission: {@code COLLECTING → IN_REVIEW}.
   *
   * @throws IllegalStateException unless {@link CycleStage#COLLECTING}
   */
  public CycleWorkflow beginReview() {
    require("begin review", CycleStage.COLLECTING);
    stage = CycleStage.IN_REVIEW;
    return this;
  }

  /**
   * Raises a dispute: record {@code recordId} is held (earns nothing) until an exception releases or voids
   * it. A preview becomes stale ({@code PREVIEWED → VALIDATED}).
   *
   * @throws IllegalArgumentException if no submitted record has that id
   * @throws IllegalStateException unless in review, validated or previewed
   */
  public CycleWorkflow dispute(String recordId, String raisedBy, String reason) {
    Dispute d = new Dispute(recordId, raisedBy, reason);
    require("raise a dispute", CycleStage.IN_REVIEW, CycleStage.VALIDATED, CycleStage.PREVIEWED);
    Checks.argument(contributorOf.containsKey(recordId), "recordId (" + recordId + ") is not a record of cycle "
        + cycle.id());
    disputes.add(d);
    stale();
    return this;
  }

  /**
   * Applies an approved exception. Voids and releases must name a record of this cycle and its
   * contributor as beneficiary; grants and deductions must stay within the policy's
   * {@link ExceptionLimits}. A preview becomes stale ({@code PREVIEWED → VALIDATED}).
   *
   * @throws IllegalArgumentException if the exception names an unknown record or the wrong beneficiary, or
   *     exceeds the policy's limits
   * @throws IllegalStateException unless in review, validated or previewed
   */
  public CycleWorkflow adjust(Adjustment adjustment) {
    Checks.notNull(adjustment, "adjustment");
    require("apply an exception", CycleStage.IN_REVIEW, CycleStage.VALIDATED, CycleStage.PREVIEWED);
    List<String> problems = new ArrayList<>();
    List<Adjustment> after = new ArrayList<>(adjustments);
    after.add(adjustment);
    checkAdjustment(adjustment, problems);
    checkLimits(after, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    adjustments.add(adjustment);
    stale();
    return this;
  }

  private void checkAdjustment(Adjustment a, List<String> problems) {
    if (a.kind() == AdjustmentKind.VOID || a.kind() == AdjustmentKind.RELEASE) {
      String who = contributorOf.get(a.subject());
      if (who == null) {
        problems.add(a.kind() + " names record " + a.subject() + ", which is not a record of cycle " + cycle.id());
      } else if (!who.equals(a.beneficiary())) {
        problems.add(a.kind() + " of record " + a.subject() + " names beneficiary " + a.beneficiary()
            + ", but the record is " + who + "'s");
      }
    }
  }

  private void checkLimits(List<Adjustment> all, List<String> problems) {
    ExceptionLimits limits = policy.exceptionLimits();
    int count = 0;
    TreeMap<String, Long> moved = new TreeMap<>();
    for (Adjustment a : all) {
      if (a.credit() > 0) {
        count++;
        moved.merge(a.beneficiary(), a.credit(), Math::addExact);
      }
    }
    if (count > limits.maxAdjustments()) {
      problems.add(count + " grants and deductions exceed the policy's exceptions.maxAdjustments ("
          + limits.maxAdjustments() + ")");
    }
    long max = Fixed.toMicros(limits.maxCreditPerContributor());
    moved.forEach((who, credit) -> {
      if (credit > max) {
        problems.add("grants and deductions for " + who + " move " + Fixed.format(credit) + " credit, more than the "
            + "policy's exceptions.maxCreditPerContributor (" + Fixed.format(max) + ")");
      }
    });
  }

  private void stale() {
    if (stage == CycleStage.PREVIEWED) {
      stage = CycleStage.VALIDATED;
    }
  }

  /**
   * Closes review: {@code IN_REVIEW → VALIDATED}.
   *
   * @throws IllegalStateException unless {@link CycleStage#IN_REVIEW}
   */
  public CycleWorkflow validate() {
    require("validate", CycleStage.IN_REVIEW);
    stage = CycleStage.VALIDATED;
    return this;
  }

  /** The inputs as they stand, corrections of earlier cycles' records resolved. */
  public CycleInputs inputs() {
    return resolve().inputs();
  }

  /** Inputs with corrections resolved, and the corrections that cannot be resolved. */
  private record Resolved(CycleInputs inputs, List<String> problems) {}

  private Resolved resolve() {
    CycleInputs base = new CycleInputs(cycle, records, List.of(), disputes, adjustments);
    ContributionBatch admitted = engine.newBatch(cycle).addAll(base.engineRecords()).build();
    Set<String> accepted = new HashSet<>();
    for (int row = 0; row < admitted.rows(); row++) {
      accepted.add(admitted.recordId(row));
    }
    List<Correction> corrections = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> claimed = new HashMap<>();
    Set<String> voided = base.voided();
    for (Contribution r : base.records()) {
      String target = r.supersedes();
      if (target == null || contributorOf.containsKey(target) || !accepted.contains(r.id())
          || voided.contains(r.id())) {
        continue;
      }
      Optional<CycleHistory.Credited> earlier = history.credited(target);
      Optional<String> already = history.correctedBy(target);
      if (earlier.isEmpty()) {
        problems.add("record " + r.id() + " corrects " + target + ", which no finalized cycle credited");
      } else if (already.isPresent()) {
        problems.add("record " + r.id() + " corrects " + target + ", already corrected by " + already.get());
      } else if (claimed.containsKey(target)) {
        problems.add("record " + r.id() + " corrects " + target + ", already corrected by " + claimed.get(target)
            + " in this cycle");
      } else {
        CycleHistory.Credited c = earlier.get();
        claimed.put(target, r.id());
        corrections.add(new Correction(r.id(), target, c.contributor(), c.credit(), c.sequence()));
      }
    }
    return new Resolved(new CycleInputs(cycle, records, corrections, disputes, adjustments), List.copyOf(problems));
  }

  /**
   * Computes the full result without committing it: {@code VALIDATED | PREVIEWED → PREVIEWED}.
   *
   * @throws IllegalStateException unless validated or previewed
   */
  public Preview preview() {
    require("preview", CycleStage.VALIDATED, CycleStage.PREVIEWED);
    Resolved resolved = resolve();
    CycleInputs in = resolved.inputs();
    correctionProblems = resolved.problems();
    CycleResult result = in.run(engine, history.priorState(), history.runner(), history.results());
    ResultDiff sinceLast = lastPreview == null ? null : ResultDiff.between(lastPreview, result);
    ResultDiff sincePrevious = ResultDiff.between(history.lastResult().orElse(null), result);
    lastPreview = result;
    previewInputs = in;
    stage = CycleStage.PREVIEWED;
    return new Preview(result, sinceLast, sincePrevious, audit(in, result));
  }

  /**
   * Runs the audit checklist on the current preview.
   *
   * @throws IllegalStateException unless {@link CycleStage#PREVIEWED}
   */
  public AuditReport audit() {
    require("audit", CycleStage.PREVIEWED);
    return audit(previewInputs, lastPreview);
  }

  private AuditReport audit(CycleInputs in, CycleResult result) {
    List<AuditReport.Check> checks = new ArrayList<>();
    // holds resolved
    List<String> holds = new ArrayList<>();
    SortedSet<String> unresolved = in.unresolvedDisputes();
    for (Dispute d : in.disputes()) {
      if (unresolved.contains(d.recordId())) {
        holds.add("record " + d.recordId() + " is disputed by " + d.raisedBy() + " (" + d.reason()
            + ") and neither released nor voided");
      }
    }
    for (String id : result.held()) {
      holds.add("record " + id + " is held by a guardrail and neither released nor voided");
    }
    checks.add(new AuditReport.Check(AuditReport.Check.HOLDS_RESOLVED, holds));
    // totals equal budget
    List<String> totals = new ArrayList<>();
    long sum = 0;
    for (long k : result.allocations().values()) {
      sum += k;
    }
    if (sum != result.allocated()) {
      totals.add("allocations sum to " + sum + ", not the " + result.allocated() + " allocated");
    }
    if (result.allocated() + result.unallocated() != result.budget()) {
      totals.add("allocated " + result.allocated() + " + unallocated " + result.unallocated() + " is not the budget "
          + result.budget());
    }
    checks.add(new AuditReport.Check(AuditReport.Check.TOTALS_EQUAL_BUDGET, totals));
    // exceptions explained
    List<String> exceptions = new ArrayList<>();
    Set<String> heldByGuardrail = new TreeSet<>();
    for (Flag f : result.flags()) {
      if (f.action() == Action.HOLD) {
        heldByGuardrail.addAll(f.recordIds());
      }
    }
    Set<String> disputed = new TreeSet<>();
    in.disputes().forEach(d -> disputed.add(d.recordId()));
    for (Adjustment a : in.adjustments()) {
      checkAdjustment(a, exceptions);
      if (a.kind() == AdjustmentKind.RELEASE && !disputed.contains(a.subject())
          && !heldByGuardrail.contains(a.subject())) {
        exceptions.add("RELEASE of record " + a.subject() + ", which is neither disputed nor held");
      }
    }
    checkLimits(in.adjustments(), exceptions);
    checks.add(new AuditReport.Check(AuditReport.Check.EXCEPTIONS_EXPLAINED, exceptions));
    checks.add(new AuditReport.Check(AuditReport.Check.CORRECTIONS_RESOLVED, correctionProblems));
    // chain intact
    List<String> chain = new ArrayList<>();
    try {
      List<LedgerEntry> stored = history.store().load();
      Optional<ChainBreak> b = Ledgers.verify(stored);
      b.ifPresent(x -> chain.add(x.toString()));
      String expected = history.lastEntry().map(LedgerEntry::hash).orElse(LedgerEntry.GENESIS);
      String actual = stored.isEmpty() ? LedgerEntry.GENESIS : stored.get(stored.size() - 1).hash();
      if (!expected.equals(actual)) {
        chain.add("the ledger moved since this cycle started: its last entry is now " + actual + ", not " + expected);
      }
    } catch (LedgerException e) {
      chain.add(e.getMessage());
    }
    checks.add(new AuditReport.Check(AuditReport.Check.CHAIN_INTACT, chain));
    return new AuditReport(cycle.id(), checks, in.adjustments(), in.disputes(), in.corrections());
  }

  /**
   * Finalizes the previewed cycle: runs the audit checklist and, if every check passes, appends the cycle
   * to the ledger; {@code PREVIEWED → FINALIZED}. Finalized cycles never change.
   *
   * @return the ledger entry written
   * @throws IllegalStateException unless {@link CycleStage#PREVIEWED}
   * @throws AuditFailedException listing every failing check, if the audit fails (nothing is written)
   * @throws LedgerException if the store cannot write (nothing is written)
   */
  public LedgerEntry finalizeCycle() {
    require("finalize", CycleStage.PREVIEWED);
    AuditReport report = audit(previewInputs, lastPreview);
    if (!report.passed()) {
      throw new AuditFailedException(report);
    }
    LedgerEntry entry = LedgerEntry.seal(history.lastEntry().orElse(null), previewInputs, lastPreview);
    history.store().append(entry);
    stage = CycleStage.FINALIZED;
    finalized = entry;
    return entry;
  }

  /** The finalized result, once {@link CycleStage#FINALIZED}. */
  public Optional<CycleResult> finalizedResult() {
    return finalized == null ? Optional.empty() : Optional.of(lastPreview);
  }
}
