package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Diminishing;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of a whole cycle over generated batches that mix valid records with every kind of problem
 * (unknown category or role, external role outside community categories, outside the cycle, invalid
 * attribute, missing evidence, self-review, duplicate and conflicting ids, in-batch corrections).
 */
class EngineProperties {

  private static final String[] PEOPLE = {"ana", "ben", "chen", "dia", "eli", "fay"};
  private static final String[] CATEGORIES = {"docs", "session", "regen", "painting"};
  private static final String[] ROLES = {Roles.DAO_MEMBER, Roles.PARTNER, Roles.AMBASSADOR};

  static Policy.Builder basePolicy() {
    return Policy.builder("props").role(Roles.DAO_MEMBER, 1, false).role(Roles.PARTNER, 0.7, true)
        .category(CategorySpec.of("docs", 2.5, Unit.PER_RECORD))
        .category(CategorySpec.of("session", 7, Unit.PER_HOUR).withEvidenceRequired(true))
        .category(CategorySpec.of("regen", 0.013, Unit.PER_CURRENCY_UNIT).withCommunityContribution(true))
        .modifier(new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1, 5, 1.6), 1));
  }

  /** One generated record; ids collide on purpose so that duplicates and conflicts occur. */
  @Provide
  Arbitrary<Contribution> record() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, PEOPLE.length - 1),
        Arbitraries.integers().between(0, CATEGORIES.length - 1).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
        Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(3, 1), net.jqwik.api.Tuple.of(1, 2)),
        Arbitraries.integers().between(0, 32),
        Arbitraries.frequency(net.jqwik.api.Tuple.of(20, 1.0), net.jqwik.api.Tuple.of(1, -1.0)),
        Arbitraries.integers().between(0, 600),
        Arbitraries.integers().between(0, 31))
        .as((id, who, cat, role, day, sign, amount, bits) -> {
          Instant t = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(86_400L * (day - 1) + 3600L * (amount % 24));
          Contribution.Builder b = Contribution.builder("r" + id, PEOPLE[who], CATEGORIES[cat], ROLES[role], t)
              .attribute("durationMinutes", 15 + amount).attribute("amount", sign * amount)
              .attribute("complexity", (amount % 7) * 0.9);
          if ((bits & 1) != 0) {
            b.approvedBy(PEOPLE[(who + 1) % PEOPLE.length]);
          }
          if ((bits & 2) != 0 && (bits & 4) != 0) {
            b.approvedBy(PEOPLE[who]);
          }
          if ((bits & 8) != 0) {
            b.evidence("https://evidence/" + id);
          }
          if ((bits & 16) != 0 && (bits & 1) != 0) {
            b.supersedes("r" + ((id + 1) % 41));
          }
          return b.build();
        });
  }

  @Provide
  Arbitrary<List<Contribution>> records() {
    return record().list().ofMaxSize(60);
  }

  private static CycleResult run(Policy p, List<Contribution> records) {
    return KatEngine.of(p).run(Fixtures.OCTOBER, records, PriorState.empty());
  }

  @Property(tries = 300)
  void acceptedPlusRejected_equalsInput(@ForAll("records") List<Contribution> records) {
    CycleResult r = run(basePolicy().build(), records);
    assertEquals(records.size(), r.inputCount());
    assertEquals(records.size(), r.acceptedCount() + r.rejections().size());
    List<Contribution> all = new ArrayList<>();
    for (int row = 0; row < r.acceptedCount(); row++) {
      all.add(r.batch().record(row));
    }
    r.rejections().forEach(x -> all.add(x.record()));
    assertEquals(counts(records), counts(all), "every input record is either accepted or rejected, unchanged");
  }

  private static java.util.Map<Contribution, Integer> counts(List<Contribution> records) {
    java.util.Map<Contribution, Integer> m = new java.util.HashMap<>();
    records.forEach(c -> m.merge(c, 1, Integer::sum));
    return m;
  }

  @Property(tries = 300)
  void allocatedTotal_equalsBudget(
      @ForAll("records") List<Contribution> records, @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long budget) {
    CycleResult r = run(basePolicy().budget(budget).build(), records);
    assertEquals(budget, r.allocated() + r.unallocated());
    if (r.totalCredit() == 0) {
      assertEquals(budget, r.unallocated());
    } else {
      assertEquals(budget, r.allocated());
    }
    assertTrue(r.allocations().values().stream().allMatch(k -> k >= 0));
  }

  @Property(tries = 200)
  void shuffledInput_sameHashAndAllocations(@ForAll("records") List<Contribution> records, @ForAll long seed) {
    Policy p = basePolicy().caps(Caps.NONE.withPerDay(CapSpec.soft(20, Diminishing.SQRT))
        .withPerCategory(CapSpec.hard(60)).withPerCycle(CapSpec.soft(50, Diminishing.LOG))).build();
    CycleResult a = run(p, records);
    List<Contribution> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));
    CycleResult b = run(p, shuffled);
    assertEquals(a.contentHash(), b.contentHash());
    assertEquals(a.allocations(), b.allocations());
    assertEquals(a.rejections(), b.rejections());
  }

  /** A valid record that admission is sure to accept: a fresh id, a member's approved docs record. */
  private static Contribution fresh(int who, int day, int complexity) {
    return Contribution.builder("fresh", PEOPLE[who], "docs", Roles.DAO_MEMBER,
            Instant.parse("2026-10-01T12:00:00Z").plusSeconds(86_400L * day))
        .attribute("complexity", complexity).approvedBy("validator").build();
  }

  @Property(tries = 200)
  void addingAcceptedRecord_withoutCaps_addsExactlyItsCredit(
      @ForAll("records") List<Contribution> records, @ForAll @IntRange(max = 5) int who,
      @ForAll @IntRange(max = 30) int day, @ForAll @IntRange(max = 6) int complexity) {
    Policy p = basePolicy().build();
    CycleResult before = run(p, records);
    List<Contribution> more = new ArrayList<>(records);
    more.add(fresh(who, day, complexity));
    CycleResult after = run(p, more);
    assertEquals(before.acceptedCount() + 1, after.acceptedCount());
    String c = PEOPLE[who];
    long was = before.has(c) ? before.credit(c) : 0;
    long added = after.statement(c).records().stream().filter(l -> l.recordId().equals("fresh")).findFirst()
        .orElseThrow().rawCredit();
    assertEquals(was + added, after.credit(c));
    assertTrue(added >= 0);
  }

  /**
   * With caps, every cap stage is monotone in its group total, so as long as per-day and per-category
   * caps are not both active (see CapsTest and docs/architecture.md, section 7), adding an accepted
   * record can lower its contributor's credit by rounding only: each active stage re-rounds every record
   * by at most half a micro-unit and rounds each group's capped total once, so each run is within
   * {@code stages × n} micro-units of the exact figure, n being the contributor's record count.
   */
  @Property(tries = 200)
  void addingAcceptedRecord_withCaps_neverLowersCreditBeyondRounding(
      @ForAll("records") List<Contribution> records, @ForAll @IntRange(max = 5) int who,
      @ForAll @IntRange(max = 30) int day, @ForAll @IntRange(max = 6) int complexity, @ForAll boolean dayCaps) {
    Caps caps = Caps.NONE.withPerCycle(CapSpec.soft(12, Diminishing.SQRT));
    caps = dayCaps ? caps.withPerDay(new CapSpec(3, 8, Diminishing.LOG))
        : caps.withPerCategory(CapSpec.hard(9)).withCategory("regen", CapSpec.soft(1, Diminishing.FLAT));
    Policy p = basePolicy().caps(caps).build();
    CycleResult before = run(p, records);
    List<Contribution> more = new ArrayList<>(records);
    more.add(fresh(who, day, complexity));
    CycleResult after = run(p, more);
    String c = PEOPLE[who];
    long was = before.has(c) ? before.credit(c) : 0;
    int n = after.statement(c).records().size();
    long slack = 2L * (2L * n + 1);
    assertTrue(after.credit(c) >= was - slack, () -> c + ": " + was + " -> " + after.credit(c));
  }
}
