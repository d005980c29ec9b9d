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
    assertEquals("0", Fixed.formatFactor(-1e-9));
    assertEquals("-0.5", Fixed.formatFactor(-0.5));
    assertEquals("-12.000001", Fixed.formatFactor(-12.000001));
    assertEquals("0.007812", Fixed.formatFactor(0.0078125), "1/128: exactly half-way, rounded half-even");
    assertEquals("0.000003", Fixed.formatFactor(0.0000025), "the double nearest 2.5e-6 is just above half-way");
    assertEquals("1000000", Fixed.formatFactor(1e6));
    assertEquals("123456789012.5", Fixed.formatFactor(123456789012.5));
    assertThrows(NumberFormatException.class, () -> Fixed.formatFactor(Double.NaN));
  }

  /** The definition: the exact binary value rounded half-even to six places, trailing zeros removed. */
  private static String reference(double factor) {
    java.math.BigDecimal d = new java.math.BigDecimal(factor).setScale(6, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  @net.jqwik.api.Property(tries = 3000, edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
  void formatFactor_isTheExactValueRoundedHalfEven(@net.jqwik.api.ForAll("factors") double factor) {
    assertEquals(reference(factor), Fixed.formatFactor(factor), () -> "factor " + factor);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Double> factors() {
    net.jqwik.api.Arbitrary<Long> micros = net.jqwik.api.Arbitraries.longs().between(-2_000_000_000_000L,
        2_000_000_000_000L);
    net.jqwik.api.Arbitrary<Long> mantissas = net.jqwik.api.Arbitraries.longs().between(-(1L << 53), 1L << 53);
    return net.jqwik.api.Arbitraries.oneOf(
        // any magnitude: a 53-bit mantissa times a power of two, from subnormal to about 10^290
        net.jqwik.api.Combinators.combine(mantissas, net.jqwik.api.Arbitraries.integers().between(-1074, 910))
            .as((m, e) -> Math.scalb((double) m, e)),
        mantissas.map(l -> l / 4.5e9),
        mantissas.map(l -> l / 9.0e15),
        net.jqwik.api.Arbitraries.integers().between(-(1 << 20), 1 << 20).map(k -> k / 128.0),
        // values at, just below and just above half-way between two micro-units
        micros.map(m -> (m + 0.5) / 1e6),
        micros.map(m -> Math.nextDown((m + 0.5) / 1e6)),
        micros.map(m -> Math.nextUp((m + 0.5) / 1e6)),
        micros.map(m -> m / 1e6),
        net.jqwik.api.Arbitraries.of(0.0, -0.0, 1e6, -1e6, Math.nextDown(1e6), 999_999.9999995, 0.0000005,
            -0.0000005, 0.0000015, 2.5e-6, Double.MIN_VALUE, 1e300, -1e300));
  }
}
