package dev.kat.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Record rules compiled into credit adjustments give exactly the factors Drools gives firing per record. */
class RecordRulesProperties {
  static final RuleSet RULES = RuleFiles.parse(RuleSetTest.framework(), "p.drl",
      "rule \"a\"\nwhen\n  $c : Contribution(category == \"session_hosting\", attr(\"durationMinutes\") >= 45)\n"
          + "then\n  $c.multiply(1.2, \"long\");\nend\n"
          + "rule \"b\"\nwhen\n  $c : Contribution(role == \"partner\" || workingGroup == \"sdf\")\n"
          + "then\n  $c.multiply(0.9, \"b\");\nend\n"
          + "rule \"c\"\nwhen\n  $c : Contribution(attr(\"complexity\") > 2 && attr(\"complexity\") <= 4)\n"
          + "then\n  $c.multiply(1.5, \"c\");\nend\n"
          + "rule \"d\"\nwhen\n  $c : Contribution(category != \"documentation\", workingGroup == \"wellbeing\")\n"
          + "then\n  $c.multiply(1.1, \"d\");\nend\n").orElseThrow();
  static final Policy COMPILED =
      RULES.compile(RuleSetTest.document().policy(), RuleSetTest.document().workingGroups()).orElseThrow();
  static final KatEngine ENGINE = KatEngine.of(COMPILED);

  @Provide
  Arbitrary<List<Contribution>> records() {
    return record().list().ofMaxSize(20);
  }

  Arbitrary<Contribution> record() {
    Arbitrary<String> category = Arbitraries.of("session_hosting", "session_participation", "documentation");
    Arbitrary<String> role = Arbitraries.of("dao_member", "partner");
    Arbitrary<String> group = Arbitraries.of("sdf", "wellbeing", "", "misc");
    Arbitrary<Double> minutes = Arbitraries.of(-1.0, 0.0, 44.0, 44.999, 45.0, 45.5, 120.0);
    Arbitrary<Double> complexity = Arbitraries.of(-1.0, 1.0, 2.0, 2.0000001, 3.0, 4.0, 4.5, 5.0);
    Arbitrary<Integer> id = Arbitraries.integers().between(0, 1_000_000);
    return Combinators.combine(category, role, group, minutes, complexity, id).as((c, r, g, m, x, i) -> {
      Contribution.Builder b = Contribution.builder("r" + i, "p" + (i % 7), c, r, RuleSetTest.day(10, 1 + i % 28))
          .workingGroup(g);
      if (m >= 0) {
        b.attribute("durationMinutes", m);
      }
      if (x >= 0) {
        b.attribute("complexity", x);
      }
      return b.build();
    });
  }

  @Property(tries = 40)
  void compiledFactors_equalFiringPerRecord(@ForAll("records") List<Contribution> list) {
    List<Contribution> unique = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    list.stream().filter(c -> ids.add(c.id())).forEach(unique::add);
    ContributionBatch batch = ENGINE.newBatch(RuleSetTest.cycle(10)).addAll(unique).build();
    double[] fired = RULES.fireRecordRulesPerRecord(batch);
    for (int row = 0; row < batch.rows(); row++) {
      double compiled = 1;
      for (CreditAdjustment a : COMPILED.adjustments()) {
        if (a.matchesKey(batch.categoryId(batch.category(row)), batch.roleId(batch.role(row)),
            batch.workingGroupId(batch.workingGroup(row)))) {
          double v = a.attribute() == null ? 0 : batch.attribute(row, a.attribute(), Double.NaN);
          if (a.attribute() == null || (!Double.isNaN(v) && a.matchesAttribute(v))) {
            compiled *= a.factor();
          }
        }
      }
      assertEquals(fired[row], compiled, 1e-12, batch.record(row).toString());
    }
  }
}
