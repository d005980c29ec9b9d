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

  /**
   * Records naming people drawn from one set of id instances (as a reader's interner gives them), with
   * counterparts and several reviewers, so that person hints have something to point at.
   */
  private static List<Contribution> peopleRecords(int n, long seed, String[] people) {
    Random rnd = new Random(seed);
    Instant t = Instant.parse("2026-10-02T09:00:00Z");
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String who = people[rnd.nextInt(people.length)];
      Contribution.Builder b = Contribution.builder("r" + i, who, "hosting", Roles.DAO_MEMBER,
          t.plusSeconds(rnd.nextInt(20 * 86_400))).attribute("durationMinutes", 15 + rnd.nextInt(200));
      for (int k = rnd.nextInt(3); k > 0; k--) {
        b.counterpart(people[rnd.nextInt(people.length)]);
      }
      for (int k = rnd.nextInt(4); k > 0; k--) {
        String reviewer = people[rnd.nextInt(people.length)];
        b.review(rnd.nextInt(5) == 0 ? Review.reject(reviewer) : Review.approve(reviewer));
      }
      out.add(b.build());
    }
    return out;
  }

  /** One hint per person of each record, in the record's order, from {@code hintOf}. */
  private static int[] hints(List<Contribution> records, java.util.function.ToIntFunction<String> hintOf) {
    List<Integer> out = new ArrayList<>();
    for (Contribution c : records) {
      out.add(hintOf.applyAsInt(c.contributor()));
      for (String p : c.counterparts()) {
        out.add(hintOf.applyAsInt(p));
      }
      for (Review r : c.reviews()) {
        out.add(hintOf.applyAsInt(r.reviewer()));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void addPrepared_withPersonHints_sameBatchWhateverTheHints() {
    String[] people = new String[60];
    java.util.IdentityHashMap<String, Integer> code = new java.util.IdentityHashMap<>();
    for (int i = 0; i < people.length; i++) {
      people[i] = "p" + i;
      code.put(people[i], 1000 - 7 * i);
    }
    List<Contribution> records = peopleRecords(2_000, 9, people);
    ContributionBatch expected = oneByOne(records);
    assertTrue(expected.rejections().size() > 50, "the data exercises rejections");
    Random rnd = new Random(4);
    List<java.util.function.ToIntFunction<String>> hintings = List.of(
        code::get,                                   // what a reader gives
        p -> -1,                                     // no hints
        p -> code.get(p) % 3,                        // one hint shared by different people
        p -> rnd.nextInt(200) - 20,                  // noise, negative too
        p -> rnd.nextBoolean() ? Integer.MAX_VALUE : 5_000_000); // beyond what the batch keeps
    for (int h = 0; h < hintings.size(); h++) {
      ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER);
      for (int from = 0; from < records.size(); from += 300) {
        List<Contribution> chunk = records.subList(from, Math.min(records.size(), from + 300));
        b.add(b.prepare(chunk, hints(chunk, hintings.get(h))));
      }
      assertSameBatch(expected, b.build(), "hinting " + h);
    }
    // the same hints for equal ids that are other instances (a second read): looked up, not trusted
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER);
    List<Contribution> first = records.subList(0, 1000);
    b.add(b.prepare(first, hints(first, code::get)));
    String[] copies = new String[people.length];
    java.util.IdentityHashMap<String, Integer> copyCode = new java.util.IdentityHashMap<>();
    for (int i = 0; i < people.length; i++) {
      copies[i] = new String(people[(i + 1) % people.length]);
      copyCode.put(copies[i], code.get(people[i]));
    }
    List<Contribution> second = peopleRecords(1_000, 9, copies);
    List<Contribution> renamed = new ArrayList<>();
    for (int i = 0; i < second.size(); i++) {
      renamed.add(second.get(i).withId("s" + i));
    }
    b.add(b.prepare(renamed, hints(renamed, copyCode::get)));
    List<Contribution> all = new ArrayList<>(first);
    all.addAll(renamed);
    assertSameBatch(oneByOne(all), b.build(), "two reads");
  }

  @Test
  void prepare_personHintsOfTheWrongLength_failsNamingThem() {
    List<Contribution> records = peopleRecords(20, 2, new String[] {"a", "b", "c"});
    int[] hints = hints(records, p -> 0);
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(Fixtures.OCTOBER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.prepare(records, java.util.Arrays.copyOf(hints, hints.length - 1)));
    assertTrue(e.getMessage().startsWith("personHints has " + (hints.length - 1) + " hints but the records name "
        + hints.length + " people"), e.getMessage());
  }

  @Test
  void addPrepared_fromAnotherBuilder_fails() {
    KatEngine engine = KatEngine.of(POLICY);
    ContributionBatch.Prepared other = engine.newBatch(Fixtures.OCTOBER).prepare(records(10, 1));
    ContributionBatch.Builder b = engine.newBatch(Fixtures.OCTOBER);
    assertThrows(IllegalArgumentException.class, () -> b.add(other));
  }
}
