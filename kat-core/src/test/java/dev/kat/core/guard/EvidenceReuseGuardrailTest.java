package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static dev.kat.core.guard.Fixtures.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EvidenceReuseGuardrailTest {

  private static final String REPORT = "https://example.org/report.pdf";

  @Test
  void inspect_sameEvidenceThreeTimes_earnsOnce() {
    List<Contribution> records = List.of(
        docs("a1", "alice", at(2, 9)).evidence(REPORT).build(),
        docs("a2", "alice", at(3, 9)).evidence(REPORT).build(),
        docs("a3", "alice", at(4, 9)).evidence(REPORT).build());
    for (long seed = 0; seed < 5; seed++) {
      CycleResult r = run(policy(Guardrails.evidenceReuse()), shuffled(records, seed));
      assertEquals(5_000_000L, r.credit("alice"));
      assertEquals(2, r.flags().size());
      assertEquals(5_000_000L, r.statement("alice").records().get(0).credit(), "a1, the earliest, counts");
    }
  }

  @Test
  void inspect_sameEvidenceAcrossContributors_earliestWinsWhateverTheOrder() {
    List<Contribution> records = List.of(
        docs("b1", "bob", at(2, 9)).evidence(REPORT).build(),
        docs("a1", "alice", at(5, 9)).evidence(REPORT).build(),
        docs("a2", "alice", at(6, 9)).build());
    for (long seed = 0; seed < 5; seed++) {
      CycleResult r = run(policy(Guardrails.evidenceReuse()), shuffled(records, seed));
      assertEquals(5_000_000L, r.credit("bob"));
      assertEquals(5_000_000L, r.credit("alice"));
      assertEquals(List.of("a1"), r.flags().get(0).recordIds());
      assertTrue(r.flags().get(0).evidence().contains("also backs the earlier record b1"));
    }
  }

  @Test
  void inspect_sameTime_smallerRecordIdIsFirst() {
    List<Contribution> records = List.of(
        docs("z", "zoe", at(2, 9)).evidence(REPORT).build(),
        docs("y", "yan", at(2, 9)).evidence(REPORT).build());
    for (long seed = 0; seed < 4; seed++) {
      CycleResult r = run(policy(Guardrails.evidenceReuse()), shuffled(records, seed));
      assertEquals(5_000_000L, r.credit("yan"));
      assertEquals(0L, r.credit("zoe"));
    }
  }

  @Test
  void inspect_contentHashAtTwoUris_isTheSameEvidence() {
    CycleResult r = run(policy(Guardrails.evidenceReuse()), List.of(
        docs("a1", "alice", at(2, 9)).evidence(new Evidence("https://a.example/x", "abc123")).build(),
        docs("a2", "alice", at(3, 9)).evidence(new Evidence("https://b.example/y", "abc123")).build()));
    assertEquals(5_000_000L, r.credit("alice"));
    assertTrue(r.flags().get(0).evidence().contains("sha:abc123"));
  }

  @Test
  void inspect_evidenceFromEarlierCycle_rejected() {
    PriorState prior = new PriorState(2, new TreeMap<>(), new TreeSet<>(List.of("uri:" + REPORT)));
    CycleResult r = run(policy(Guardrails.evidenceReuse()), List.of(
        docs("a1", "alice", at(2, 9)).evidence(REPORT).build(),
        docs("a2", "alice", at(3, 9)).evidence("https://example.org/new").build()), prior);
    assertEquals(5_000_000L, r.credit("alice"));
    assertTrue(r.flags().get(0).evidence().contains("already recognised in an earlier cycle"));
    CycleResult ignoringPrior = run(policy(new EvidenceReuseGuardrail(false)), List.of(
        docs("a1", "alice", at(2, 9)).evidence(REPORT).build()), prior);
    assertEquals(5_000_000L, ignoringPrior.credit("alice"));
  }

  @Test
  void nextState_keepsOnlyTheCountedEvidence_soTheNextCycleRejectsReuse() {
    CycleResult first = run(policy(Guardrails.evidenceReuse()), List.of(
        docs("a1", "alice", at(2, 9)).evidence(REPORT).build()));
    assertTrue(first.nextState().evidenceKeys().contains("uri:" + REPORT));
  }
}
