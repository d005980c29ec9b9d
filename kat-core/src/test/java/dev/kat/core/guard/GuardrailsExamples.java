package dev.kat.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The examples of docs/guardrails.md, run as written. */
class GuardrailsExamples {

  @Test
  void policyExample_buildsAndExplainsTheRingInWords() {
    Policy policy = Policy.builder("exchange-dao/2026-10")
        .category(CategorySpec.of("session", 10, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false)
        .guardrail(Guardrails.selfDealing())
        .guardrail(Guardrails.evidenceReuse())
        .guardrail(Guardrails.pairwiseReciprocity(20))
        .guardrail(Guardrails.collusionRings())
        .guardrail(Guardrails.eigenTrust(new TreeSet<>(List.of("steward"))))
        .build();
    assertEquals(5, policy.guardrails().size());

    List<Contribution> ring = new ArrayList<>();
    int slot = 0;
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 3; k++) {
        ring.add(Fixtures.session("x" + slot, "ring" + i, "ring" + (i + 1) % 4, Fixtures.at(1, slot)).build());
        slot++;
        ring.add(Fixtures.session("x" + slot, "ring" + (i + 1) % 4, "ring" + i, Fixtures.at(1, slot)).build());
        slot++;
      }
    }
    CycleResult r = KatEngine.of(policy).run(Fixtures.CYCLE, ring, PriorState.empty());
    String statement = r.statement("ring0").render();
    assertTrue(statement.contains("guard pairwise-reciprocity ×0.285714 (dampen: ring0 and ring1 share 6 records"
        + " this cycle (hosting, attending or reviewing each other's work). After the first, their 50.00 credit of"
        + " repeated records is scaled by M/(M+repeats) = 0.285714 (M = 20.0), so a pair never earns more than M"
        + " beyond its first record. Working with more different people earns full credit.)"), statement);
  }
}
