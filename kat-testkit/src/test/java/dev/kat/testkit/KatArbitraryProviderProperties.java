package dev.kat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.Population;
import dev.kat.core.sim.WorkModel;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KatArbitraryProviderProperties {

  private static final Policy STANDARD = WorkModel.standard().policyBuilder("standard").build();

  @Property(tries = 50)
  void forAllContribution_isAdmittedByTheStandardPolicy(@ForAll Contribution c) {
    CycleResult r = KatEngine.of(STANDARD).run(KatArbitraries.DEFAULT_CYCLE, List.of(c), PriorState.empty());
    assertEquals(1, r.acceptedCount(), () -> "rejected: " + r.rejections());
    assertTrue(KatArbitraries.DEFAULT_CONTRIBUTORS.contains(c.contributor()));
    for (Review review : c.reviews()) {
      assertNotEquals(c.contributor(), review.reviewer());
    }
  }

  @Property(tries = 50)
  void forAllReview_comesFromThePool(@ForAll Review review) {
    assertTrue(KatArbitraries.DEFAULT_CONTRIBUTORS.contains(review.reviewer()));
  }

  @Property(tries = 30)
  void forAllPolicy_conformsToThePermissiveFramework(@ForAll Policy policy) {
    assertEquals(List.of(), Framework.permissive().check(policy));
    assertTrue(policy.categories().containsKey("session_hosting"));
  }

  @Property(tries = 30)
  void forAllPopulation_hasHonestContributors(@ForAll Population population) {
    assertTrue(population.strategyNames().contains("honest"));
    assertTrue(population.agents() >= 1 && population.agents() <= 20 + 3 * 2);
  }

  @Property(tries = 10)
  void forAllScenario_replaysTheSameRecords(@ForAll Scenario scenario) {
    assertEquals(scenario.records(STANDARD), scenario.records(STANDARD));
  }
}
