package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.members;
import static dev.kat.core.engine.Fixtures.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.guard.Action;
import dev.kat.core.internal.Fixed;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Diminishing;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StatementTest {

  /** A policy that uses every stage: units, a modifier, an adjustment, review quality, a guardrail, all caps. */
  static Policy richPolicy() {
    return members()
        .category(CategorySpec.of("session", 7.3, Unit.PER_HOUR))
        .category(CategorySpec.of("docs", 3.1, Unit.PER_RECORD))
        .modifier(new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1, 5, 1.7), 2))
        .adjustment(new CreditAdjustment("cross", null, null, null, "crossCultural", 1, 10, 1.15, "cross-cultural"))
        .reviewQualityWeighting(true)
        .guardrail(new FlagRecords("test-dampen", Action.DAMPEN, 0.37, "d3", "s2"))
        .caps(Caps.NONE.withPerDay(CapSpec.soft(9, Diminishing.SQRT))
            .withPerCategory(new CapSpec(20, 35, Diminishing.LOG))
            .withCategory("docs", CapSpec.hard(8.5))
            .withPerCycle(CapSpec.soft(30, Diminishing.SQRT)))
        .budget(1_000_003)
        .build();
  }

  static List<Contribution> richRecords() {
    List<Contribution> out = new ArrayList<>();
    String[] people = {"alice", "bob", "chen"};
    for (int i = 0; i < 24; i++) {
      String who = people[i % 3];
      out.add(rec("s" + i, who, "session", 1 + i % 4).attribute("durationMinutes", 25 + 7 * i)
          .attribute("complexity", 1 + (i * 0.37) % 5).attribute("crossCultural", i % 3)
          .review(Review.approve("v" + i % 5, 0.3 + (i % 7) / 10.0)).review(Review.approve("w", 0.61)).build());
      out.add(rec("d" + i, who, "docs", 2 + i % 5).attribute("complexity", (i * 1.3) % 6).build());
    }
    return out;
  }

  @Test
  void rowsOf_givesEachContributorsRowsAscending_andNothingForOthers() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    List<Integer> all = new ArrayList<>();
    for (String c : List.of("alice", "bob", "chen")) {
      int[] rows = r.rowsOf(c);
      assertEquals(16, rows.length, c);
      for (int k = 0; k < rows.length; k++) {
        assertEquals(c, r.batch().personId(r.batch().contributor(rows[k])), c);
        assertTrue(k == 0 || rows[k - 1] < rows[k], c + " ascending");
        all.add(rows[k]);
      }
      assertEquals(r.statement(c).records().size(), rows.length, c);
    }
    assertEquals(r.batch().rows(), new TreeSet<>(all).size());
    assertEquals(0, r.rowsOf("v1").length, "a reviewer with no record of their own");
    assertEquals(0, r.rowsOf("nobody").length);
    assertThrows(NullPointerException.class, () -> r.rowsOf(null));
  }

  @Test
  void statement_numbersRecomputeToResult() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    long sumOfStatements = 0;
    for (String who : r.contributors()) {
      Statement s = r.statement(who);
      long sum = 0;
      Map<String, Long> byCategory = new TreeMap<>();
      for (RecordLine line : s.records()) {
        double v = 1;
        for (Step step : line.creditSteps()) {
          v *= step.factor();
        }
        assertEquals(line.rawCredit(), Fixed.toMicros(v), () -> "raw credit of " + line.recordId());
        long c = line.rawCredit();
        for (Step step : line.laterSteps()) {
          c = Fixed.scale(c, step.factor());
        }
        assertEquals(line.credit(), c, () -> "final credit of " + line.recordId());
        sum += line.credit();
        byCategory.merge(line.category(), line.credit(), Long::sum);
      }
      assertEquals(s.credit(), Math.max(0, sum + s.creditAdjustment()), who);
      assertEquals(r.credit(who), s.credit(), who);
      assertEquals(byCategory, s.creditByCategory(), who);
      assertEquals(r.kat(who), s.kat(), who);
      assertEquals(r.karma(who), s.karmaAfter(), who);
      assertEquals(r.karmaPrior(who), s.karmaPrior(), who);
      assertEquals(r.karmaDecayed(who), s.karmaDecayed(), who);
      assertEquals(r.karmaGain(who), s.karmaGain(), who);
      assertEquals(r.karmaPenalty(who), s.karmaPenalty(), who);
      assertEquals(r.weight(who), s.weight(), who);
      assertEquals(r.flagCount(who), s.flags().size(), who);
      sumOfStatements += s.credit();
    }
    assertEquals(r.totalCredit(), sumOfStatements);
    assertEquals(r.budget(), r.allocated() + r.unallocated());
  }

  @Test
  void statement_richPolicy_everyKindOfStepAppears() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    TreeSet<String> stages = new TreeSet<>();
    TreeSet<String> rules = new TreeSet<>();
    for (Statement s : r.statements()) {
      for (RecordLine line : s.records()) {
        line.creditSteps().forEach(st -> stages.add(st.stage()));
        line.laterSteps().forEach(st -> {
          stages.add(st.stage());
          rules.add(st.ruleId().replaceAll(":[a-z]+$", ""));
        });
      }
    }
    assertEquals(new TreeSet<>(List.of("cap", "credit", "guard")), stages);
    assertTrue(rules.containsAll(List.of("test-dampen", "cap:per-day", "cap:category", "cap:per-cycle")), rules::toString);
  }

  @Test
  void statement_recordsSortedById() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    List<String> ids = r.statement("alice").records().stream().map(RecordLine::recordId).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(16, ids.size());
  }

  @Test
  void render_sameTextInEveryLocale() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      String root = r.statement("bob").render();
      for (Locale l : List.of(Locale.GERMANY, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"),
          Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.FRANCE)) {
        Locale.setDefault(l);
        assertEquals(root, r.statement("bob").render(), l::toString);
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void render_showsFiguresAndReasons() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .modifier(new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1, 5, 1.5), 1))
        .caps(Caps.NONE.withPerCycle(CapSpec.hard(20))).budget(100).build();
    CycleResult r = Fixtures.run(p, rec("a", "alice", "docs", 1).attribute("complexity", 3).build(),
        rec("b", "alice", "docs", 2).build());
    String text = r.statement("alice").render();
    assertEquals(String.join("\n",
        "Statement for alice",
        "  record a [docs]",
        "    credit base:docs ×10 (base credit of category docs per record)",
        "    credit complexity ×1.25 (complexity = 3)",
        "    credit role:dao_member ×1 (weight of role dao_member)",
        "    = 12.500000 credit",
        "    cap cap:per-cycle ×0.888889 (cycle credit above the per-cycle cap (soft 20.0, hard 20.0, flat))",
        "    = 11.111111 credit",
        "  record b [docs]",
        "    credit base:docs ×10 (base credit of category docs per record)",
        "    credit complexity ×1 (complexity = 1)",
        "    credit role:dao_member ×1 (weight of role dao_member)",
        "    = 10.000000 credit",
        "    cap cap:per-cycle ×0.888889 (cycle credit above the per-cycle cap (soft 20.0, hard 20.0, flat))",
        "    = 8.888889 credit",
        "  category docs: 20.000000",
        "  credit: 20.000000",
        "  karma: 0.000000 -> decayed 0.000000 + gain 20.000000 - penalty 0.000000 = 20.000000",
        "  weight: 20.000000",
        "  KAT: 100",
        ""), text);
  }

  @Test
  void statement_guardrailNamingARowTwice_appliesItOnce() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .guardrail(new FlagRecords("twice", Action.DAMPEN, 0.5, "a", "a")).build();
    CycleResult r = Fixtures.run(p, rec("a", "alice", "docs", 1).build());
    Statement s = r.statement("alice");
    assertEquals(5_000_000L, s.credit());
    assertEquals(5_000_000L, r.credit("alice"));
    assertEquals(List.of("a"), r.flags().get(0).recordIds());
  }

  @Test
  void statement_contributorWithOnlyPriorState_hasNoRecords() {
    PriorState prior = new PriorState(0, new TreeMap<>(Map.of("old", new ContributorState("old", 5_000_000L, 9, 1))),
        new TreeSet<>());
    CycleResult r = KatEngine.of(members().category(CategorySpec.of("docs", 1, Unit.PER_RECORD)).build())
        .run(Fixtures.OCTOBER, List.of(), prior);
    Statement s = r.statement("old");
    assertEquals(List.of(), s.records());
    assertEquals(0L, s.credit());
    assertEquals(5_000_000L, s.karmaPrior());
    assertFalse(s.render().contains("record "));
  }

  @Test
  void statement_unknownContributor_failsNamingIt() {
    CycleResult r = Fixtures.run(richPolicy(), richRecords());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.statement("nobody"));
    assertEquals("contributor (nobody) is not part of cycle 2026-10", e.getMessage());
    assertThrows(NullPointerException.class, () -> r.kat(null));
  }
}
