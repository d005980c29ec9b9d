package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.model.Roles;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PolicyBuilderTest {

  static Guardrail guardrail(String id) {
    return new Guardrail() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public SortedMap<String, String> parameters() {
        return Collections.emptySortedMap();
      }

      @Override
      public void inspect(GuardContext context, FlagSink sink) {}
    };
  }

  static Policy.Builder valid() {
    return Policy.builder("p").role(Roles.DAO_MEMBER, 1, false).role(Roles.PARTNER, 0.5, true)
        .category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("session", 5, Unit.PER_HOUR).withEligibleRoles(Set.of(Roles.DAO_MEMBER)))
        .category(CategorySpec.of("regen", 0.1, Unit.PER_CURRENCY_UNIT).withCommunityContribution(true));
  }

  private static void fails(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void build_inconsistentPolicies_failSayingWhat() {
    fails("policy p declares no category", () -> Policy.builder("p").role(Roles.DAO_MEMBER, 1, false).build());
    fails("policy p declares no role", () -> Policy.builder("p").category(CategorySpec.of("d", 1, Unit.PER_RECORD)).build());
    fails("categories.docs.eligibleRoles names undeclared role (volunteer)", () -> valid()
        .category(CategorySpec.of("docs", 1, Unit.PER_RECORD).withEligibleRoles(Set.of(Roles.VOLUNTEER))).build());
    AttributeModifier m = new AttributeModifier("cx", "complexity", new TreeSet<>(Set.of("ops")), Curve.constant(1), 1);
    fails("modifiers.cx.categories names undeclared category (ops)", () -> valid().modifier(m).build());
    AttributeModifier m2 = new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.constant(1), 1);
    fails("modifier id (cx) is used twice", () -> valid().modifier(m2).modifier(m2).build());
    fails("adjustments.a.category names undeclared category (ops)",
        () -> valid().adjustment(CreditAdjustment.when("a", "ops", null, null, 1, "r")).build());
    fails("adjustments.a.role names undeclared role (volunteer)",
        () -> valid().adjustment(CreditAdjustment.when("a", null, Roles.VOLUNTEER, null, 1, "r")).build());
    fails("caps.categories names undeclared category (ops)",
        () -> valid().caps(Caps.NONE.withCategory("ops", CapSpec.hard(1))).build());
    fails("guardrail id (g) is used twice", () -> valid().guardrail(guardrail("g")).guardrail(guardrail("g")).build());
  }

  @Test
  void builder_badArguments_failNamingThem() {
    fails("id (\"\") must not be blank", () -> Policy.builder(""));
    fails("budget (-1) must be >= 0", () -> valid().budget(-1));
    fails("creditDiscount (1.0) must be in [0, 1)", () -> valid().creditDiscount(1));
    fails("creditDiscount (-0.1) must be in [0, 1)", () -> valid().creditDiscount(-0.1));
    assertEquals("caps must not be null", assertThrows(NullPointerException.class, () -> valid().caps(null)).getMessage());
    assertEquals("dao must not be null", assertThrows(NullPointerException.class, () -> valid().dao(null)).getMessage());
    assertEquals("category must not be null",
        assertThrows(NullPointerException.class, () -> valid().category(null)).getMessage());
  }

  @Test
  void build_defaults() {
    Policy p = valid().build();
    assertEquals("", p.dao());
    assertEquals(Caps.NONE, p.caps());
    assertEquals(KarmaPolicy.DEFAULT, p.karma());
    assertEquals(1_000_000L, p.budget());
    assertFalse(p.reviewQualityWeighting());
    assertEquals(List.of(), p.guardrails());
    assertEquals(List.of(new AllocationShare(Allocations.immediate(), 1)), p.allocation());
  }

  @Test
  void builder_laterCategoryWithSameId_replacesEarlier() {
    Policy p = valid().category(CategorySpec.of("docs", 3, Unit.PER_RECORD)).build();
    assertEquals(3.0, p.categories().get("docs").baseCredit());
    assertEquals(List.of("docs", "regen", "session"), List.copyOf(p.categories().keySet()));
  }

  @Test
  void toBuilder_rebuildsAnEqualPolicy() {
    Policy p = valid().dao("exchange").budget(77).reviewQualityWeighting(true).guardrail(guardrail("g"))
        .karma(KarmaPolicy.DEFAULT.withInfluence(0.3)).caps(Caps.NONE.withPerDay(CapSpec.hard(4)))
        .modifier(new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.of(1, 1, 5, 2), 1))
        .adjustment(CreditAdjustment.when("a", "docs", null, null, 1.1, "r")).creditDiscount(0.2)
        .allocation(new AllocationShare(Allocations.immediate(), 3)).build();
    Policy q = p.toBuilder().build();
    assertEquals(p, q);
    assertEquals(p.hashCode(), q.hashCode());
    assertEquals(p.canonicalForm(), q.canonicalForm());
    assertNotEquals(p, p.toBuilder().budget(78).build());
    assertNotEquals(p, p.toBuilder().clearGuardrails().build());
  }

  @Test
  void collections_areUnmodifiable() {
    Policy p = valid().build();
    assertThrows(UnsupportedOperationException.class, () -> p.categories().remove("docs"));
    assertThrows(UnsupportedOperationException.class, () -> p.roles().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.modifiers().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.allocation().clear());
  }

  @Test
  void isEligible_rolesListsAndExternalRoles() {
    Policy p = valid().build();
    assertTrue(p.isEligible("docs", Roles.DAO_MEMBER));
    assertFalse(p.isEligible("docs", Roles.PARTNER), "external role outside a community-contribution category");
    assertTrue(p.isEligible("regen", Roles.PARTNER));
    assertTrue(p.isEligible("session", Roles.DAO_MEMBER));
    assertFalse(p.isEligible("session", Roles.PARTNER));
    assertFalse(p.isEligible("nope", Roles.DAO_MEMBER));
    assertFalse(p.isEligible("docs", "nobody"));
    assertTrue(p.isExternal(Roles.PARTNER));
    assertFalse(p.isExternal(Roles.DAO_MEMBER));
    assertFalse(p.isExternal("nobody"));
  }

  @Test
  void isEligible_explicitListIncludingExternalRole_overridesCommunityRule() {
    Policy p = valid().category(CategorySpec.of("docs", 1, Unit.PER_RECORD).withEligibleRoles(Set.of(Roles.PARTNER)))
        .build();
    assertTrue(p.isEligible("docs", Roles.PARTNER));
    assertFalse(p.isEligible("docs", Roles.DAO_MEMBER));
  }

  @Test
  void attributesRead_unitsThenModifiersThenAdjustments_withoutRepeats() {
    Policy p = valid()
        .modifier(new AttributeModifier("cx", "complexity", new TreeSet<>(), Curve.constant(1), 1))
        .modifier(new AttributeModifier("dur", "durationMinutes", new TreeSet<>(), Curve.constant(1), 1))
        .adjustment(new CreditAdjustment("x", null, null, null, "crossCultural", 1, 2, 1.1, "r"))
        .adjustment(CreditAdjustment.when("y", null, null, null, 1.1, "r")).build();
    assertEquals(List.of("amount", "durationMinutes", "complexity", "crossCultural"), p.attributesRead());
  }

  @Test
  void toString_summarises() {
    assertEquals("Policy[p, 3 categories, 2 roles, budget 5]", valid().budget(5).build().toString());
  }
}
