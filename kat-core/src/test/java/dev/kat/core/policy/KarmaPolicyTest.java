package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KarmaPolicyTest {

  @Test
  void decay_halvesEveryHalfLife() {
    KarmaPolicy k = new KarmaPolicy(3, 1, 0, 0, 100, 0);
    assertEquals(1.0, k.decay(0));
    assertEquals(0.5, k.decay(3));
    assertEquals(0.25, k.decay(6));
    assertEquals(Math.pow(2, -1.0 / 3), k.decay(1));
  }

  @Test
  void defaults() {
    assertEquals(new KarmaPolicy(6, 1, 0, 0, 10_000, 0), KarmaPolicy.DEFAULT);
    assertEquals(0.5, KarmaPolicy.DEFAULT.withInfluence(0.5).influence());
    assertEquals(6, KarmaPolicy.DEFAULT.withInfluence(0.5).halfLifeCycles());
  }

  @Test
  void badArguments_failNamingThem() {
    assertEquals("karma.halfLifeCycles (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> new KarmaPolicy(0, 1, 0, 0, 1, 0)).getMessage());
    assertEquals("karma.gainPerCredit (-1.0) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new KarmaPolicy(1, -1, 0, 0, 1, 0)).getMessage());
    assertEquals("karma.penaltyPerFlag (NaN) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> new KarmaPolicy(1, 1, Double.NaN, 0, 1, 0)).getMessage());
    assertEquals("karma.floor (-Infinity) must be finite", assertThrows(IllegalArgumentException.class,
        () -> new KarmaPolicy(1, 1, 0, Double.NEGATIVE_INFINITY, 1, 0)).getMessage());
    assertEquals("karma.ceiling (5.0) must be > karma.floor (5.0)",
        assertThrows(IllegalArgumentException.class, () -> new KarmaPolicy(1, 1, 0, 5, 5, 0)).getMessage());
    assertEquals("karma.ceiling (0.0) must be finite and > 0",
        assertThrows(IllegalArgumentException.class, () -> new KarmaPolicy(1, 1, 0, -5, 0, 0)).getMessage());
    assertEquals("karma.influence (-0.1) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> KarmaPolicy.DEFAULT.withInfluence(-0.1)).getMessage());
  }

  @Test
  void equalsHashCodeToString() {
    KarmaPolicy a = new KarmaPolicy(2, 1, 0.5, -1, 10, 0.2);
    assertEquals(a, new KarmaPolicy(2, 1, 0.5, -1, 10, 0.2));
    assertEquals(a.hashCode(), new KarmaPolicy(2, 1, 0.5, -1, 10, 0.2).hashCode());
    assertEquals("KarmaPolicy[halfLifeCycles=2.0, gainPerCredit=1.0, penaltyPerFlag=0.5, floor=-1.0, ceiling=10.0, "
        + "influence=0.2]", a.toString());
  }
}
