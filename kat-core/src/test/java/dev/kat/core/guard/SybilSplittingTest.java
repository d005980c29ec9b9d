package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Splitting one contributor's work across n identities does not raise the combined KAT: credit is a
 * per-record sum, so work validated by trusted members earns the same however it is split, and
 * identities that validate each other earn only the trust that flows into them from outside.
 */
class SybilSplittingTest {

  private static final Policy GUARDED = policy(Guardrails.selfDealing(), Guardrails.evidenceReuse(),
      Guardrails.pairwiseReciprocity(), Guardrails.collusionRings(), Guardrails.eigenTrust(new TreeSet<>(List.of("steward"))));

  private static List<Contribution> world(int identities, boolean selfValidated) {
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      out.add(docs("alice" + i, "alice", at(1 + i, 9)).approvedBy("steward").build());
    }
    for (int i = 0; i < 12; i++) {
      String me = identities == 1 ? "mallory" : "mallory" + (i % identities);
      String validator = selfValidated ? "mallory" + ((i + 1) % identities) : "steward";
      out.add(docs("m" + i, me, at(1 + i, 11)).approvedBy(validator).build());
    }
    return out;
  }

  private static long malloryKat(CycleResult r, int identities) {
    if (identities == 1) {
      return r.kat("mallory");
    }
    long s = 0;
    for (int i = 0; i < identities; i++) {
      s += r.kat("mallory" + i);
    }
    return s;
  }

  @Test
  void split_validatedByTrustedSteward_combinedKatUnchanged() {
    long single = malloryKat(run(GUARDED, world(1, false)), 1);
    assertEquals(500_000L, single);
    for (int n : new int[] {2, 3, 4, 6}) {
      assertEquals(single, malloryKat(run(GUARDED, world(n, false)), n), "identities " + n);
    }
  }

  @Test
  void split_identitiesValidatingEachOther_earnNothing() {
    long single = malloryKat(run(GUARDED, world(1, false)), 1);
    for (int n : new int[] {2, 3, 4, 6}) {
      CycleResult unguarded = run(policy(), world(n, true));
      assertEquals(500_000L, malloryKat(unguarded, n), "without guardrails the sybils would earn it all");
      CycleResult guarded = run(GUARDED, world(n, true));
      assertEquals(0L, malloryKat(guarded, n), "identities " + n);
      assertTrue(malloryKat(guarded, n) <= single);
      assertEquals(1_000_000L, guarded.kat("alice"));
      assertTrue(guarded.statement("mallory0").render().contains("little trust"));
    }
  }
}
