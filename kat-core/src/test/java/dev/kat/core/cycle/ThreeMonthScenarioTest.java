package dev.kat.core.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kat.core.engine.ContributorState;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.ledger.Adjustment;
import dev.kat.core.ledger.Correction;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.Ledgers;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.ExceptionLimits;
import dev.kat.core.policy.Goal;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import dev.kat.core.privilege.Metric;
import dev.kat.core.privilege.PrivilegeGrant;
import dev.kat.core.privilege.Privileges;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Three months of one DAO through the whole workflow: a dispute that blocks finalization until it is
 * resolved, a manual grant, a correction of a finalized record, and a privilege gained then lost. Every
 * figure is worked out by hand in the comments.
 */
class ThreeMonthScenarioTest {
  static final long C = 1_000_000L;

  static Policy policy() {
    return Policy.builder("exchange").dao("exchange")
        .category(CategorySpec.of("session_hosting", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("documentation", 5, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false).budget(1000)
        // karma halves every cycle, +1 per credit, no influence on KAT
        .karma(new KarmaPolicy(1, 1, 0, 0, 1000, 0))
        .exceptionLimits(new ExceptionLimits(20, 2))
        .privilege(Privileges.atLeast("karma-40", Privileges.PRIORITY_SCHEDULING, Metric.KARMA, 40))
        .privilege(Privileges.activity("three-sessions", Privileges.badge("seasoned-guide", "hosted 3 sessions"),
            "session_hosting", 3))
        .goal(Goal.records("sessions", "session_hosting", 20))
        .build();
  }

  static Contribution rec(String id, String who, String category, int month) {
    return Contribution.builder(id, who, category, Roles.DAO_MEMBER,
        YearMonth.of(2026, month + 1).atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC)).dao("exchange")
        .approvedBy("validator").build();
  }

  static Cycle month(int m) {
    return Cycle.ofMonth(YearMonth.of(2026, m + 1), m);
  }

  @Test
  void threeMonths_everyFigure() {
    Policy policy = policy();
    InMemoryLedgerStore store = new InMemoryLedgerStore();

    // ---- January: ana hosts 3 sessions (30 credit), bo writes 2 docs (10 credit)
    CycleWorkflow jan = CycleHistory.open(store, policy).start(policy, month(0));
    jan.submitAll(List.of(rec("r1", "ana", "session_hosting", 0), rec("r2", "ana", "session_hosting", 0),
        rec("r3", "ana", "session_hosting", 0), rec("d1", "bo", "documentation", 0),
        rec("d2", "bo", "documentation", 0)));
    jan.beginReview().validate();
    Preview p0 = jan.preview();
    assertEquals(Optional.empty(), p0.sinceLastPreview());
    LedgerEntry e0 = jan.finalizeCycle();
    CycleResult r0 = jan.finalizedResult().orElseThrow();
    assertEquals(CycleStage.FINALIZED, jan.stage());
    assertEquals(750, r0.kat("ana"));                 // 1000 x 30/40
    assertEquals(250, r0.kat("bo"));
    assertEquals(30 * C, r0.karma("ana"));
    assertEquals(10 * C, r0.karma("bo"));
    assertEquals(Set.of("seasoned-guide"), r0.privileges("ana"));
    assertEquals(Set.of(), r0.privileges("bo"));
    assertEquals(new TreeMap<>(Map.of("ana", 750L, "bo", 250L)), e0.allocations());
    assertEquals(LedgerEntry.GENESIS, e0.previousHash());

    // ---- February: ana hosts 3 more (30), bo 2 docs of which d4 is disputed
    CycleWorkflow feb = CycleHistory.open(store, policy).start(policy, month(1));
    feb.submitAll(List.of(rec("r4", "ana", "session_hosting", 1), rec("r5", "ana", "session_hosting", 1),
        rec("r6", "ana", "session_hosting", 1), rec("d3", "bo", "documentation", 1),
        rec("d4", "bo", "documentation", 1)));
    feb.beginReview();
    feb.dispute("d4", "cy", "duplicate of d3");
    feb.validate();
    Preview p1 = feb.preview();
    // d4 held: ana 30, bo 5 -> 857.14, 142.86 -> 857, 143
    assertEquals(857, p1.result().kat("ana"));
    assertEquals(143, p1.result().kat("bo"));
    assertEquals(List.of(new ResultDiff.Change("ana", 30 * C, 30 * C, 30 * C, 45 * C, 750, 857),
        new ResultDiff.Change("bo", 10 * C, 5 * C, 10 * C, 10 * C, 250, 143)), p1.sincePreviousCycle().changes());
    AuditFailedException blocked = assertThrows(AuditFailedException.class, feb::finalizeCycle);
    assertEquals(List.of("holds resolved: record d4 is disputed by cy (duplicate of d3) and neither released nor voided"),
        blocked.report().failures());
    assertEquals(CycleStage.PREVIEWED, feb.stage());
    assertEquals(1, store.load().size());

    feb.adjust(Adjustment.grant("bo", 10 * C, "cy", "translated the onboarding guide"));
    assertEquals(CycleStage.VALIDATED, feb.stage());
    feb.adjust(Adjustment.voidRecord("d4", "bo", "cy", "confirmed duplicate of d3"));
    Preview p2 = feb.preview();
    // bo: 5 + 10 granted = 15; ana 30 -> 666.67, 333.33 -> 667, 333
    assertEquals(List.of(new ResultDiff.Change("ana", 30 * C, 30 * C, 45 * C, 45 * C, 857, 667),
        new ResultDiff.Change("bo", 5 * C, 15 * C, 10 * C, 20 * C, 143, 333)),
        p2.sinceLastPreview().orElseThrow().changes());
    assertEquals(true, p2.audit().passed());
    LedgerEntry e1 = feb.finalizeCycle();
    CycleResult r1 = feb.finalizedResult().orElseThrow();
    assertEquals(667, r1.kat("ana"));
    assertEquals(333, r1.kat("bo"));
    assertEquals(15 * C, r1.credit("bo"));
    assertEquals(10 * C, r1.statement("bo").creditAdjustment());
    assertEquals(45 * C, r1.karma("ana"));            // 30 x 0.5 + 30
    assertEquals(20 * C, r1.karma("bo"));             // 10 x 0.5 + 15
    assertEquals(Set.of("priority-scheduling", "seasoned-guide"), r1.privileges("ana"));
    assertEquals(List.of(new PrivilegeGrant("ana", "priority-scheduling", 1, PrivilegeGrant.Change.GAINED),
        new PrivilegeGrant("ana", "seasoned-guide", 0, PrivilegeGrant.Change.KEPT)), r1.privileges());
    assertEquals(e0.hash(), e1.previousHash());

    // ---- March: ana hosts 1 (10) and corrects January's r3, which was documentation (5, not 10)
    CycleHistory marchHistory = CycleHistory.open(store, policy);
    CycleWorkflow mar = marchHistory.start(policy, month(2));
    mar.submitAll(List.of(rec("r7", "ana", "session_hosting", 2),
        Contribution.builder("r3c", "ana", "documentation", Roles.DAO_MEMBER,
            YearMonth.of(2026, 3).atDay(11).atStartOfDay().toInstant(ZoneOffset.UTC)).dao("exchange")
            .approvedBy("validator").supersedes("r3").build(),
        rec("d5", "bo", "documentation", 2), rec("d6", "bo", "documentation", 2)));
    mar.beginReview().validate();
    Preview p3 = mar.preview();
    assertEquals(List.of(new Correction("r3c", "r3", "ana", 10 * C, 0)), p3.audit().corrections());
    LedgerEntry e2 = mar.finalizeCycle();
    CycleResult r2 = mar.finalizedResult().orElseThrow();
    // ana: 10 (r7) + 5 (r3c) - 10 (r3 reversed) = 5; bo 10 -> 333.33, 666.67
    assertEquals(5 * C, r2.credit("ana"));
    assertEquals(-10 * C, r2.statement("ana").creditAdjustment());
    assertEquals(10 * C, r2.credit("bo"));
    assertEquals(333, r2.kat("ana"));
    assertEquals(667, r2.kat("bo"));
    assertEquals(27_500_000L, r2.karma("ana"));       // 45 x 0.5 + 5: below 40, priority lapses
    assertEquals(20 * C, r2.karma("bo"));             // 20 x 0.5 + 10
    assertEquals(Set.of("seasoned-guide"), r2.privileges("ana"));
    assertEquals(List.of(new PrivilegeGrant("ana", "priority-scheduling", 1, PrivilegeGrant.Change.LOST),
        new PrivilegeGrant("ana", "seasoned-guide", 0, PrivilegeGrant.Change.KEPT)), r2.privileges());
    assertEquals(7, r2.goalProgress().get(0).cumulative());   // 3 + 3 + 1 validated sessions
    ContributorState ana = r2.nextState().get("ana");
    // decayed credit at the default discount 0.1: (30 x 0.9 + 30) x 0.9 + 5 = 56.3
    assertEquals(new ContributorState("ana", 27_500_000L, 65 * C, 1750, 56_300_000L,
        new TreeMap<>(Map.of("documentation", 1L, "session_hosting", 7L)), new TreeMap<>(Map.of("seasoned-guide", 0L))),
        ana);
    assertEquals(1250, r2.nextState().get("bo").lifetimeKat());   // 250 + 333 + 667

    // ---- the history shows both records and the ledger replays to the same bytes
    assertEquals("r3", marchHistory.credited("r3").orElseThrow().recordId());
    List<LedgerEntry> ledger = store.load();
    assertEquals(List.of(e0, e1, e2), ledger);
    List<CycleResult> replayed = Ledgers.replay(ledger, policy);
    assertEquals(List.of(r0.contentHash(), r1.contentHash(), r2.contentHash()),
        replayed.stream().map(CycleResult::contentHash).toList());
    assertEquals("record r3d corrects r3, already corrected by r3c in cycle 2026-03", correctAgain(store, policy));
  }

  /** A fourth cycle that corrects r3 again: its audit names the earlier correction. */
  private static String correctAgain(InMemoryLedgerStore store, Policy policy) {
    CycleWorkflow apr = CycleHistory.open(store, policy).start(policy, month(3));
    apr.submit(Contribution.builder("r3d", "ana", "documentation", Roles.DAO_MEMBER,
        YearMonth.of(2026, 4).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC)).approvedBy("validator")
        .supersedes("r3").build());
    apr.beginReview().validate();
    List<String> failures = apr.preview().audit().checks().get(3).failures();
    return String.join("; ", failures);
  }
}
