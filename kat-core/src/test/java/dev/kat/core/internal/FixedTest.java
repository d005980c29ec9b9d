package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FixedTest {

  @Test
  void toMicros_roundsHalfEven() {
    assertEquals(1_000_000L, Fixed.toMicros(1));
    assertEquals(2L, Fixed.toMicros(0.0000025));
    assertEquals(4L, Fixed.toMicros(0.0000035));
    assertEquals(-2L, Fixed.toMicros(-0.0000025));
    assertEquals(0L, Fixed.toMicros(0.0000005));
    assertEquals(2L, Fixed.toMicros(0.0000015));
    assertEquals(12_600_000L, Fixed.toMicros(18 * 0.7));
  }

  @Test
  void toMicros_outOfRange_fails() {
    assertThrows(ArithmeticException.class, () -> Fixed.toMicros(Double.NaN));
    assertThrows(ArithmeticException.class, () -> Fixed.toMicros(Double.POSITIVE_INFINITY));
    assertThrows(ArithmeticException.class, () -> Fixed.toMicros(9.1e12));
    assertEquals(8_999_999_000_000_000_000L, Fixed.toMicros(8.999999e12));
  }

  @Test
  void scale_multipliesAndRoundsHalfEven() {
    assertEquals(1_666_667L, Fixed.scale(2_000_000L, 5.0 / 6.0));
    assertEquals(2L, Fixed.scale(5L, 0.5));
    assertEquals(8L, Fixed.scale(15L, 0.5));
    assertEquals(0L, Fixed.scale(123L, 0));
    assertThrows(ArithmeticException.class, () -> Fixed.scale(Long.MAX_VALUE, 2));
    assertThrows(ArithmeticException.class, () -> Fixed.scale(1, Double.NaN));
  }

  @Test
  void toDouble_isMicrosOverScale() {
    assertEquals(1.5, Fixed.toDouble(1_500_000L));
    assertEquals(1_000_000L, Fixed.SCALE);
  }

  @Test
  void format_plainDecimalInEveryLocale() {
    Locale saved = Locale.getDefault();
    try {
      for (Locale l : new Locale[] {Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("ar-EG")}) {
        Locale.setDefault(l);
        assertEquals("12.600000", Fixed.format(12_600_000L));
        assertEquals("-0.000001", Fixed.format(-1L));
        assertEquals("0.000000", Fixed.format(0L));
        assertEquals("1234567.890123", Fixed.format(1_234_567_890_123L));
        assertEquals("12.60", Fixed.format(12_600_000L, 2));
        assertEquals("0.12", Fixed.format(125_000L, 2));
        assertEquals("0.14", Fixed.format(135_000L, 2));
        assertEquals("3", Fixed.format(2_500_001L, 0));
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void formatFactor_upToSixDigitsWithoutTrailingZeros() {
    assertEquals("10", Fixed.formatFactor(10));
    assertEquals("1.25", Fixed.formatFactor(1.25));
    assertEquals("0.333333", Fixed.formatFactor(1.0 / 3));
    assertEquals("0.888889", Fixed.formatFactor(8.0 / 9));
    assertEquals("100", Fixed.formatFactor(100));
    assertEquals("0", Fixed.formatFactor(0));
    assertEquals("0", Fixed.formatFactor(1e-9));
  }
}
