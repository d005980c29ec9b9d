package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static dev.kat.core.guard.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RejectionCode;
import dev.kat.core.model.Review;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfDealingGuardrailTest {

  @Test
  void inspect_selfReview_earnsZero() {
    CycleResult r = run(policy(Guardrails.selfDealing()), List.of(
        docs("a1", "alice", at(2, 9)).review(Review.approve("alice")).build(),
        docs("a2", "alice", at(3, 9)).approvedBy("bob").build()));
    assertEquals(5_000_000L, r.credit("alice"));
    assertEquals(RejectionCode.SELF_REVIEW, r.rejections().get(0).code());
    assertEquals("a1", r.rejections().get(0).record().id());
  }

  @Test
  void inspect_ownCounterpart_rejectsAndSaysWhy() {
    CycleResult r = run(policy(Guardrails.selfDealing()), List.of(
        session("s1", "alice", "alice", at(2, 9)).approvedBy("bob").build(),
        docs("a2", "alice", at(3, 9)).approvedBy("bob").build()));
    assertEquals(5_000_000L, r.credit("alice"));
    Flag f = r.flags().get(0);
    assertEquals(Action.REJECT, f.action());
    assertEquals(List.of("s1"), f.recordIds());
    assertEquals(List.of("alice"), f.contributors());
    assertTrue(r.statement("alice").render().contains("name their own contributor alice as counterpart"));
  }

  @Test
  void inspect_approvedOnlyByCounterpart_rejected() {
    CycleResult r = run(policy(Guardrails.selfDealing()), List.of(
        session("s1", "alice", "bob", at(2, 9)).approvedBy("bob").build(),
        session("s2", "alice", "bob", at(3, 9)).approvedBy("bob").approvedBy("carol").build()));
    assertEquals(10_000_000L, r.credit("alice"));
    assertEquals(List.of("s1"), r.flags().get(0).recordIds());
  }

  @Test
  void inspect_counterpartApprovalAllowed_keepsCredit() {
    CycleResult r = run(policy(new SelfDealingGuardrail(true)), List.of(
        session("s1", "alice", "bob", at(2, 9)).approvedBy("bob").build()));
    assertEquals(10_000_000L, r.credit("alice"));
    assertTrue(r.flags().isEmpty());
  }
}
