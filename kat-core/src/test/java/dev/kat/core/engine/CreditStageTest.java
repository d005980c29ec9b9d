package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The credit stage over a whole batch ({@code KatEngine.credit}, blocked and bucketed by category) gives
 * every row exactly the figure of the row-by-row formula that statements explain.
 */
class CreditStageTest {
  private static final String[] CATEGORIES = {"hosting", "docs", "regen", "governance", "impact"};
  private static final String[] GROUPS = {"", "guides", "council", "treasury"};
  private static final String[] ROLES = {Roles.DAO_MEMBER, Roles.PARTNER, Roles.VOLUNTEER};

  private static Policy policy(boolean quality) {
    return Policy.builder("credit-stage").reviewQualityWeighting(quality)
        .category(CategorySpec.of("hosting", 10, Unit.PER_HOUR))
        .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
        .category(CategorySpec.of("regen", 6, Unit.PER_HOUR).withCommunityContribution(true))
        .category(CategorySpec.of("governance", 3, Unit.PER_RECORD))
        .category(CategorySpec.of("impact", 0.013, Unit.PER_CURRENCY_UNIT))
        .role(Roles.DAO_MEMBER, 1.0, false).role(Roles.PARTNER, 0.7, true).role(Roles.VOLUNTEER, 0.8, true)
        .modifier(new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1.0, 3, 1.2, 5, 1.5), 1))
        .modifier(new AttributeModifier("prep", "preparationEffort", new TreeSet<>(Set.of("hosting", "docs")),
            Curve.of(0, 1.0, 120, 1.3), 0))
        .adjustment(CreditAdjustment.when("guide-bonus", "hosting", Roles.DAO_MEMBER, "guides", 1.1, "guides"))
        .adjustment(CreditAdjustment.when("council", "governance", null, "council", 1.25, "council"))
        .adjustment(CreditAdjustment.when("volunteers", "regen", Roles.VOLUNTEER, null, 1.2, "volunteers"))
        .adjustment(new CreditAdjustment("long", "hosting", null, null, "durationMinutes", 90,
            Double.POSITIVE_INFINITY, 1.05, "long sessions"))
        .adjustment(CreditAdjustment.when("treasury", null, null, "treasury", 0.9, "treasury"))
        .adjustment(new CreditAdjustment("large", "impact", null, null, "amount", 10_000,
            Double.POSITIVE_INFINITY, 0.8, "large impact"))
        .build();
  }

  private static List<Contribution> records(int n, long seed) {
    Random rnd = new Random(seed);
    List<Contribution> out = new ArrayList<>(n);
    Instant t = Instant.parse("2026-10-02T09:00:00Z");
    for (int i = 0; i < n; i++) {
      String role = ROLES[rnd.nextInt(ROLES.length)];
      String cat = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
      if (!role.equals(Roles.DAO_MEMBER) && !cat.equals("regen")) {
        cat = "regen";
      }
      Contribution.Builder b = Contribution.builder("r" + i, "p" + rnd.nextInt(50), cat, role,
              t.plusSeconds(rnd.nextInt(20 * 86_400)))
          .workingGroup(GROUPS[rnd.nextInt(GROUPS.length)])
          .attribute("durationMinutes", 15 + rnd.nextInt(200))
          .attribute("amount", rnd.nextInt(40_000) / 3.0);
      if (rnd.nextBoolean()) {
        b.attribute("complexity", rnd.nextInt(70) / 10.0);
      }
      if (rnd.nextInt(3) > 0) {
        b.attribute("preparationEffort", rnd.nextInt(200));
      }
      int reviews = rnd.nextInt(5);
      for (int k = 0; k < reviews; k++) {
        String who = "v" + k;
        int kind = rnd.nextInt(8);
        if (kind == 0) {
          b.review(Review.approve(who));
        } else if (kind == 1) {
          // A scored review that does not approve: its score must not enter the median.
          b.review(new Review(who, rnd.nextBoolean() ? Verdict.REJECT : Verdict.DISMISS,
              OptionalDouble.of(rnd.nextInt(11) / 10.0), null));
        } else {
          b.review(Review.approve(who, rnd.nextInt(11) / 10.0));
        }
      }
      out.add(b.build());
    }
    return out;
  }

  private static void assertSameAsRowByRow(Policy p, List<Contribution> records) {
    KatEngine engine = KatEngine.of(p);
    ContributionBatch batch = engine.newBatch(Fixtures.OCTOBER).addAll(records).build();
    long[] stage = engine.credit(batch);
    CreditPlan.Bound bound = new CreditPlan(p).new Bound(batch);
    assertEquals(batch.rows(), stage.length);
    for (int row = 0; row < batch.rows(); row++) {
      int r = row;
      assertEquals(bound.credit(row, null), stage[row], () -> "row " + r + ": " + batch.record(r));
      assertEquals(bound.credit(row, new ArrayList<>()), stage[row], "with steps");
      assertEquals(medianApprovedScore(batch, row), batch.approvalQuality(row), () -> "review quality, row " + r);
    }
  }

  /** The review-quality factor from the public per-review accessors: the median approving score, or NaN. */
  private static double medianApprovedScore(ContributionBatch batch, int row) {
    List<Double> scores = new ArrayList<>();
    for (int k = 0; k < batch.reviewCount(row); k++) {
      if (batch.verdict(row, k) == Verdict.APPROVE && !Double.isNaN(batch.quality(row, k))) {
        scores.add(batch.quality(row, k));
      }
    }
    scores.sort(null);
    int m = scores.size();
    if (m == 0) {
      return Double.NaN;
    }
    return m % 2 == 1 ? scores.get(m / 2) : (scores.get(m / 2 - 1) + scores.get(m / 2)) / 2.0;
  }

  @org.junit.jupiter.api.Test
  void credit_severalBlocks_equalsRowByRow() {
    List<Contribution> records = records(3 * CreditPlan.BLOCK + 17, 7);
    assertSameAsRowByRow(policy(true), records);
    assertSameAsRowByRow(policy(false), records);
  }

  @Property(tries = 60)
  void credit_anyBatch_equalsRowByRow(@ForAll @IntRange(min = 0, max = 2_500) int n, @ForAll long seed,
      @ForAll boolean quality) {
    assertSameAsRowByRow(policy(quality), records(n, seed));
  }

  @org.junit.jupiter.api.Test
  void credit_inParallelChunks_sameFiguresOnAnyPool() throws Exception {
    Policy p = policy(true);
    KatEngine engine = KatEngine.of(p);
    ContributionBatch batch = engine.newBatch(Fixtures.OCTOBER).addAll(records(5 * CreditPlan.BLOCK + 99, 11)).build();
    long[] expected = new long[batch.rows()];
    CreditPlan.Bound bound = new CreditPlan(p).new Bound(batch);
    for (int row = 0; row < expected.length; row++) {
      expected[row] = bound.credit(row, null);
    }
    for (int threads : new int[] {1, 2, 5}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        // A parallel stream started from a pool's task runs in that pool.
        assertArrayEquals(expected, pool.submit(() -> bound.creditAll(CreditPlan.BLOCK)).get(), threads + " threads");
      } finally {
        pool.shutdown();
      }
    }
    assertArrayEquals(expected, bound.creditAll(2 * CreditPlan.BLOCK), "common pool");
    assertArrayEquals(expected, engine.credit(batch), "one chunk");
  }
}
