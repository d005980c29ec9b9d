package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static dev.kat.core.guard.Fixtures.session;
import static dev.kat.core.guard.Fixtures.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseReciprocityGuardrailTest {

  @Test
  void inspect_fiveSessionsOneWay_repeatsScaledByMOverMPlusR() {
    List<Contribution> records = new ArrayList<>();
    for (int d = 1; d <= 5; d++) {
      records.add(session("s" + d, "alice", "bob", at(d, 10)).build());
    }
    CycleResult r = run(policy(Guardrails.pairwiseReciprocity(20)), records);
    // first 10 kept; repeats R = 40 scaled by 20 / (20 + 40) = 1/3 -> 3.333333 each
    assertEquals(10_000_000L + 4 * 3_333_333L, r.credit("alice"));
    Flag f = r.flags().get(0);
    assertEquals(List.of("s2", "s3", "s4", "s5"), f.recordIds());
    assertEquals(List.of("alice", "bob"), f.contributors());
    assertEquals(1.0 / 3.0, f.factor(), 0.0);
    assertTrue(r.statement("alice").render().contains("alice and bob share 5 records"));
  }

  @Test
  void inspect_singleSessionPerPair_untouched() {
    CycleResult r = run(policy(Guardrails.pairwiseReciprocity(20)), List.of(
        session("s1", "alice", "bob", at(1, 10)).build(),
        session("s2", "bob", "carol", at(2, 10)).build(),
        session("s3", "carol", "alice", at(3, 10)).build()));
    assertTrue(r.flags().isEmpty());
    assertEquals(30_000_000L, r.totalCredit());
  }

  @Test
  void inspect_reciprocalReviewsCount_oneWayReviewsDoNot() {
    List<Contribution> oneWay = List.of(
        Fixtures.docs("d1", "alice", at(1, 10)).approvedBy("bob").build(),
        Fixtures.docs("d2", "alice", at(2, 10)).approvedBy("bob").build());
    assertTrue(run(policy(Guardrails.pairwiseReciprocity(20)), oneWay).flags().isEmpty());
    List<Contribution> both = List.of(
        Fixtures.docs("d1", "alice", at(1, 10)).approvedBy("bob").build(),
        Fixtures.docs("d2", "bob", at(2, 10)).review(Review.approve("alice")).build());
    CycleResult r = run(policy(Guardrails.pairwiseReciprocity(20)), both);
    // d2 repeats d1 within the pair: 5 x 20 / 25 = 4
    assertEquals(4_000_000L, r.credit("bob"));
    assertEquals(5_000_000L, r.credit("alice"));
  }

  /**
   * A ring of 4 swapping 24 sessions (3 each way on each of its 4 pairs) against 24 sessions between 24
   * distinct honest pairs. Guarantee: a group whose sessions use P distinct pairs earns at most
   * P × (first session + M) from them, times the ring factor when the collusion-ring detector fires.
   */
  @Test
  void ringSwappingSessions_earnsFarLessPerSessionThanDistinctHonestPairs() {
    List<Contribution> ring = new ArrayList<>();
    int slot = 0;
    for (int i = 0; i < 4; i++) {
      String a = "ring" + i;
      String b = "ring" + ((i + 1) % 4);
      for (int k = 0; k < 3; k++) {
        ring.add(session("x" + slot, a, b, at(1 + slot / 24, slot % 24)).build());
        slot++;
        ring.add(session("x" + slot, b, a, at(1 + slot / 24, slot % 24)).build());
        slot++;
      }
    }
    List<Contribution> honest = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      honest.add(session("h" + i, "host" + i, "guest" + i, at(2 + i, 10)).build());
    }
    List<Contribution> all = new ArrayList<>(ring);
    all.addAll(honest);

    CycleResult pairwise = run(policy(Guardrails.pairwiseReciprocity(20)), all);
    // per pair: first 10, five repeats of 10 x 20/70 = 2.857143 -> 24.285715; four pairs
    assertEquals(97_142_860L, ringCredit(pairwise));
    assertTrue(ringCredit(pairwise) <= 4 * (10 + 20) * 1_000_000L);
    assertEquals(240_000_000L, honestCredit(pairwise));

    CycleResult both = run(policy(Guardrails.pairwiseReciprocity(20), Guardrails.collusionRings()), all);
    // the ring detector dampens every ring record to 25%: per pair 2.5 + 5 x 0.714286
    assertEquals(24_285_720L, ringCredit(both));
    assertEquals(240_000_000L, honestCredit(both));
    double ringPerSession = ringCredit(both) / 24.0;
    double honestPerSession = honestCredit(both) / 24.0;
    assertTrue(ringPerSession * 9 < honestPerSession, ringPerSession + " vs " + honestPerSession);
    for (long seed = 0; seed < 3; seed++) {
      assertEquals(both.contentHash(), run(policy(Guardrails.pairwiseReciprocity(20), Guardrails.collusionRings()),
          shuffled(all, seed)).contentHash());
    }
  }

  private static long ringCredit(CycleResult r) {
    long s = 0;
    for (int i = 0; i < 4; i++) {
      s += r.credit("ring" + i);
    }
    return s;
  }

  private static long honestCredit(CycleResult r) {
    long s = 0;
    for (int i = 0; i < 24; i++) {
      s += r.credit("host" + i);
    }
    return s;
  }
}
