package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewerConcentrationGuardrailTest {

  @Test
  void concentration_oneFriendValidatesEverything_dampened() {
    List<Contribution> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      records.add(docs("o" + i, "m" + i, at(1 + i, 9)).approvedBy("steward" + (i % 2)).build());
    }
    for (int i = 0; i < 6; i++) {
      records.add(docs("c" + i, "cora", at(1 + i, 12)).approvedBy("buddy").build());
    }
    CycleResult r = run(policy(Guardrails.reviewerConcentration()), records);
    assertEquals(15_000_000L, r.credit("cora"), "six records of 5 at 50%");
    Flag f = r.flags().get(0);
    assertEquals(List.of("buddy", "cora"), f.contributors());
    assertTrue(f.evidence().startsWith("buddy alone approved 6 of the 6 approved records of cora (100%) but only 23%"));
  }

  @Test
  void concentration_singleValidatorForEveryone_notFlagged() {
    List<Contribution> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      records.add(docs("o" + i, "m" + (i % 5), at(1 + i % 28, 9)).approvedBy("steward").build());
    }
    assertTrue(run(policy(Guardrails.reviewerConcentration()), records).flags().isEmpty());
  }

  @Test
  void rubberStamp_approvesWhatOthersReject_scoredAndSoleApprovalsDampened() {
    List<Contribution> records = new ArrayList<>();
    for (int s = 0; s < 24; s++) {
      Contribution.Builder b = docs("peer" + s, "m" + (s % 6), at(1 + s, 20)).approvedBy("stamp");
      for (int c = 0; c < 3; c++) {
        b.review(s % 3 == 0 ? Review.reject("critic" + c) : Review.approve("critic" + c));
      }
      records.add(b.build());
    }
    records.add(docs("solo", "m1", at(25, 9)).approvedBy("stamp").build());
    CycleResult r = run(policy(Guardrails.reviewerConcentration()), records);
    assertEquals(8, r.rejections().size(), "the critics' majority rejected every third record");
    Flag note = r.flags().stream().filter(f -> f.action() == Action.NOTE).findFirst().orElseThrow();
    assertEquals(List.of("stamp"), note.contributors());
    assertTrue(note.evidence().contains("agreed with the other reviewers' majority in 16 of 24 shared reviews (67%,"
        + " against a median of 100%)"), note.evidence());
    Flag damp = r.flags().stream().filter(f -> f.action() == Action.DAMPEN).findFirst().orElseThrow();
    assertEquals(List.of("solo"), damp.recordIds());
    assertEquals(List.of("m1", "stamp"), damp.contributors());
    assertEquals(4 * 5_000_000L + 2_500_000L, r.credit("m1"));
  }
}
