package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.worth;
import static dev.kat.core.engine.Fixtures.xy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.alloc.AllocationInput;
import dev.kat.core.alloc.AllocationPolicy;
import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class AllocationStageTest {

  /** A test allocation policy defined by a function. */
  private static AllocationPolicy policy(String name, BiFunction<AllocationInput, Long, long[]> f) {
    return new AllocationPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SortedMap<String, String> parameters() {
        return Collections.emptySortedMap();
      }

      @Override
      public long[] allocate(AllocationInput input, long budget) {
        return f.apply(input, budget);
      }
    };
  }

  @Test
  void allocate_budgetThatDoesNotDivide_partsSumToBudget() {
    CycleResult r = Fixtures.run(xy().budget(100).build(),
        worth("a", "alice", "x", 1, 1), worth("b", "bob", "x", 1, 1), worth("c", "chen", "x", 1, 1));
    // 33.33… each; the spare unit goes to the lowest id
    assertEquals(Map.of("alice", 34L, "bob", 33L, "chen", 33L), r.allocations());
    assertEquals(100, r.allocated());
    assertEquals(0, r.unallocated());
  }

  @Test
  void allocate_classicHamiltonCases_throughTheEngine() {
    List<Contribution> records = List.of(worth("a", "a-party", "x", 1, 21878), worth("b", "b-party", "x", 1, 9713),
        worth("c", "c-party", "x", 1, 4167), worth("d", "d-party", "x", 1, 3252), worth("e", "e-party", "x", 1, 1065));
    assertEquals(List.of(24L, 11L, 5L, 3L, 1L), List.copyOf(Fixtures.run(xy().budget(44).build(), records)
        .allocations().values()));
    assertEquals(List.of(24L, 10L, 4L, 4L, 1L), List.copyOf(Fixtures.run(xy().budget(43).build(), records)
        .allocations().values()));
  }

  @Test
  void allocate_zeroTotalCredit_wholeBudgetUnallocated() {
    Policy p = Fixtures.members().category(CategorySpec.of("free", 0, Unit.PER_RECORD)).budget(1000).build();
    CycleResult r = Fixtures.run(p, Fixtures.rec("a", "alice", "free", 1).build(),
        Fixtures.rec("b", "bob", "free", 2).build());
    assertEquals(Map.of("alice", 0L, "bob", 0L), r.allocations());
    assertEquals(0, r.allocated());
    assertEquals(1000, r.unallocated());
    assertTrue(r.summary(5).contains("1000 unallocated"), r.summary(5));
  }

  @Test
  void allocate_noRecordsAtAll_wholeBudgetUnallocated() {
    CycleResult r = Fixtures.run(xy().budget(500).build(), List.of());
    assertEquals(List.of(), r.contributors());
    assertEquals(500, r.unallocated());
    assertEquals(0, r.totalCredit());
  }

  @Test
  void allocate_onlyPriorContributors_wholeBudgetUnallocated() {
    PriorState prior = new PriorState(0, new TreeMap<>(Map.of("old", new ContributorState("old", 7_000_000L, 5, 5))),
        new TreeSet<>());
    CycleResult r = KatEngine.of(xy().budget(500).allocation(new AllocationShare(Allocations.immediate(), 1)).build())
        .run(Fixtures.OCTOBER, List.of(), prior);
    assertEquals(List.of("old"), r.contributors());
    assertEquals(0, r.kat("old"));
    assertEquals(500, r.unallocated());
  }

  @Test
  void allocate_twoShares_budgetSplitByLargestRemainderThenEachShareByItsPolicy() {
    AllocationPolicy toLowestId = policy("lowest", (in, b) -> {
      long[] out = new long[in.size()];
      if (out.length > 0) {
        out[0] = b;
      }
      return out;
    });
    Policy p = xy().budget(10).allocation(new AllocationShare(Allocations.immediate(), 3),
        new AllocationShare(toLowestId, 1)).build();
    CycleResult r = Fixtures.run(p, worth("a", "alice", "x", 1, 1), worth("b", "bob", "x", 1, 3));
    // shares 7.5 and 2.5 -> tie on remainder, larger weight first: 8 and 2
    // immediate: 8 by credit 1:3 -> 2, 6; lowest: alice 2
    assertEquals(Map.of("alice", 4L, "bob", 6L), r.allocations());
    assertEquals(10, r.allocated());
  }

  @Test
  void allocate_shareThatFindsNobody_itsPartIsUnallocated() {
    AllocationPolicy nobody = policy("nobody", (in, b) -> new long[in.size()]);
    Policy p = xy().budget(9).allocation(new AllocationShare(Allocations.immediate(), 2),
        new AllocationShare(nobody, 1)).build();
    CycleResult r = Fixtures.run(p, worth("a", "alice", "x", 1, 1));
    assertEquals(6, r.kat("alice"));
    assertEquals(3, r.unallocated());
    assertEquals(r.budget(), r.allocated() + r.unallocated());
  }

  @Test
  void allocate_misbehavingPolicy_failsNamingIt() {
    Policy tooMuch = xy().budget(9).allocation(new AllocationShare(policy("greedy", (in, b) -> new long[] {b + 1}), 1))
        .build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Fixtures.run(tooMuch, worth("a", "alice", "x", 1, 1)));
    assertTrue(e.getMessage().contains("greedy"), e.getMessage());
    Policy wrongLength = xy().allocation(new AllocationShare(policy("short", (in, b) -> new long[0]), 1)).build();
    e = assertThrows(IllegalStateException.class, () -> Fixtures.run(wrongLength, worth("a", "alice", "x", 1, 1)));
    assertTrue(e.getMessage().contains("short"), e.getMessage());
    Policy negative = xy().allocation(new AllocationShare(policy("neg", (in, b) -> new long[] {-1}), 1)).build();
    e = assertThrows(IllegalStateException.class, () -> Fixtures.run(negative, worth("a", "alice", "x", 1, 1)));
    assertTrue(e.getMessage().contains("neg"), e.getMessage());
  }
}
