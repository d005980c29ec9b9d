package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DoubleColumnTest {

  @Test
  void get_fewDistinctValues_oneByteCodesGiveExactValues() {
    DoubleColumn c = new DoubleColumn(2);
    double[] in = {1.5, Double.NaN, -0.0, 0.0, 1.5, 90, Double.MIN_VALUE};
    for (double v : in) {
      c.add(v);
    }
    byte[] codes = c.byteCodes();
    assertNotNull(codes);
    for (int row = 0; row < in.length; row++) {
      assertEquals(Double.doubleToRawLongBits(in[row]), Double.doubleToRawLongBits(c.get(row)), "row " + row);
      assertEquals(Double.doubleToRawLongBits(in[row]),
          Double.doubleToRawLongBits(c.byteCodeValue(codes[row])), "code of row " + row);
    }
    assertEquals(0xFF, codes[1] & 0xFF, "absent is code 255");
  }

  @Test
  void add_manyDistinctValues_widensToCharsThenDoublesKeepingEveryValue() {
    DoubleColumn c = new DoubleColumn(1);
    int n = 70_000;
    for (int i = 0; i < n; i++) {
      c.add(i % 7 == 0 ? Double.NaN : i * 0.25);
      if (i == 300) {
        assertNull(c.byteCodes(), "more than 255 distinct values are no longer one-byte codes");
        assertThrows(IllegalStateException.class, () -> c.byteCodeValue(0));
      }
    }
    assertEquals(n, c.size());
    for (int i = 0; i < n; i++) {
      double expected = i % 7 == 0 ? Double.NaN : i * 0.25;
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(c.get(i)), "row " + i);
    }
    assertTrue(c.byteCodes() == null);
  }

  @Property(tries = 300)
  void add_wholeNumbersAndOthersMixed_everyValueExactAndOneCodePerDistinctBits(
      @ForAll("values") List<Double> in) {
    DoubleColumn c = new DoubleColumn(1);
    Set<Long> distinct = new HashSet<>();
    for (double v : in) {
      c.add(v);
      if (!Double.isNaN(v)) {
        distinct.add(Double.doubleToLongBits(v));
      }
    }
    for (int row = 0; row < in.size(); row++) {
      assertEquals(Double.doubleToRawLongBits(in.get(row)), Double.doubleToRawLongBits(c.get(row)), "row " + row);
    }
    // one-byte codes while at most 255 distinct values: so each distinct value took exactly one code
    assertEquals(distinct.size() <= 255, c.byteCodes() != null, distinct.size() + " distinct values");
    c.trim();
    for (int row = 0; row < in.size(); row++) {
      assertEquals(Double.doubleToRawLongBits(in.get(row)), Double.doubleToRawLongBits(c.get(row)), "trimmed row " + row);
    }
  }

  @Provide
  Arbitrary<List<Double>> values() {
    // whole numbers at the edges of the directly indexed range, their neighbours, -0.0 and 0.0, and others
    Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, 1.0, 65_535.0, 65_536.0, 65_535.5, -1.0, 0.5, 1e300,
        Double.NaN, Double.MIN_VALUE, 4_294_967_296.0, (double) Integer.MAX_VALUE);
    Arbitrary<Double> whole = Arbitraries.integers().between(-5, 70_000).map(i -> (double) i);
    Arbitrary<Double> fractions = Arbitraries.integers().between(0, 400).map(i -> i / 4.0);
    return Arbitraries.oneOf(edges, whole, fractions).list().ofMaxSize(400);
  }
}
