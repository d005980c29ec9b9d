package dev.kat.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.policy.FrameworkReader;
import dev.kat.rules.policy.PolicyDocument;
import dev.kat.rules.policy.PolicyReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Record rules compiled into the policy; contributor and working-group rules run on aggregated facts. */
class RuleSetTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  static final String POLICY = "{\"format\": \"kat-policy/1\", \"id\": \"t\", \"budget\": 1000,\n"
      + "\"workingGroups\": [\"sdf\", \"wellbeing\"],\n"
      + "\"roles\": {\"dao_member\": {\"weight\": 1}, \"partner\": {\"weight\": 0.8, \"external\": true}},\n"
      + "\"categories\": {\"session_hosting\": {\"baseCredit\": 10, \"unit\": \"per_hour\", \"communityContribution\": true},"
      + " \"session_participation\": {\"baseCredit\": 2, \"unit\": \"per_hour\", \"communityContribution\": true},"
      + " \"documentation\": {\"baseCredit\": 5, \"communityContribution\": true}}}";

  static Framework framework() {
    return FrameworkReader.read(EXAMPLES.resolve("framework.json")).orElseThrow();
  }

  static PolicyDocument document() {
    return PolicyReader.defaults().read(POLICY, "t.json").orElseThrow();
  }

  static RuleSet exchangeRules() {
    return RuleFiles.load(framework(), List.of(EXAMPLES.resolve("exchange-dao/rules.drl"))).orElseThrow();
  }

  static Instant day(int month, int day) {
    return Instant.parse(String.format(java.util.Locale.ROOT, "2026-%02d-%02dT10:00:00Z", month, day));
  }

  static Cycle cycle(int month) {
    return Cycle.ofMonth(YearMonth.of(2026, month), month);
  }

  static Contribution.Builder rec(String id, String who, String category, String role, int month, int day) {
    return Contribution.builder(id, who, category, role, day(month, day));
  }

  static List<Contribution> october() {
    return List.of(
        rec("h1", "alice", "session_hosting", "dao_member", 10, 1).workingGroup("wellbeing")
            .attribute("durationMinutes", 60).attribute("explorerCountry", 704).build(),
        rec("h2", "alice", "session_hosting", "dao_member", 10, 2).workingGroup("wellbeing")
            .attribute("durationMinutes", 60).attribute("explorerCountry", 392).build(),
        rec("h3", "alice", "session_hosting", "dao_member", 10, 3).workingGroup("wellbeing")
            .attribute("durationMinutes", 60).attribute("explorerCountry", 76).build(),
        rec("h4", "dave", "session_hosting", "dao_member", 10, 3).workingGroup("wellbeing")
            .attribute("durationMinutes", 30).attribute("explorerCountry", 76).build(),
        rec("p1", "bob", "session_participation", "partner", 10, 1)
            .attribute("durationMinutes", 60).attribute("reflectionWords", 200).build(),
        rec("p2", "bob", "session_participation", "partner", 10, 2)
            .attribute("durationMinutes", 60).attribute("reflectionWords", 100).build(),
        rec("d1", "carol", "documentation", "dao_member", 10, 5).workingGroup("sdf").build());
  }

  @Test
  void compile_recordRules_becomeMergedCreditAdjustments() {
    Policy p = exchangeRules().compile(document().policy(), document().workingGroups()).orElseThrow();
    List<CreditAdjustment> a = p.adjustments();
    assertEquals(List.of(
        new CreditAdjustment("explorer-reflection", "session_participation", null, null, "reflectionWords", 150,
            Double.POSITIVE_INFINITY, 1.2, "a written reflection of 150 words or more"),
        CreditAdjustment.when("sdf-templates", "documentation", null, "sdf", 1.1,
            "session templates from the SDF WG are reused by every Guide")), a);
  }

  @Test
  void compile_examplePolicy_appendsAfterItsOwnAdjustments() {
    PolicyDocument d = PolicyReader.defaults().withFramework(framework())
        .read(EXAMPLES.resolve("exchange-dao/policy.json")).orElseThrow();
    Policy p = exchangeRules().compile(d.policy(), d.workingGroups()).orElseThrow();
    assertEquals(List.of("short-session", "wellbeing-care", "explorer-reflection", "sdf-templates"),
        p.adjustments().stream().map(CreditAdjustment::ruleId).collect(Collectors.toList()));
    assertEquals(List.of(), framework().check(p));
  }

  @Test
  void compile_thresholdsOnBothSidesAndPoints_bucketExactly() {
    RuleSet rules = RuleFiles.parse(framework(), "r.drl",
        "rule \"mid\"\nwhen\n  $c : Contribution(attr(\"x\") > 2 && 5 >= attr(\"x\"))\nthen\n"
            + "  $c.multiply(1.5, \"r\");\nend\n"
            + "rule \"not-three\"\nwhen\n  $c : Contribution(category == \"documentation\", attr(\"y\") != 3)\nthen\n"
            + "  $c.multiply(0.5, \"r\");\nend\n").orElseThrow();
    List<CreditAdjustment> a = rules.compile(document().policy(), Set.of()).orElseThrow().adjustments();
    assertEquals(List.of(
        new CreditAdjustment("mid", null, null, null, "x", Math.nextUp(2.0), Math.nextUp(5.0), 1.5, "r"),
        new CreditAdjustment("not-three", "documentation", null, null, "y", Double.NEGATIVE_INFINITY, 3, 0.5, "r"),
        new CreditAdjustment("not-three", "documentation", null, null, "y", Math.nextUp(3.0),
            Double.POSITIVE_INFINITY, 0.5, "r")), a);
  }

  @Test
  void compile_undeclaredNames_reportedWithLines() {
    RuleSet rules = RuleFiles.parse(framework(), "r.drl",
        "rule \"a\"\nwhen\n  $c : Contribution(category == \"dance\", workingGroup == \"ops\")\nthen\n"
            + "  $c.multiply(1.5, \"r\");\nend\n"
            + "rule \"b\"\nwhen\n  $c : Contributor(credit(\"music\") > 1)\nthen\n  $c.flag(\"r\");\nend\n").orElseThrow();
    List<String> p = rules.compile(document().policy(), document().workingGroups()).problems().stream()
        .map(Object::toString).collect(Collectors.toList());
    assertEquals(List.of(
        "r.drl:3:0: rule 'a': category 'dance' is not declared in the policy",
        "r.drl:3:0: rule 'a': workingGroup 'ops' is not declared in the policy",
        "r.drl:9:0: rule 'b': category 'music' is not declared in the policy"), p);
  }

  @Test
  void run_contributorAndGroupRules_changeCreditGrantAndFlag() {
    RuleSet rules = exchangeRules();
    Policy p = rules.compile(document().policy(), document().workingGroups()).orElseThrow();
    KatEngine engine = KatEngine.of(p);
    List<CycleResult> history = new ArrayList<>();
    PriorState prior = PriorState.empty();
    for (int month = 6; month <= 9; month++) {
      CycleResult r = engine.run(cycle(month),
          List.of(rec("d" + month, "carol", "documentation", "dao_member", month, 5).build()), prior);
      history.add(r);
      prior = r.nextState();
    }
    ContributionBatch batch = engine.newBatch(cycle(10)).addAll(october()).build();
    RuledCycle out = rules.run(engine, batch, prior, Overrides.none(), history);

    assertEquals(33_000_000L, out.result().credit("alice"));
    assertEquals(3_520_000L, out.result().credit("bob"));
    assertEquals(5_500_000L, out.result().credit("carol"));
    assertEquals(5_000_000L, out.result().credit("dave"));
    assertEquals(List.of(
        new Effect("guide-three-cultures", Effect.Kind.MULTIPLY, "alice", "session_hosting", 1.1, "",
            "sessions with Explorers from three or more countries this cycle"),
        new Effect("archive-steward", Effect.Kind.GRANT, "carol", "", 1, "archive-steward",
            "documentation in five consecutive months"),
        new Effect("dominated-working-group", Effect.Kind.FLAG, "working group wellbeing", "", 1, "",
            "one contributor earned more than 80% of this working group's credit")), out.effects());
    assertEquals(3_000_000L, out.creditChange("alice"));
    String text = out.render("alice");
    assertTrue(text.contains("rules:\n  guide-three-cultures: x1.1 on session_hosting credit (sessions with Explorers"
        + " from three or more countries this cycle)\n  credit changed by rules: 3.000000\n"), text);
    assertTrue(out.render("bob").contains("record rules:\n  p1 explorer-reflection: x1.2 (+0.320000 credit)\n"),
        out.render("bob"));
    assertTrue(out.render("carol").contains("record rules:\n  d1 sdf-templates: x1.1 (+0.500000 credit)\n"),
        out.render("carol"));
  }

  @Test
  void run_streakBrokenByAMissingMonth_grantsNothing() {
    RuleSet rules = exchangeRules();
    Policy p = rules.compile(document().policy(), document().workingGroups()).orElseThrow();
    KatEngine engine = KatEngine.of(p);
    List<CycleResult> history = new ArrayList<>();
    for (int month : new int[] {5, 6, 7, 9}) {
      history.add(engine.run(cycle(month),
          List.of(rec("d" + month, "carol", "documentation", "dao_member", month, 5).build()), PriorState.empty()));
    }
    RuledCycle out = rules.run(engine, engine.newBatch(cycle(10)).addAll(october()).build(), PriorState.empty(),
        Overrides.none(), history);
    assertEquals(List.of(), out.grants());
  }

  @Test
  void run_inputOrder_doesNotChangeAnything() {
    RuleSet rules = exchangeRules();
    Policy p = rules.compile(document().policy(), document().workingGroups()).orElseThrow();
    KatEngine engine = KatEngine.of(p);
    List<Contribution> shuffled = new ArrayList<>(october());
    Collections.reverse(shuffled);
    RuledCycle a = rules.run(engine, engine.newBatch(cycle(10)).addAll(october()).build(), PriorState.empty(),
        Overrides.none(), List.of());
    RuledCycle b = rules.run(engine, engine.newBatch(cycle(10)).addAll(shuffled).build(), PriorState.empty(),
        Overrides.none(), List.of());
    assertEquals(a.result().contentHash(), b.result().contentHash());
    assertEquals(a.effects(), b.effects());
  }

  @Test
  void run_ruleFailing_failsTheCycleNamingRuleAndSubject() {
    RuleSet rules = RuleFiles.parse(framework(), "r.drl",
        "rule \"divides\"\nwhen\n  $c : Contributor(distinct(\"documentation\", \" \") > 1)\nthen\n  $c.flag(\"r\");\nend\n")
        .orElseThrow();
    KatEngine engine = KatEngine.of(document().policy());
    RuleException e = assertThrows(RuleException.class, () -> rules.run(engine,
        engine.newBatch(cycle(10)).addAll(october()).build(), PriorState.empty(), Overrides.none(), List.of()));
    assertEquals("divides", e.rule());
    assertTrue(e.subject().startsWith("Contributor[alice"), e.subject());
  }

  @Test
  void run_pairRule_flagsReciprocalCounterparts() {
    RuleSet rules = RuleFiles.parse(framework(), "r.drl",
        "rule \"reciprocal-pair\"\nwhen\n  $p : Pair(reciprocal, records >= 3)\nthen\n"
            + "  $p.flag(\"they host each other\");\nend\n").orElseThrow();
    KatEngine engine = KatEngine.of(document().policy());
    List<Contribution> records = List.of(
        rec("x1", "alice", "session_hosting", "dao_member", 10, 1).counterpart("bob").attribute("durationMinutes", 60)
            .build(),
        rec("x2", "bob", "session_hosting", "dao_member", 10, 2).counterpart("alice").attribute("durationMinutes", 60)
            .build(),
        rec("x3", "bob", "session_hosting", "dao_member", 10, 3).counterpart("alice").attribute("durationMinutes", 60)
            .build(),
        rec("x4", "carol", "session_hosting", "dao_member", 10, 3).counterpart("dave").build());
    RuledCycle out = rules.run(engine, engine.newBatch(cycle(10)).addAll(records).build(), PriorState.empty(),
        Overrides.none(), List.of());
    assertEquals(List.of(new Effect("reciprocal-pair", Effect.Kind.FLAG, "pair alice + bob", "", 1, "",
        "they host each other")), out.effects());
  }
}
