package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Admission of a list prepared in parallel chunks ({@code Builder.addAll}, {@code prepare}) gives the batch
 * of adding the records one at a time, whatever the pool: same rows, same canonical bytes, same
 * rejections in the same order.
 */
class AdmissionInParallelTest {
  private static final Policy POLICY = Policy.builder("parallel-admission")
      .category(CategorySpec.of("hosting", 10, Unit.PER_HOUR))
      .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1.0, false)
      .build();

  /** Records with every kind of rejection, identical copies, id conflicts and corrections, shuffled. */
  private static List<Contribution> records(int n, long seed) {
    Random rnd = new Random(seed);
    Instant t = Instant.parse("2026-10-02T09:00:00Z");
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(20);
      String category = kind == 0 ? "painting" : rnd.nextBoolean() ? "hosting" : "docs";
      Instant at = kind == 1 ? Instant.parse("2026-12-02T09:00:00Z") : t.plusSeconds(rnd.nextInt(20 * 86_400));
      Contribution.Builder b = Contribution.builder("r" + i, "p" + rnd.nextInt(40), category, Roles.DAO_MEMBER, at)
          .attribute("durationMinutes", kind == 2 ? -5 : 15 + rnd.nextInt(200));
      if (kind == 3) {
        b.review(Review.approve(b.build().contributor()));
      } else if (kind == 4) {
        b.review(Review.reject("v1"));
      } else {
        b.review(Review.approve("v" + rnd.nextInt(9)));
      }
      if (kind == 5 && i > 0) {
        b.supersedes("r" + rnd.nextInt(i));
      }
      Contribution c = b.build();
      out.add(c);
      if (kind == 6) {
        out.add(c);
      } else if (kind == 7) {
        out.add(Contribution.builder(c.id(), c.contributor(), "docs", Roles.DAO_MEMBER, t).build());
      }
    }
    Collections.shuffle(out, rnd);
    return out;
  }

  private static ContributionBatch oneByOne(List<Contribution> records) {
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER);
    for (Contribution c : records) {
      b.add(c);
    }
    return b.build();
  }

  private static void assertSameBatch(ContributionBatch expected, ContributionBatch actual, String what) {
    assertEquals(expected.inputCount(), actual.inputCount(), what);
    assertEquals(expected.rows(), actual.rows(), what);
    for (int row = 0; row < expected.rows(); row++) {
      assertArrayEquals(expected.canonicalBytes(row), actual.canonicalBytes(row), what + ", row " + row);
      assertEquals(expected.contributor(row), actual.contributor(row), what);
    }
    assertEquals(expected.rejections(), actual.rejections(), what);
  }

  @Test
  void addAll_inParallelChunks_sameBatchOnAnyPool() throws Exception {
    List<Contribution> records = records(3_000, 11);
    ContributionBatch expected = oneByOne(records);
    assertTrue(expected.rejections().size() > 300, "the data exercises rejections");
    for (int threads : new int[] {1, 2, 3, 8}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        for (int chunk : new int[] {1, 7, 256}) {
          ContributionBatch actual = pool.submit(() -> KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER)
              .addAll(records, chunk).build()).get();
          assertSameBatch(expected, actual, threads + " threads, chunks of " + chunk);
        }
      } finally {
        pool.shutdown();
      }
    }
    assertSameBatch(expected, KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER).addAll(records, 64).build(),
        "common pool");
  }

  @Test
  void addAll_longList_sameBatchAsOneByOne() {
    List<Contribution> records = records(ContributionBatch.PARALLEL_MIN_RECORDS + 500, 5);
    assertSameBatch(oneByOne(records), KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER).addAll(records).build(),
        "addAll");
  }

  @Test
  void addPrepared_mixedWithSingleAdds_sameBatchAsOneByOne() {
    List<Contribution> records = records(1_000, 3);
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER);
    int n = records.size();
    ContributionBatch.Prepared second = b.prepare(records.subList(400, n));
    ContributionBatch.Prepared first = b.prepare(records.subList(0, 300));
    assertEquals(300, first.size());
    b.add(first);
    for (Contribution c : records.subList(300, 400)) {
      b.add(c);
    }
    b.add(second);
    assertSameBatch(oneByOne(records), b.build(), "prepared");
  }

  @Test
  void addPrepared_fromAnotherBuilder_fails() {
    KatEngine engine = KatEngine.of(POLICY);
    ContributionBatch.Prepared other = engine.newBatch(Fixtures.OCTOBER).prepare(records(10, 1));
    ContributionBatch.Builder b = engine.newBatch(Fixtures.OCTOBER);
    assertThrows(IllegalArgumentException.class, () -> b.add(other));
  }
}
