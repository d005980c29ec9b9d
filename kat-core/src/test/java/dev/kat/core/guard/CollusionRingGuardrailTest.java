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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollusionRingGuardrailTest {

  /** Four members who each swap a session with every other member, and each host the hub once. */
  private static List<Contribution> ringAttachedToHub() {
    List<Contribution> out = new ArrayList<>();
    int slot = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        out.add(session("x" + slot, "ring" + i, "ring" + j, at(1 + slot / 24, slot % 24)).build());
        slot++;
        out.add(session("x" + slot, "ring" + j, "ring" + i, at(1 + slot / 24, slot % 24)).build());
        slot++;
      }
      out.add(session("hub" + i, "ring" + i, "hub", at(5, i)).build());
    }
    for (int k = 0; k < 10; k++) {
      out.add(session("h" + k, "hub", "member" + k, at(6 + k, 10)).build());
    }
    return out;
  }

  @Test
  void inspect_ringAttachedToHonestHub_ringFlaggedHubNot() {
    List<Contribution> records = ringAttachedToHub();
    CycleResult r = run(policy(Guardrails.collusionRings()), records);
    assertEquals(1, r.flags().size());
    Flag f = r.flags().get(0);
    assertEquals(List.of("ring0", "ring1", "ring2", "ring3"), f.contributors());
    assertEquals(12, f.recordIds().size());
    assertEquals(0.25, f.factor(), 0.0);
    // each member: 3 ring sessions at 2.5 and the session with the hub at 10
    assertEquals(17_500_000L, r.credit("ring0"));
    assertEquals(100_000_000L, r.credit("hub"));
    assertTrue(f.evidence().startsWith("4 contributors (ring0, ring1, ring2, ring3) shared 86% of their"));
    for (long seed = 0; seed < 3; seed++) {
      assertEquals(r.contentHash(), run(policy(Guardrails.collusionRings()), shuffled(records, seed)).contentHash());
    }
  }

  @Test
  void inspect_largeHonestComponent_notFlagged() {
    // 40 people in one connected component: everyone hosts two others once, no pair repeats.
    List<Contribution> records = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      records.add(session("a" + i, "p" + i, "p" + (i + 1) % 40, at(1 + i % 28, 9)).build());
      records.add(session("b" + i, "p" + i, "p" + (i + 7) % 40, at(1 + i % 28, 15)).build());
    }
    assertTrue(run(policy(Guardrails.collusionRings()), records).flags().isEmpty());
  }
}
