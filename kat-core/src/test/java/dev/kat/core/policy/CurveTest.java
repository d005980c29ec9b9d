package dev.kat.core.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveTest {

  private static final Curve C = Curve.of(1, 1.0, 3, 2.0, 5, 1.5);

  @Test
  void apply_linearBetweenPoints() {
    assertEquals(1.0, C.apply(1));
    assertEquals(1.5, C.apply(2));
    assertEquals(2.0, C.apply(3));
    assertEquals(1.75, C.apply(4));
    assertEquals(1.5, C.apply(5));
  }

  @Test
  void apply_flatOutsideThePoints() {
    assertEquals(1.0, C.apply(-1e300));
    assertEquals(1.0, C.apply(0.999));
    assertEquals(1.5, C.apply(5.001));
    assertEquals(1.5, C.apply(Double.POSITIVE_INFINITY));
  }

  @Test
  void minMax_areTheExtremeYs() {
    assertEquals(1.0, C.min());
    assertEquals(2.0, C.max());
  }

  @Test
  void constant_isFlatEverywhere() {
    Curve k = Curve.constant(0.7);
    assertEquals(0.7, k.apply(-5));
    assertEquals(0.7, k.apply(1e9));
  }

  @Test
  void of_badPoints_failNamingThem() {
    assertEquals("points (0 values) must be non-empty x,y pairs",
        assertThrows(IllegalArgumentException.class, Curve::of).getMessage());
    assertEquals("points (3 values) must be non-empty x,y pairs",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(1, 2, 3)).getMessage());
    assertEquals("x[1] (1.0) must be greater than x[0] (1.0)",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(1, 1, 1, 2)).getMessage());
    assertEquals("x[1] (0.0) must be greater than x[0] (1.0)",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(1, 1, 0, 2)).getMessage());
    assertEquals("x[0] (NaN) must be finite",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(Double.NaN, 1)).getMessage());
    assertEquals("y[1] (-0.5) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(0, 1, 1, -0.5)).getMessage());
    assertEquals("y[0] (Infinity) must be finite and >= 0",
        assertThrows(IllegalArgumentException.class, () -> Curve.of(0, Double.POSITIVE_INFINITY)).getMessage());
    assertEquals("points must not be null",
        assertThrows(NullPointerException.class, () -> Curve.of((double[]) null)).getMessage());
  }

  @Test
  void of_copiesTheArray() {
    double[] pts = {0, 1, 1, 2};
    Curve c = Curve.of(pts);
    pts[3] = 99;
    assertEquals(2.0, c.apply(1));
  }

  @Test
  void points_areThePairsInOrder() {
    List<double[]> pts = C.points();
    assertEquals(3, pts.size());
    assertArrayEquals(new double[] {3, 2.0}, pts.get(1));
    pts.get(0)[1] = 42;
    assertEquals(1.0, C.apply(1), "points() hands out copies");
  }

  @Test
  void equalsHashCodeToString() {
    assertEquals(Curve.of(1, 1.0, 5, 1.5), Curve.of(1, 1.0, 5, 1.5));
    assertEquals(Curve.of(1, 1.0, 5, 1.5).hashCode(), Curve.of(1, 1.0, 5, 1.5).hashCode());
    assertNotEquals(Curve.of(1, 1.0, 5, 1.5), Curve.of(1, 1.0, 5, 1.6));
    assertNotEquals(Curve.of(1, 1.0), "Curve");
    assertEquals("Curve[(1.0, 1.0), (5.0, 1.5)]", Curve.of(1, 1.0, 5, 1.5).toString());
  }
}
