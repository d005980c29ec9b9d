package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The small policy values: roles, categories, units, modifiers, adjustments, ranges, violations. */
class PolicyValuesTest {

  @Test
  void roleSpec_badWeight_failsNamingRole() {
    assertEquals("roles.partner.weight (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new RoleSpec("partner", -1, true)).getMessage());
    assertEquals("roles.partner.weight (NaN) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new RoleSpec("partner", Double.NaN, true)).getMessage());
    assertEquals("id (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new RoleSpec("", 1, true)).getMessage());
    assertEquals(new RoleSpec("a", 1, false), new RoleSpec("a", 1, false));
    assertEquals("RoleSpec[id=a, weight=1.0, external=false]", new RoleSpec("a", 1, false).toString());
  }

  @Test
  void categorySpec_defaultsAndWithers() {
    CategorySpec c = CategorySpec.of("docs", 2, Unit.PER_RECORD);
    assertEquals(new CategorySpec("docs", 2, Unit.PER_RECORD, new TreeSet<>(), false, 0, false), c);
    CategorySpec d = c.withEligibleRoles(Set.of("b", "a")).withEvidenceRequired(true).withMinApprovals(2)
        .withCommunityContribution(true);
    assertEquals(new TreeSet<>(Set.of("a", "b")), d.eligibleRoles());
    assertTrue(d.evidenceRequired());
    assertEquals(2, d.minApprovals());
    assertTrue(d.communityContribution());
    assertFalse(c.evidenceRequired(), "withers leave the original unchanged");
    assertEquals(d.hashCode(), c.withCommunityContribution(true).withMinApprovals(2).withEvidenceRequired(true)
        .withEligibleRoles(Set.of("a", "b")).hashCode());
    assertThrows(UnsupportedOperationException.class, () -> d.eligibleRoles().add("c"));
  }

  @Test
  void categorySpec_badArguments_failNamingThem() {
    assertEquals("categories.docs.baseCredit (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> CategorySpec.of("docs", -1, Unit.PER_RECORD)).getMessage());
    assertEquals("categories.docs.baseCredit (Infinity) must be finite and >= 0", assertThrows(
        IllegalArgumentException.class, () -> CategorySpec.of("docs", Double.POSITIVE_INFINITY, Unit.PER_RECORD))
        .getMessage());
    assertEquals("categories.docs.minApprovals (-1) must be >= 0", assertThrows(IllegalArgumentException.class,
        () -> CategorySpec.of("docs", 1, Unit.PER_RECORD).withMinApprovals(-1)).getMessage());
    assertEquals("unit must not be null",
        assertThrows(NullPointerException.class, () -> CategorySpec.of("docs", 1, null)).getMessage());
  }

  @Test
  void unit_quantity() {
    assertEquals(1.0, Unit.PER_RECORD.quantity(999));
    assertEquals(1.5, Unit.PER_HOUR.quantity(90));
    assertEquals(12.5, Unit.PER_CURRENCY_UNIT.quantity(12.5));
    assertEquals("durationMinutes", Unit.PER_HOUR.quantityAttribute());
    assertEquals("amount", Unit.PER_CURRENCY_UNIT.quantityAttribute());
    assertEquals(null, Unit.PER_RECORD.quantityAttribute());
  }

  @Test
  void attributeModifier_appliesToListedOrAllCategories() {
    AttributeModifier all = new AttributeModifier("m", "a", new TreeSet<>(), Curve.constant(1), 0);
    AttributeModifier some = new AttributeModifier("m", "a", new TreeSet<>(Set.of("docs")), Curve.constant(1), 0);
    assertTrue(all.appliesTo("anything"));
    assertTrue(some.appliesTo("docs"));
    assertFalse(some.appliesTo("ops"));
    assertEquals("modifiers.m.defaultValue (NaN) must be finite", assertThrows(IllegalArgumentException.class,
        () -> new AttributeModifier("m", "a", new TreeSet<>(), Curve.constant(1), Double.NaN)).getMessage());
    assertEquals("attribute (\" \") must not be blank", assertThrows(IllegalArgumentException.class,
        () -> new AttributeModifier("m", " ", new TreeSet<>(), Curve.constant(1), 0)).getMessage());
    assertEquals(all, new AttributeModifier("m", "a", new TreeSet<>(), Curve.constant(1), 0));
    assertNotEquals(all, some);
  }

  @Test
  void creditAdjustment_matching() {
    CreditAdjustment a = new CreditAdjustment("r", "docs", null, "wg", "x", 1, 2, 1.5, "why");
    assertTrue(a.matchesKey("docs", "anyone", "wg"));
    assertFalse(a.matchesKey("ops", "anyone", "wg"));
    assertFalse(a.matchesKey("docs", "anyone", "other"));
    assertTrue(a.matchesAttribute(1));
    assertTrue(a.matchesAttribute(1.999));
    assertFalse(a.matchesAttribute(2));
    assertFalse(a.matchesAttribute(Double.NaN));
    CreditAdjustment any = CreditAdjustment.when("r", null, null, null, 2, "why");
    assertTrue(any.matchesKey("a", "b", "c"));
    assertTrue(any.matchesAttribute(Double.NaN), "no attribute test: always matches");
  }

  @Test
  void creditAdjustment_badArguments_failNamingThem() {
    assertEquals("adjustments.r.factor (-1.0) must be finite and >= 0", assertThrows(IllegalArgumentException.class,
        () -> CreditAdjustment.when("r", null, null, null, -1, "why")).getMessage());
    assertEquals("adjustments.r: attributeMin (2.0) must be < attributeMax (2.0)",
        assertThrows(IllegalArgumentException.class,
            () -> new CreditAdjustment("r", null, null, null, "x", 2, 2, 1, "why")).getMessage());
    assertEquals("adjustments.r: attributeMin (NaN) must be < attributeMax (2.0)",
        assertThrows(IllegalArgumentException.class,
            () -> new CreditAdjustment("r", null, null, null, "x", Double.NaN, 2, 1, "why")).getMessage());
    assertEquals("reason (\"\") must not be blank", assertThrows(IllegalArgumentException.class,
        () -> CreditAdjustment.when("r", null, null, null, 1, "")).getMessage());
  }

  @Test
  void range_containsIsClosed() {
    Range r = Range.of(1, 2);
    assertTrue(r.contains(1));
    assertTrue(r.contains(2));
    assertFalse(r.contains(2.0000001));
    assertFalse(r.contains(Double.NaN));
    assertTrue(Range.ANY.contains(Double.NEGATIVE_INFINITY));
    assertEquals("[1.0, 2.0]", r.toString());
    assertEquals(r, new Range(1, 2));
    assertEquals("range min (3.0) must be <= max (2.0)",
        assertThrows(IllegalArgumentException.class, () -> Range.of(3, 2)).getMessage());
    assertEquals("range min (NaN) must be <= max (2.0)",
        assertThrows(IllegalArgumentException.class, () -> Range.of(Double.NaN, 2)).getMessage());
  }

  @Test
  void violation_valueAndText() {
    Violation v = new Violation("$.roles.a.weight", "too heavy");
    assertEquals("$.roles.a.weight: too heavy", v.toString());
    assertEquals(v, new Violation("$.roles.a.weight", "too heavy"));
    assertEquals(v.hashCode(), new Violation("$.roles.a.weight", "too heavy").hashCode());
    assertEquals("path (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new Violation("", "m")).getMessage());
  }
}
