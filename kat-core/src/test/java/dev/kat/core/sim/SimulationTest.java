package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.metrics.Concentration;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static final Policy POLICY = WorkModel.standard().policyBuilder("sim").build();

  private static Simulation small(Policy policy, Population population, int cycles, Behaviour behaviour) {
    return Simulation.builder(policy).population(population).cycles(cycles).behaviour(behaviour).build();
  }

  @Test
  void run_sameSeed_sameResult() {
    Simulation s = small(POLICY, Population.builder().add(Strategies.honest(), 30)
        .add(Strategies.collusionRing(3), 1).build(), 3, Behaviour.STATIC);
    assertEquals(s.run(11), s.run(11));
    assertNotEquals(s.run(11), s.run(12));
  }

  @Test
  void run_sharesOfAllStrategiesSumToOne() {
    Population p = Population.builder().add(Strategies.honest(), 20).add(Strategies.volumeFarmer(), 2)
        .add(Strategies.sessionSwappingPair(), 1).add(Strategies.collusionRing(4), 1)
        .add(Strategies.sybilSplitter(), 1).add(Strategies.rubberStampReviewer(), 1)
        .add(Strategies.lateBurstSubmitter(), 1).build();
    RunResult r = small(POLICY, p, 2, Behaviour.STATIC).run(5);
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      for (String s : p.strategyNames()) {
        sum += r.value(c, "share." + s);
        assertTrue(r.value(c, "share." + s) > 0, s + " earns something without guardrails");
      }
      assertEquals(1.0, sum, 1e-9);
      assertEquals(27, r.value(c, "agents"));
      assertEquals(20 + 2 + 2 + 4 + 4 + 1 + 1, r.value(c, "identities"));
    }
  }

  @Test
  void run_collusionRingRecordsAreWhatTheStrategySays() {
    Population p = Population.builder().add(Strategies.collusionRing(3, 2), 1).build();
    List<CycleResult> seen = new ArrayList<>();
    RunResult r = small(POLICY, p, 1, Behaviour.STATIC).run(1, (c, res) -> seen.add(res));
    CycleResult res = seen.get(0);
    assertEquals(6, r.value(0, "records"));
    assertEquals(6, res.acceptedCount());
    // 3 members × 2 sessions × 2 hours × 10 credit per hour
    assertEquals(120_000_000L, res.totalCredit());
    assertEquals(1.0, r.value(0, "share.collusion-ring"));
    // the budget splits 333 334 / 333 333 / 333 333: two members hold half
    assertEquals(2, r.value(0, "nakamoto50"));
    assertEquals(Concentration.gini(333_334, 333_333, 333_333), r.value(0, "gini"), 1e-15);
  }

  @Test
  void run_honestKatPerHour_isKatOverDeclaredHours() {
    Population p = Population.builder().add(Strategies.honest(5), 10).build();
    RunResult r = small(POLICY, p, 1, Behaviour.STATIC).run(3);
    assertTrue(r.value(0, "honest_kat_per_hour") > 0);
    assertEquals(1.0, r.value(0, "share.honest"), 1e-12);
    assertEquals(0.0, r.value(0, "flagged_honest_rate"));
  }

  @Test
  void run_agentsEarningNothingLeave() {
    Policy zeroDocs = WorkModel.standard().policyBuilder("zero-docs")
        .category(CategorySpec.of("documentation", 0, Unit.PER_RECORD)).build();
    Population p = Population.builder().add(Strategies.honest(), 10).add(Strategies.volumeFarmer(), 3).build();
    RunResult r = small(zeroDocs, p, 4, Behaviour.STATIC.withLeaving(2)).run(9);
    assertEquals(3, r.value(0, "agents.volume-farmer"));
    assertEquals(3, r.value(1, "agents.volume-farmer"));
    assertEquals(0, r.value(2, "agents.volume-farmer"));
  }

  @Test
  void run_payingGamingAttractsGamers() {
    Population p = Population.builder().add(Strategies.honest(), 30).add(Strategies.collusionRing(3), 2).build();
    RunResult r = small(POLICY, p, 4, Behaviour.STATIC.withRecruitment(0.5, 1000)).run(4);
    assertEquals(2, r.value(0, "agents.collusion-ring"));
    assertTrue(r.value(3, "agents.collusion-ring") > 2, "rings recruit while they out-earn honest agents");
    assertEquals(30, r.value(3, "agents.honest"));
  }

  @Test
  void builder_badCycles_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Simulation.builder(POLICY).cycles(0));
    assertEquals("cycles (0) must be >= 1", e.getMessage());
  }

  @Test
  void strategies_badArguments_throw() {
    assertEquals("size (1) must be >= 2",
        assertThrows(IllegalArgumentException.class, () -> Strategies.collusionRing(1)).getMessage());
    assertEquals("recordsPerCycle (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> Strategies.volumeFarmer(-1)).getMessage());
  }
}
