package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kat.core.model.Roles;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FrameworkTest {

  static final Framework COHORT = new Framework("kat-framework-1.0", Range.of(0, 50), Range.of(0, 1.5),
      Range.of(0.5, 2), Range.of(0, 3), 1000, Range.of(2, 24), Range.of(0, 0.5),
      new TreeSet<>(Set.of("documentation", "session_hosting")), new TreeSet<>(Set.of("self-dealing")));

  @Test
  void check_conformingPolicy_noViolations() {
    Policy p = Policy.builder("ok").role(Roles.DAO_MEMBER, 1, false)
        .category(CategorySpec.of("documentation", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("session_hosting", 20, Unit.PER_HOUR))
        .caps(Caps.NONE.withPerCycle(CapSpec.hard(1000)))
        .guardrail(PolicyBuilderTest.guardrail("self-dealing")).build();
    assertEquals(List.of(), COHORT.check(p));
  }

  @Test
  void check_reportsEveryViolationAtOnceWithJsonPaths() {
    Policy p = Policy.builder("bad").role(Roles.DAO_MEMBER, 1, false).role(Roles.PARTNER, 2, true)
        .category(CategorySpec.of("documentation", 60, Unit.PER_RECORD))
        .category(CategorySpec.of("ops", 51, Unit.PER_RECORD))
        .modifier(new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.of(1, 0.4, 5, 2.5), 1))
        .adjustment(CreditAdjustment.when("boost", null, null, null, 4, "boost"))
        .karma(new KarmaPolicy(1, 1, 0, 0, 100, 0.9))
        .build();
    List<Violation> v = COHORT.check(p);
    assertEquals(List.of(
        "$.categories.documentation.baseCredit",
        "$.categories.ops.baseCredit",
        "$.categories",
        "$.roles.partner.weight",
        "$.modifiers.cx.curve",
        "$.adjustments.boost.factor",
        "$.caps.perCycle.hard",
        "$.karma.halfLifeCycles",
        "$.karma.influence",
        "$.guardrails"), v.stream().map(Violation::path).toList());
    assertEquals("$.categories.documentation.baseCredit: base credit 60.0 is outside the allowed range [0.0, 50.0]",
        v.get(0).toString());
    assertEquals("must recognise category 'session_hosting' (required by framework kat-framework-1.0)",
        v.get(2).message());
    assertEquals("factors range over [0.4, 2.5], outside the allowed [0.5, 2.0]", v.get(4).message());
    assertEquals("is Infinity but the framework allows at most 1000.0 credit per contributor per cycle",
        v.get(6).message());
    assertEquals("guardrail 'self-dealing' may not be switched off (required by framework kat-framework-1.0)",
        v.get(9).message());
  }

  @Test
  void permissive_acceptsAnything() {
    Policy p = Policy.builder("any").role(Roles.DAO_MEMBER, 1e6, false)
        .category(CategorySpec.of("x", 1e9, Unit.PER_RECORD)).karma(new KarmaPolicy(1e9, 1, 0, 0, 1, 1e3)).build();
    assertEquals(List.of(), Framework.permissive().check(p));
  }

  @Test
  void badArguments_failNamingThem() {
    assertEquals("maxCycleCap (0.0) must be > 0", assertThrows(IllegalArgumentException.class,
        () -> new Framework("f", Range.ANY, Range.ANY, Range.ANY, Range.ANY, 0, Range.ANY, Range.ANY, new TreeSet<>(),
            new TreeSet<>())).getMessage());
    assertEquals("requiredCategories must not be null", assertThrows(NullPointerException.class,
        () -> new Framework("f", Range.ANY, Range.ANY, Range.ANY, Range.ANY, 1, Range.ANY, Range.ANY, null,
            new TreeSet<>())).getMessage());
    assertEquals("baseCredit must not be null", assertThrows(NullPointerException.class,
        () -> new Framework("f", null, Range.ANY, Range.ANY, Range.ANY, 1, Range.ANY, Range.ANY, new TreeSet<>(),
            new TreeSet<>())).getMessage());
    assertEquals("policy must not be null",
        assertThrows(NullPointerException.class, () -> COHORT.check(null)).getMessage());
  }

  @Test
  void equalsHashCode_andRequiredSetsAreCopied() {
    TreeSet<String> req = new TreeSet<>(Set.of("a"));
    Framework f = new Framework("f", Range.ANY, Range.ANY, Range.ANY, Range.ANY, 1, Range.ANY, Range.ANY, req,
        new TreeSet<>());
    req.add("b");
    assertEquals(Set.of("a"), f.requiredCategories());
    assertEquals(f, new Framework("f", Range.ANY, Range.ANY, Range.ANY, Range.ANY, 1, Range.ANY, Range.ANY,
        new TreeSet<>(Set.of("a")), new TreeSet<>()));
    assertEquals(Framework.permissive().hashCode(), Framework.permissive().hashCode());
  }
}
