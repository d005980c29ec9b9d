package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three example DAOs' policies load under the shared cohort framework and say what their DAOs do. */
class ExamplePoliciesTest {

  static PolicyDocument load(String dao) {
    Framework f = PolicyReaderTest.cohort();
    ReadResult<PolicyDocument> r =
        PolicyReader.defaults().withFramework(f).read(PolicyReaderTest.EXAMPLES.resolve(dao).resolve("policy.json"));
    assertEquals(List.of(), PolicyReaderTest.lines(r), dao);
    return r.value();
  }

  @Test
  void exchangeDao_guidesPaidPerHourAndExternalsOnlyInCommunityCategories() {
    Policy p = load("exchange-dao").policy();
    assertEquals(List.of("self-dealing", "evidence-reuse", "pairwise-reciprocity", "collusion-ring"),
        p.guardrails().stream().map(g -> g.id()).collect(Collectors.toList()));
    assertEquals("{m=60.0, reciprocalReviews=true}", p.guardrails().get(2).parameters().toString());
    assertEquals(3, p.privilegeRules().size());
    assertEquals(List.of("regeneration", "sessions"), List.copyOf(p.goals().keySet()));
    assertEquals(220.0, p.goals().get("sessions").workingGroupTargets().get("sdf"));
    assertEquals("amount", p.goals().get("regeneration").attribute());
    assertEquals(10, p.exceptionLimits().maxAdjustments());
    for (String role : List.of("partner", "ambassador", "volunteer", "user_customer", "kat_holder",
        "community_collaborator")) {
      assertTrue(p.isExternal(role), role);
      assertTrue(p.isEligible("session_hosting", role), role);
      assertFalse(p.isEligible("governance", role), role);
      assertFalse(p.isEligible("cross_dao_collaboration", role), role);
    }
  }

  @Test
  void tokenomicsDao_splitsItsBudgetRecentAndBalanced() {
    PolicyDocument d = load("kat-tokenomics-dao");
    Policy p = d.policy();
    assertEquals(6000L, p.budget());
    assertEquals(2, p.allocation().size());
    assertEquals("recent", p.allocation().get(0).policy().name());
    assertEquals(80L, p.allocation().get(0).weight());
    assertEquals("balanced", p.allocation().get(1).policy().name());
    assertEquals(0.2, p.creditDiscount());
    assertEquals(Unit.PER_HOUR, p.categories().get("prototyping").unit());
    assertEquals(1.3, p.modifiers().get(1).curve().apply(7));
    assertTrue(d.workingGroups().contains("support_audit"));
  }

  @Test
  void culturalCreativeDao_documentationIsItsMainOutput() {
    Policy p = load("cultural-creative-dao").policy();
    assertEquals(6.0, p.categories().get("documentation").baseCredit());
    assertEquals(250.0, p.caps().forCategory("documentation").hard());
    assertEquals(150.0, p.caps().forCategory("translation").soft());
    // length curve: 150 words is halfway between 0.6 and 1.0
    assertEquals(0.8, p.modifiers().get(1).curve().apply(150), 1e-12);
    assertEquals(300.0, p.modifiers().get(1).defaultValue());
    assertEquals(List.of("archive-stewardship", "volunteer-translation"),
        p.adjustments().stream().map(a -> a.ruleId()).collect(Collectors.toList()));
  }

  @Test
  void allExamples_nameTheSameFramework() {
    for (String dao : List.of("exchange-dao", "kat-tokenomics-dao", "cultural-creative-dao")) {
      assertEquals("kat-cohort-2/1.0", load(dao).framework(), dao);
    }
  }

  @Test
  void allExamples_runACycleOfDocumentation() {
    java.util.Map<String, Long> perRecord = java.util.Map.of(
        "exchange-dao", 5_000_000L, "kat-tokenomics-dao", 5_000_000L, "cultural-creative-dao", 6_000_000L);
    for (String dao : List.of("exchange-dao", "kat-tokenomics-dao", "cultural-creative-dao")) {
      Policy p = load(dao).policy();
      List<dev.kat.core.model.Contribution> records = new java.util.ArrayList<>();
      for (String who : List.of("ana", "ben", "chi")) {
        records.add(dev.kat.core.model.Contribution.builder(dao + "-" + who, who, "documentation", "dao_member",
                java.time.Instant.parse("2026-10-0" + (1 + records.size()) + "T10:00:00Z"))
            .evidence("https://example.org/" + dao + "/" + who).approvedBy("reviewer-" + who).build());
      }
      dev.kat.core.engine.CycleResult r = dev.kat.core.engine.KatEngine.of(p).run(
          dev.kat.core.model.Cycle.ofMonth(java.time.YearMonth.of(2026, 10), 1), records,
          dev.kat.core.engine.PriorState.empty());
      assertEquals(3, r.acceptedCount(), dao);
      assertEquals(perRecord.get(dao), r.credit("ana"), dao);
      assertEquals(p.budget(), r.allocated(), dao);
    }
  }
}
