package dev.kat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RejectionCode;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.WorkModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KatAssertionsTest {

  private static final Policy POLICY = WorkModel.standard().policyBuilder("p").budget(100).build();
  private static final Instant T = Instant.parse("2026-01-10T10:00:00Z");

  private static CycleResult run() {
    return PolicyContract.of(POLICY).run(List.of(
        Contribution.builder("a1", "alice", "documentation", "dao_member", T).build(),
        Contribution.builder("b1", "bob", "documentation", "dao_member", T).build(),
        Contribution.builder("b2", "bob", "documentation", "dao_member", T).build(),
        Contribution.builder("c1", "carol", "documentation", "dao_member", T).review(Review.approve("carol")).build()));
  }

  @Test
  void assertKat_matches_passes() {
    CycleResult r = run();
    KatAssertions.assertKat(r, "alice", 33);
    KatAssertions.assertKat(r, "bob", 67);
    KatAssertions.assertKat(r, "nobody", 0);
    KatAssertions.assertBudgetConserved(r);
    KatAssertions.assertStatementsRecompute(r);
  }

  @Test
  void assertKat_mismatch_saysBoth() {
    AssertionError e = assertThrows(AssertionError.class, () -> KatAssertions.assertKat(run(), "alice", 34));
    assertEquals("expected alice to receive 34 KAT but got 33", e.getMessage());
  }

  @Test
  void assertRejected_selfReview() {
    KatAssertions.assertRejected(run(), "c1", RejectionCode.SELF_REVIEW);
    AssertionError e = assertThrows(AssertionError.class,
        () -> KatAssertions.assertRejected(run(), "a1", RejectionCode.SELF_REVIEW));
    assertEquals("record a1 was not rejected (expected SELF_REVIEW)", e.getMessage());
  }

  @Test
  void sybilCheck_cappedPolicy_fails() {
    Policy capped = POLICY.toBuilder().caps(dev.kat.core.policy.Caps.NONE
        .withPerCycle(dev.kat.core.policy.CapSpec.hard(3))).build();
    List<Contribution> records = List.of(
        Contribution.builder("a1", "alice", "documentation", "dao_member", T).build(),
        Contribution.builder("b1", "bob", "documentation", "dao_member", T).build(),
        Contribution.builder("b2", "bob", "documentation", "dao_member", T).build());
    PolicyContract.of(POLICY).sybilSplittingDoesNotPay(records, "bob", 2);
    AssertionError e = assertThrows(AssertionError.class,
        () -> PolicyContract.of(capped).sybilSplittingDoesNotPay(records, "bob", 2));
    assertEquals("splitting bob's 2 records over 2 identities raised their KAT from 50 to 66", e.getMessage());
  }
}
