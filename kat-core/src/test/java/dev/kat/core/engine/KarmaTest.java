package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.worth;
import static dev.kat.core.engine.Fixtures.xy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.guard.Action;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KarmaTest {

  private static PriorState prior(long sequence, String contributor, long karmaMicros) {
    TreeMap<String, ContributorState> m = new TreeMap<>();
    m.put(contributor, new ContributorState(contributor, karmaMicros, 0, 0));
    return new PriorState(sequence, m, new TreeSet<>());
  }

  private static CycleResult run(Policy p, long sequence, PriorState prior, Contribution... records) {
    return KatEngine.of(p).run(Cycle.ofMonth(YearMonth.of(2026, 10), sequence), List.of(records), prior);
  }

  @Test
  void karma_twoCyclesAtHalfLifeTwo_halvesThenAddsGain() {
    Policy p = xy().karma(new KarmaPolicy(2, 1, 0, 0, 1000, 0)).build();
    CycleResult r = run(p, 2, prior(0, "alice", 80_000_000L), worth("a", "alice", "x", 1, 10));
    Statement s = r.statement("alice");
    assertEquals(80_000_000L, s.karmaPrior());
    assertEquals(40_000_000L, s.karmaDecayed());
    assertEquals(10_000_000L, s.karmaGain());
    assertEquals(0L, s.karmaPenalty());
    assertEquals(50_000_000L, s.karmaAfter());
    // the same figures from the result, without building the statement
    assertEquals(80_000_000L, r.karmaPrior("alice"));
    assertEquals(40_000_000L, r.karmaDecayed("alice"));
    assertEquals(10_000_000L, r.karmaGain("alice"));
    assertEquals(0L, r.karmaPenalty("alice"));
    assertEquals(0, r.flagCount("alice"));
  }

  @Test
  void karma_oneCycleAtHalfLifeTwo_decaysByRootHalf() {
    Policy p = xy().karma(new KarmaPolicy(2, 1, 0, 0, 1000, 0)).build();
    CycleResult r = run(p, 1, prior(0, "alice", 80_000_000L));
    // 80 · 2^(−1/2) = 56.568542494923… -> 56.568542; no records, no gain
    assertEquals(56_568_542L, r.karma("alice"));
    assertEquals(0L, r.credit("alice"));
    assertEquals(0L, r.kat("alice"));
  }

  @Test
  void karma_gainPerCredit_scalesGain() {
    Policy p = xy().karma(new KarmaPolicy(6, 0.25, 0, 0, 1000, 0)).build();
    assertEquals(2_500_000L, run(p, 1, PriorState.empty(), worth("a", "alice", "x", 1, 10)).karma("alice"));
  }

  @Test
  void karma_clampedAtCeiling() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 0, 0, 100, 0)).build();
    Statement s = run(p, 1, prior(0, "alice", 100_000_000L), worth("a", "alice", "x", 1, 80)).statement("alice");
    assertEquals(50_000_000L, s.karmaDecayed());
    assertEquals(80_000_000L, s.karmaGain());
    assertEquals(100_000_000L, s.karmaAfter());
  }

  @Test
  void karma_rejectingFlagPenalty_clampedAtFloor() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 30, -10, 100, 0))
        .guardrail(new FlagRecords("test-reject", Action.REJECT, 0, "a")).build();
    CycleResult r = run(p, 1, PriorState.empty(), worth("a", "alice", "x", 1, 5));
    Statement s = r.statement("alice");
    assertEquals(0L, s.credit());
    assertEquals(0L, s.karmaGain());
    assertEquals(30_000_000L, s.karmaPenalty());
    assertEquals(-10_000_000L, s.karmaAfter());
    assertEquals(30_000_000L, r.karmaPenalty("alice"));
    assertEquals(1, s.flags().size());
    assertEquals(1, r.flagCount("alice"));
  }

  @Test
  void karma_dampenFlag_isNoPenalty() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 30, -10, 100, 0))
        .guardrail(new FlagRecords("test-dampen", Action.DAMPEN, 0.5, "a")).build();
    Statement s = run(p, 1, PriorState.empty(), worth("a", "alice", "x", 1, 5)).statement("alice");
    assertEquals(2_500_000L, s.credit());
    assertEquals(0L, s.karmaPenalty());
    assertEquals(2_500_000L, s.karmaAfter());
  }

  @Test
  void karma_influenceZero_weightIsCredit() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 0, 0, 100, 0)).budget(27).build();
    CycleResult r = run(p, 1, prior(0, "alice", 100_000_000L),
        worth("a", "alice", "x", 1, 10), worth("b", "bob", "x", 1, 10));
    assertEquals(10_000_000L, r.statement("alice").weight());
    // equal weights: 13.5 each, the spare unit goes to the lower id
    assertEquals(Map.of("alice", 14L, "bob", 13L), r.allocations());
  }

  @Test
  void karma_influencePositive_raisesWeightByKarmaShareOfCeiling() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 0, 0, 100, 1)).budget(27).build();
    CycleResult r = run(p, 1, prior(0, "alice", 100_000_000L),
        worth("a", "alice", "x", 1, 10), worth("b", "bob", "x", 1, 10));
    // alice: karma 100/2 + 10 = 60 -> weight 10·(1 + 60/100) = 16; bob: karma 10 -> weight 11
    assertEquals(60_000_000L, r.karma("alice"));
    assertEquals(16_000_000L, r.statement("alice").weight());
    assertEquals(11_000_000L, r.statement("bob").weight());
    assertEquals(16_000_000L, r.weight("alice"));
    assertEquals(11_000_000L, r.weight("bob"));
    assertEquals(Map.of("alice", 16L, "bob", 11L), r.allocations());
  }

  @Test
  void karma_negativeKarma_givesNoBoostAndNoLoss() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 0, -100, 100, 1)).build();
    CycleResult r = run(p, 1, prior(0, "alice", -100_000_000L), worth("a", "alice", "x", 1, 10));
    assertEquals(-40_000_000L, r.karma("alice"));
    assertEquals(10_000_000L, r.statement("alice").weight());
  }

  @Test
  void nextState_carriesKarmaAndLifetimeTotals() {
    Policy p = xy().karma(new KarmaPolicy(1, 1, 0, 0, 100, 0)).budget(10).build();
    CycleResult r = run(p, 1, prior(0, "alice", 20_000_000L), worth("a", "alice", "x", 1, 4));
    ContributorState st = r.nextState().get("alice");
    assertEquals(1, r.nextState().sequence());
    assertEquals(14_000_000L, st.karma());
    assertEquals(4_000_000L, st.lifetimeCredit());
    assertEquals(10L, st.lifetimeKat());
  }

  @Test
  void run_priorFromSameOrLaterCycle_fails() {
    Policy p = xy().build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run(p, 1, prior(1, "alice", 0)));
    assertTrue(e.getMessage().contains("prior.sequence (1)"), e.getMessage());
  }
}
