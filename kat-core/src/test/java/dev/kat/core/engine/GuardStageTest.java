package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.guard.Action;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Guardrails;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The guard stage computes the detectors that read no credit ahead, on helper threads, and applies every
 * detector's flags in policy order: the result is the same on one thread and on many.
 */
class GuardStageTest {

  private static Policy policy(Guardrail... extra) {
    Policy.Builder b = Policy.builder("guard-stage")
        .category(CategorySpec.of("session", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("docs", 5, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false)
        .budget(1_000_000);
    for (Guardrail g : Guardrails.defaults()) {
      b.guardrail(g);
    }
    for (Guardrail g : extra) {
      b.guardrail(g);
    }
    return b.build();
  }

  /**
   * Members hosting sessions for nearby members and approved by each other, with a closed ring, reused
   * evidence, a burst and one pair that swaps records, so that every default detector has something to say.
   */
  private static List<Contribution> records(long seed, int people) {
    Random rnd = new Random(seed);
    List<Contribution> out = new ArrayList<>();
    Instant start = Fixtures.OCTOBER.start();
    int id = 0;
    for (int p = 0; p < people; p++) {
      for (int k = 0, m = 1 + rnd.nextInt(5); k < m; k++) {
        Instant t = start.plusSeconds(rnd.nextInt(28 * 86_400));
        int other = (p + 1 + rnd.nextInt(7)) % people;
        Contribution.Builder b = Contribution.builder("r" + id++, "m" + p, rnd.nextBoolean() ? "session" : "docs",
            Roles.DAO_MEMBER, t).review(Review.approve("m" + (p + 2 + rnd.nextInt(9)) % people));
        if (rnd.nextBoolean()) {
          b.counterpart("m" + other);
        }
        b.evidence("https://example.org/e/" + (rnd.nextInt(10) == 0 ? rnd.nextInt(50) : id));
        out.add(b.build());
      }
    }
    for (int s = 0; s < 30; s++) {
      int a = s % 4;
      int c = (a + 1 + s % 3) % 4;
      out.add(Contribution.builder("ring" + id++, "ring" + a, "session", Roles.DAO_MEMBER,
          start.plusSeconds(3_600L * (s + 5))).counterpart("ring" + c).review(Review.approve("ring" + c)).build());
    }
    for (int s = 0; s < 20; s++) {
      out.add(Contribution.builder("burst" + id++, "m1", "docs", Roles.DAO_MEMBER, start.plusSeconds(86_400 + 60L * s))
          .review(Review.approve("m5")).build());
    }
    for (int s = 0; s < 40; s++) {
      String host = s % 2 == 0 ? "m3" : "m4";
      String guest = s % 2 == 0 ? "m4" : "m3";
      out.add(Contribution.builder("swap" + id++, host, "session", Roles.DAO_MEMBER, start.plusSeconds(7_200L * s))
          .counterpart(guest).review(Review.approve(guest)).build());
    }
    return out;
  }

  private static PriorState prior(int people) {
    TreeMap<String, ContributorState> states = new TreeMap<>();
    for (int p = 0; p < people; p += 3) {
      states.put("m" + p, new ContributorState("m" + p, 1_000_000L * (1 + p % 7), 0, 0));
    }
    return new PriorState(0, states, new TreeSet<>(List.of("uri:https://example.org/e/7")));
  }

  private static String run(Policy policy, ContributionBatch batch, PriorState prior, int concurrentRows) {
    CycleResult r = new CycleRun(policy, new CreditPlan(policy), batch, prior, Overrides.none(), concurrentRows)
        .execute();
    return r.contentHash() + r.flags() + r.held() + r.allocations();
  }

  @Test
  void guard_detectorsAheadOnOneOrManyThreads_sameResultAsInOrder() throws Exception {
    Policy policy = policy();
    int people = 300;
    ContributionBatch batch = KatEngine.of(policy).newBatch(Fixtures.OCTOBER).addAll(records(7, people)).build();
    PriorState prior = prior(people);
    String inOrder = run(policy, batch, prior, Integer.MAX_VALUE);
    CycleResult engine = KatEngine.of(policy).run(batch, prior);
    for (Action action : Action.values()) {
      if (action != Action.NOTE) {
        assertTrue(engine.flags().stream().anyMatch(f -> f.action() == action), "some flag acts by " + action);
      }
    }
    assertTrue(engine.flags().stream().map(f -> f.detector()).distinct().count() >= 6, engine.flags().toString());
    for (int threads : new int[] {1, 4}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        for (int repeat = 0; repeat < 2; repeat++) {
          assertEquals(inOrder, pool.submit(() -> run(policy, batch, prior, 0)).get(), threads + " threads");
        }
      } finally {
        pool.shutdown();
      }
    }
    assertEquals(inOrder, run(policy, batch, prior, 0), "common pool");
  }

  @Test
  void guard_failingDetectorAfterDetectorsAhead_reportsTheFirstFailureInOrder() {
    Guardrail failing = new Guardrail() {
      @Override
      public String id() {
        return "failing";
      }

      @Override
      public SortedMap<String, String> parameters() {
        return new TreeMap<>();
      }

      @Override
      public void inspect(GuardContext context, FlagSink sink) {
        throw new IllegalStateException("broken detector");
      }
    };
    Policy policy = policy(failing);
    ContributionBatch batch = KatEngine.of(policy).newBatch(Fixtures.OCTOBER).addAll(records(3, 100)).build();
    GuardrailException e = assertThrows(GuardrailException.class,
        () -> new CycleRun(policy, new CreditPlan(policy), batch, prior(100), Overrides.none(), 0).execute());
    assertTrue(e.getMessage().startsWith("guardrail 'failing' failed"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }
}
