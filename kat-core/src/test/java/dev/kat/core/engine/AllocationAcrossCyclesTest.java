package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationAcrossCyclesTest {
  private static final long C = 1_000_000L;

  private static Policy policy(double discount, AllocationShare... shares) {
    return Policy.builder("p").category(CategorySpec.of("docs", 1, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false).budget(1000).creditDiscount(discount).allocation(shares).build();
  }

  /** {@code count} one-credit records for {@code who} in month {@code seq} (2026-01 + seq). */
  private static List<Contribution> records(String who, int count, int seq) {
    YearMonth m = YearMonth.of(2026, 1).plusMonths(seq);
    Instant t = m.atDay(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Contribution.builder(who + "-" + seq + "-" + i, who, "docs", Roles.DAO_MEMBER, t).build());
    }
    return out;
  }

  private static CycleResult run(KatEngine engine, int seq, PriorState prior, List<Contribution> records) {
    return engine.run(Cycle.ofMonth(YearMonth.of(2026, 1).plusMonths(seq), seq), records, prior);
  }

  @Test
  void decayedCredit_threeCycles_isSumOfDiscountedCredit() {
    KatEngine engine = KatEngine.of(policy(0.1, new AllocationShare(Allocations.recent(), 1)));
    CycleResult r0 = run(engine, 0, PriorState.empty(), records("alice", 100, 0));
    CycleResult r1 = run(engine, 1, r0.nextState(), records("alice", 50, 1));
    CycleResult r2 = run(engine, 2, r1.nextState(), records("alice", 20, 2));
    // 100 x 0.9^2 + 50 x 0.9 + 20 = 81 + 45 + 20
    assertEquals(100 * C, r0.decayedCredit("alice"));
    assertEquals(140 * C, r1.decayedCredit("alice"));
    assertEquals(146 * C, r2.decayedCredit("alice"));
    assertEquals(146 * C, r2.nextState().get("alice").decayedCredit());
  }

  @Test
  void decayedCredit_skippedCycle_decaysByGap() {
    KatEngine engine = KatEngine.of(policy(0.5, new AllocationShare(Allocations.recent(), 1)));
    CycleResult r0 = run(engine, 0, PriorState.empty(), records("alice", 80, 0));
    CycleResult r3 = run(engine, 3, r0.nextState(), records("alice", 1, 3));
    // 80 x 0.5^3 + 1 = 11
    assertEquals(11 * C, r3.decayedCredit("alice"));
  }

  @Test
  void recent_olderWorkCountsLess() {
    KatEngine engine = KatEngine.of(policy(0.5, new AllocationShare(Allocations.recent(), 1)));
    CycleResult r0 = run(engine, 0, PriorState.empty(), records("alice", 60, 0));
    List<Contribution> second = new ArrayList<>(records("bob", 30, 1));
    CycleResult r1 = run(engine, 1, r0.nextState(), second);
    // alice 60 x 0.5 = 30, bob 30: an even split although alice did nothing this cycle
    assertEquals(500, r1.kat("alice"));
    assertEquals(500, r1.kat("bob"));
  }

  @Test
  void eightyRecentTwentyBalanced_splitsBudgetBetweenPolicies() {
    KatEngine engine = KatEngine.of(policy(0.5, new AllocationShare(Allocations.recent(), 80),
        new AllocationShare(Allocations.balanced(), 20)));
    CycleResult r0 = run(engine, 0, PriorState.empty(), records("alice", 30, 0));
    assertEquals(1000, r0.kat("alice"));
    List<Contribution> second = new ArrayList<>(records("alice", 10, 1));
    second.addAll(records("bob", 10, 1));
    CycleResult r1 = run(engine, 1, r0.nextState(), second);
    // recent 800 over decayed 25 and 10 -> 571.43, 228.57 -> 571, 229 (larger remainder gets the unit)
    // balanced 200: L = 40, 10; P = 1000; targets 960, 240; underpaid 0, 240 -> all 200 to bob
    assertEquals(571, r1.kat("alice"));
    assertEquals(429, r1.kat("bob"));
    assertEquals(1000, r1.allocated());
    assertEquals(0, r1.unallocated());
  }

  @Test
  void fixedRate_leavesUnusedCeilingUnallocated() {
    KatEngine engine = KatEngine.of(policy(0.1, new AllocationShare(Allocations.fixedRate(7), 1)));
    List<Contribution> rs = new ArrayList<>(records("alice", 20, 0));
    rs.addAll(records("bob", 50, 0));
    CycleResult r = run(engine, 0, PriorState.empty(), rs);
    assertEquals(140, r.kat("alice"));
    assertEquals(350, r.kat("bob"));
    assertEquals(490, r.allocated());
    assertEquals(510, r.unallocated());
    assertEquals(1000, r.allocated() + r.unallocated());
  }
}
