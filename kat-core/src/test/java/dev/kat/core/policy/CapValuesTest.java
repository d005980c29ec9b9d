package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Diminishing}, {@link CapSpec} and {@link Caps}. */
class CapValuesTest {

  @Test
  void diminishing_sqrt_isTwoRootXsMinusS() {
    assertEquals(12.0, Diminishing.SQRT.apply(16, 4));
    assertEquals(2 * Math.sqrt(50) - 5, Diminishing.SQRT.apply(10, 5));
  }

  @Test
  void diminishing_log_isSTimesOnePlusLnXOverS() {
    assertEquals(30.0, Diminishing.LOG.apply(10 * Math.exp(2), 10), 1e-12);
    assertEquals(10 * (1 + Math.log(2)), Diminishing.LOG.apply(20, 10));
  }

  @Test
  void diminishing_flatAndNone() {
    assertEquals(5.0, Diminishing.FLAT.apply(1e9, 5));
    assertEquals(1e9, Diminishing.NONE.apply(1e9, 5));
  }

  @Test
  void diminishing_atOrBelowSoftCap_isIdentity() {
    for (Diminishing d : Diminishing.values()) {
      assertEquals(3.0, d.apply(3, 5), d::name);
      assertEquals(5.0, d.apply(5, 5), d::name);
    }
  }

  @Test
  void diminishing_continuousWithSlopeAtMostOneAboveSoftCap() {
    double s = 7;
    for (Diminishing d : Diminishing.values()) {
      assertEquals(s, d.apply(s + 1e-9, s), 1e-8, d::name);
      double prev = d.apply(s, s);
      for (double x = s + 0.5; x < 100; x += 0.5) {
        double y = d.apply(x, s);
        assertTrue(y >= prev && y - prev <= 0.5 + 1e-12, () -> d + " at " + y);
        prev = y;
      }
    }
  }

  @Test
  void capSpec_apply_softCurveThenHardCap() {
    CapSpec c = new CapSpec(4, 10, Diminishing.SQRT);
    assertEquals(3.0, c.apply(3));
    assertEquals(8.0, c.apply(9));
    assertEquals(10.0, c.apply(36));
    assertEquals(5.0, CapSpec.hard(5).apply(7));
    assertEquals(12.0, CapSpec.soft(4, Diminishing.SQRT).apply(16));
    assertEquals(1e12, CapSpec.NONE.apply(1e12));
  }

  @Test
  void capSpec_isNone() {
    assertTrue(CapSpec.NONE.isNone());
    assertTrue(CapSpec.soft(4, Diminishing.NONE).isNone());
    assertFalse(CapSpec.soft(4, Diminishing.LOG).isNone());
    assertFalse(CapSpec.hard(4).isNone());
    assertFalse(new CapSpec(4, 10, Diminishing.NONE).isNone());
  }

  @Test
  void capSpec_badArguments_failNamingThem() {
    assertEquals("soft (0.0) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> CapSpec.hard(0)).getMessage());
    assertEquals("soft (NaN) must be > 0",
        assertThrows(IllegalArgumentException.class, () -> CapSpec.soft(Double.NaN, Diminishing.LOG)).getMessage());
    assertEquals("hard (3.0) must be >= soft (4.0)",
        assertThrows(IllegalArgumentException.class, () -> new CapSpec(4, 3, Diminishing.LOG)).getMessage());
    assertEquals("curve must not be null",
        assertThrows(NullPointerException.class, () -> new CapSpec(4, 5, null)).getMessage());
  }

  @Test
  void capSpec_equalsHashCodeToString() {
    assertEquals(CapSpec.hard(5), new CapSpec(5, 5, Diminishing.FLAT));
    assertEquals(CapSpec.hard(5).hashCode(), new CapSpec(5, 5, Diminishing.FLAT).hashCode());
    assertNotEquals(CapSpec.hard(5), CapSpec.hard(6));
    assertEquals("CapSpec[soft=5.0, hard=5.0, curve=FLAT]", CapSpec.hard(5).toString());
  }

  @Test
  void caps_forCategory_overrideOrDefault() {
    Caps caps = Caps.NONE.withPerCategory(CapSpec.hard(10)).withCategory("docs", CapSpec.hard(3));
    assertEquals(CapSpec.hard(3), caps.forCategory("docs"));
    assertEquals(CapSpec.hard(10), caps.forCategory("ops"));
    assertEquals(Map.of("docs", CapSpec.hard(3)), caps.overrides());
    assertEquals(CapSpec.NONE, Caps.NONE.forCategory("docs"));
  }

  @Test
  void caps_withers_returnNewValuesAndLeaveOriginal() {
    Caps a = Caps.NONE.withPerDay(CapSpec.hard(1)).withPerCycle(CapSpec.hard(2));
    assertEquals(CapSpec.hard(1), a.perDay());
    assertEquals(CapSpec.hard(2), a.perCycle());
    assertEquals(CapSpec.NONE, Caps.NONE.perDay());
    assertTrue(Caps.NONE.categoryOverrides().isEmpty());
    assertEquals(a, Caps.NONE.withPerCycle(CapSpec.hard(2)).withPerDay(CapSpec.hard(1)));
    assertEquals(a.hashCode(), Caps.NONE.withPerCycle(CapSpec.hard(2)).withPerDay(CapSpec.hard(1)).hashCode());
    assertThrows(UnsupportedOperationException.class, () -> a.categoryOverrides().put("x", CapSpec.NONE));
  }

  @Test
  void caps_nulls_failNamingThem() {
    assertEquals("perDay must not be null", assertThrows(NullPointerException.class,
        () -> new Caps(null, CapSpec.NONE, new java.util.TreeMap<>(), CapSpec.NONE)).getMessage());
    assertEquals("categoryOverrides must not be null", assertThrows(NullPointerException.class,
        () -> new Caps(CapSpec.NONE, CapSpec.NONE, null, CapSpec.NONE)).getMessage());
  }
}
