package dev.kat.core.cycle;

import static dev.kat.core.cycle.ThreeMonthScenarioTest.C;
import static dev.kat.core.cycle.ThreeMonthScenarioTest.month;
import static dev.kat.core.cycle.ThreeMonthScenarioTest.policy;
import static dev.kat.core.cycle.ThreeMonthScenarioTest.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.ledger.Adjustment;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleWorkflowTest {

  private static CycleWorkflow collecting(InMemoryLedgerStore store) {
    Policy p = policy();
    CycleWorkflow w = CycleHistory.open(store, p).start(p, month(0));
    w.submitAll(List.of(rec("r1", "ana", "session_hosting", 0), rec("d1", "bo", "documentation", 0)));
    return w;
  }

  @Test
  void preview_whileCollecting_failsNamingTheStages() {
    CycleWorkflow w = collecting(new InMemoryLedgerStore());
    IllegalStateException e = assertThrows(IllegalStateException.class, w::preview);
    assertEquals("cannot preview: cycle 2026-01 is COLLECTING; preview needs [VALIDATED, PREVIEWED]", e.getMessage());
  }

  @Test
  void illegalTransitions_fail() {
    CycleWorkflow w = collecting(new InMemoryLedgerStore());
    assertThrows(IllegalStateException.class, w::validate);
    assertThrows(IllegalStateException.class, w::finalizeCycle);
    assertThrows(IllegalStateException.class, () -> w.dispute("r1", "cy", "x"));
    w.beginReview();
    assertThrows(IllegalStateException.class, () -> w.submit(rec("r9", "ana", "session_hosting", 0)));
    assertThrows(IllegalStateException.class, w::beginReview);
    assertThrows(IllegalStateException.class, w::finalizeCycle);
    w.validate();
    assertThrows(IllegalStateException.class, w::validate);
    assertThrows(IllegalStateException.class, w::audit);
    w.preview();
    w.finalizeCycle();
    IllegalStateException e = assertThrows(IllegalStateException.class, w::preview);
    assertEquals("cannot preview: cycle 2026-01 is FINALIZED; preview needs [VALIDATED, PREVIEWED]", e.getMessage());
    assertThrows(IllegalStateException.class, () -> w.adjust(Adjustment.grant("bo", C, "cy", "late")));
  }

  @Test
  void adjust_beyondPolicyLimits_isRefused() {
    CycleWorkflow w = collecting(new InMemoryLedgerStore()).beginReview();
    w.adjust(Adjustment.grant("bo", 15 * C, "cy", "ran the workshop"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> w.adjust(Adjustment.deduct("bo", 6 * C, "cy", "late report")));
    assertEquals("grants and deductions for bo move 21.000000 credit, more than the policy's "
        + "exceptions.maxCreditPerContributor (20.000000)", e.getMessage());
    w.adjust(Adjustment.grant("ana", 1 * C, "cy", "a"));
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> w.adjust(Adjustment.grant("dee", 1 * C, "cy", "b")));
    assertEquals("3 grants and deductions exceed the policy's exceptions.maxAdjustments (2)", count.getMessage());
  }

  @Test
  void adjust_voidOfUnknownRecordOrWrongBeneficiary_isRefused() {
    CycleWorkflow w = collecting(new InMemoryLedgerStore()).beginReview();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> w.adjust(Adjustment.voidRecord("zz", "bo", "cy", "x")));
    assertEquals("VOID names record zz, which is not a record of cycle 2026-01", e.getMessage());
    IllegalArgumentException who = assertThrows(IllegalArgumentException.class,
        () -> w.adjust(Adjustment.voidRecord("d1", "ana", "cy", "x")));
    assertEquals("VOID of record d1 names beneficiary ana, but the record is bo's", who.getMessage());
    assertThrows(IllegalArgumentException.class, () -> w.dispute("zz", "cy", "x"));
  }

  @Test
  void audit_releaseOfRecordNeitherDisputedNorHeld_fails() {
    CycleWorkflow w = collecting(new InMemoryLedgerStore()).beginReview();
    w.adjust(Adjustment.release("d1", "bo", "cy", "just because"));
    w.validate();
    AuditReport a = w.preview().audit();
    assertFalse(a.passed());
    assertEquals(List.of("exceptions explained: RELEASE of record d1, which is neither disputed nor held"),
        a.failures());
    assertTrue(a.render().contains("[FAIL] exceptions explained"), a.render());
  }

  @Test
  void audit_ledgerMovedMeanwhile_blocksFinalization() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    CycleWorkflow first = collecting(store).beginReview().validate();
    CycleWorkflow second = collecting(store).beginReview().validate();
    first.preview();
    LedgerEntry written = first.finalizeCycle();
    second.preview();
    AuditFailedException e = assertThrows(AuditFailedException.class, second::finalizeCycle);
    assertEquals(List.of("chain intact: the ledger moved since this cycle started: its last entry is now "
        + written.hash() + ", not " + LedgerEntry.GENESIS), e.report().failures());
    assertEquals(1, store.load().size());
  }

  @Test
  void start_cycleNotAfterLast_isRefused() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    CycleWorkflow w = collecting(store).beginReview().validate();
    w.preview();
    w.finalizeCycle();
    Policy p = policy();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CycleHistory.open(store, p).start(p, month(0)));
    assertEquals("cycle.sequence (0) must be after the last finalized cycle's (0)", e.getMessage());
  }

  private static CycleWorkflow heldByGuardrail() {
    Policy p = policy().toBuilder().guardrail(new LedgerReplayProperties.HoldSuspicious())
        .karma(new dev.kat.core.policy.KarmaPolicy(1, 1, 4, -100, 1000, 0)).build();
    CycleWorkflow w = CycleHistory.open(new InMemoryLedgerStore(), p).start(p, month(0));
    w.submit(rec("r1", "ana", "session_hosting", 0));
    w.submit(dev.kat.core.model.Contribution.builder("r2", "ana", "session_hosting", dev.kat.core.model.Roles.DAO_MEMBER,
        java.time.Instant.parse("2026-01-12T00:00:00Z")).approvedBy("validator").attribute("suspicious", 1).build());
    return w.beginReview().validate();
  }

  @Test
  void guardrailHold_blocksUntilSettled_voidConfirmsItAndCostsKarma() {
    CycleWorkflow w = heldByGuardrail();
    Preview p = w.preview();
    assertEquals(List.of("holds resolved: record r2 is held by a guardrail and neither released nor voided"),
        p.audit().failures());
    w.adjust(Adjustment.voidRecord("r2", "ana", "cy", "suspicion confirmed"));
    Preview voided = w.preview();
    assertTrue(voided.audit().passed(), voided.audit().render());
    // r1 earns 10; the confirmed hold costs 4 karma: 10 - 4
    assertEquals(10 * C, voided.result().credit("ana"));
    assertEquals(6 * C, voided.result().karma("ana"));
    assertEquals(List.of(), voided.result().held());
    assertEquals("exception:void", voided.result().statement("ana").records().get(1).laterSteps().get(1).ruleId());
    assertEquals(0, voided.result().statement("ana").records().get(1).credit());
  }

  @Test
  void guardrailHold_released_countsAndCostsNothing() {
    CycleWorkflow w = heldByGuardrail();
    w.preview();
    w.adjust(Adjustment.release("r2", "ana", "cy", "checked the session recording"));
    Preview released = w.preview();
    assertTrue(released.audit().passed(), released.audit().render());
    assertEquals(20 * C, released.result().credit("ana"));
    assertEquals(20 * C, released.result().karma("ana"));
    assertEquals(1, released.result().flags().size());
    w.finalizeCycle();
  }
}
