package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Policy;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ContentHashTest {

  /** The rich records plus rejected ones, identical duplicates, a conflict and a correction. */
  static List<Contribution> mixedRecords() {
    List<Contribution> out = new ArrayList<>(StatementTest.richRecords());
    out.add(out.get(0));
    out.add(rec("zz", "alice", "painting", 3).build());
    out.add(rec("conflict", "bob", "docs", 3).build());
    out.add(rec("conflict", "bob", "docs", 4).build());
    out.add(rec("fix", "chen", "docs", 5).supersedes("d2").build());
    out.add(rec("late", "chen", "docs", 5).build().withReviews(List.of(Review.approve("chen"))));
    return out;
  }

  private static String hash(Policy p, List<Contribution> records) {
    return Fixtures.run(p, records).contentHash();
  }

  @Test
  void contentHash_isLowerCaseHexSha256() {
    String h = hash(StatementTest.richPolicy(), mixedRecords());
    assertTrue(h.matches("[0-9a-f]{64}"), h);
  }

  @Test
  void contentHash_sameForAnyInputOrder() {
    Policy p = StatementTest.richPolicy();
    List<Contribution> records = mixedRecords();
    CycleResult first = Fixtures.run(p, records);
    for (long seed = 1; seed <= 8; seed++) {
      List<Contribution> shuffled = new ArrayList<>(records);
      Collections.shuffle(shuffled, new Random(seed));
      CycleResult r = Fixtures.run(p, shuffled);
      assertEquals(first.contentHash(), r.contentHash(), "seed " + seed);
      assertEquals(first.allocations(), r.allocations());
      assertEquals(first.rejections(), r.rejections());
      assertEquals(first.statements(), r.statements());
    }
    List<Contribution> reversed = new ArrayList<>(records);
    Collections.reverse(reversed);
    assertEquals(first.contentHash(), hash(p, reversed));
  }

  @Test
  void contentHash_sameInEveryLocaleAndTimeZone() {
    Policy p = StatementTest.richPolicy();
    Locale savedLocale = Locale.getDefault();
    TimeZone savedZone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      String reference = hash(p, mixedRecords());
      Locale.setDefault(Locale.forLanguageTag("ar-SA"));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      assertEquals(reference, hash(p, mixedRecords()));
    } finally {
      Locale.setDefault(savedLocale);
      TimeZone.setDefault(savedZone);
    }
  }

  @Test
  void contentHash_changesWithAnyRecordField() {
    Policy p = StatementTest.richPolicy();
    List<Contribution> base = mixedRecords();
    Set<String> hashes = new HashSet<>();
    hashes.add(hash(p, base));
    List<UnaryOperator<Contribution>> edits = List.of(
        c -> c.withId(c.id() + "x"),
        c -> c.withContributor("dora"),
        c -> c.withReviews(List.of()),
        c -> new Contribution(c.id(), c.contributor(), c.dao(), "wg", c.category(), c.role(), c.occurredAt(),
            c.attributes(), c.counterparts(), c.evidence(), c.reviews(), c.supersedes()),
        c -> new Contribution(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(),
            c.occurredAt().plusNanos(1), c.attributes(), c.counterparts(), c.evidence(), c.reviews(), c.supersedes()),
        c -> new Contribution(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(),
            c.occurredAt(), withAttribute(c, "unread", 1), c.counterparts(), c.evidence(), c.reviews(), c.supersedes()),
        c -> new Contribution(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(),
            c.occurredAt(), c.attributes(), List.of("eve"), c.evidence(), c.reviews(), c.supersedes()),
        c -> new Contribution(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(),
            c.occurredAt(), c.attributes(), c.counterparts(), c.evidence(), c.reviews(), "old-id"));
    for (int i = 0; i < edits.size(); i++) {
      List<Contribution> changed = new ArrayList<>(base);
      changed.set(2, edits.get(i).apply(changed.get(2)));
      assertTrue(hashes.add(hash(p, changed)), "edit " + i + " did not change the hash");
    }
    List<Contribution> fewer = new ArrayList<>(base);
    fewer.remove(base.size() - 1);
    assertTrue(hashes.add(hash(p, fewer)), "dropping a rejected record did not change the hash");
  }

  private static TreeMap<String, Double> withAttribute(Contribution c, String name, double value) {
    TreeMap<String, Double> m = new TreeMap<>(c.attributes());
    m.put(name, value);
    return m;
  }

  @Test
  void contentHash_changesWithPolicyCycleAndPriorState() {
    Policy p = StatementTest.richPolicy();
    List<Contribution> records = mixedRecords();
    Set<String> hashes = new HashSet<>();
    hashes.add(hash(p, records));
    assertTrue(hashes.add(hash(p.toBuilder().budget(p.budget() + 1).build(), records)));
    assertTrue(hashes.add(hash(p.toBuilder().reviewQualityWeighting(false).build(), records)));
    assertTrue(hashes.add(hash(p.toBuilder().dao("exchange").build(), records)));
    assertTrue(hashes.add(KatEngine.of(p).run(Cycle.ofMonth(YearMonth.of(2026, 10), 2), records,
        PriorState.empty()).contentHash()));
    PriorState prior = new PriorState(0, new TreeMap<>(Map.of("alice", new ContributorState("alice", 1, 0, 0))),
        new TreeSet<>());
    assertTrue(hashes.add(KatEngine.of(p).run(Fixtures.OCTOBER, records, prior).contentHash()));
  }

  @Test
  void contentHash_stableAcrossEngineInstancesAndCalls() {
    Policy p = StatementTest.richPolicy();
    CycleResult r = Fixtures.run(p, mixedRecords());
    assertEquals(r.contentHash(), r.contentHash());
    assertEquals(r.contentHash(), KatEngine.of(p.toBuilder().build()).run(Fixtures.OCTOBER, mixedRecords(),
        PriorState.empty()).contentHash());
  }
}
