package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
