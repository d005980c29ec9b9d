package dev.kat.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic in micro-units: one credit or karma point is {@link #SCALE} units of a
 * {@code long}.
 *
 * <p>Each per-record figure is computed once in {@code double} (deterministic under Java 17's strict
 * IEEE semantics, because the order of the factors is fixed) and rounded half-even to a micro-unit.
 * From then on every sum is a {@code long} sum, which is associative, so no input order or thread count
 * can change a total.
 */
public final class Fixed {
  /** Micro-units per unit. */
  public static final long SCALE = 1_000_000L;

  private Fixed() {}

  /** Rounds {@code value × SCALE} half-even to a long; NaN and infinities are caller errors. */
  public static long toMicros(double value) {
    double scaled = value * SCALE;
    // One comparison: false for NaN and the infinities too.
    if (!(Math.abs(scaled) < 9.0e18)) {
      throw new ArithmeticException("value out of fixed-point range: " + value);
    }
    return (long) Math.rint(scaled);
  }

  /** Multiplies micro-units by a factor, rounding half-even. */
  public static long scale(long micros, double factor) {
    double r = micros * factor;
    if (!Double.isFinite(r) || Math.abs(r) >= 9.0e18) {
      throw new ArithmeticException("fixed-point overflow: " + micros + " x " + factor);
    }
    return (long) Math.rint(r);
  }

  /** Converts micro-units back to a double (for curves and display only). */
  public static double toDouble(long micros) {
    return micros / (double) SCALE;
  }

  /** Formats micro-units as a plain decimal with six fractional digits, locale-independent. */
  public static String format(long micros) {
    return BigDecimal.valueOf(micros, 6).toPlainString();
  }

  /** Formats micro-units with {@code digits} fractional digits (half-even), locale-independent. */
  public static String format(long micros, int digits) {
    return BigDecimal.valueOf(micros, 6).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Formats a factor for explanations: up to six fractional digits, trailing zeros removed. */
  public static String formatFactor(double factor) {
    // Explanations format several factors per record, so the common case avoids BigDecimal: below 10⁶ the
    // product factor × 10⁶ is within 2⁻¹³ of the exact value, so where it is not close to half-way
    // between two integers it rounds (half-even) to the integer the exact value rounds to.
    if (Math.abs(factor) < 1e6) {
      double scaled = factor * SCALE;
      double r = Math.rint(scaled);
      if (Math.abs(scaled - r) < 0.499) {
        return formatMicrosStripped((long) r);
      }
    }
    BigDecimal d = new BigDecimal(factor).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** Micro-units as a plain decimal without trailing fractional zeros ("1.5", "2", "-0.25", "0"). */
  private static String formatMicrosStripped(long micros) {
    if (micros == 0) {
      return "0";
    }
    long abs = Math.abs(micros);
    long whole = abs / SCALE;
    int frac = (int) (abs % SCALE);
    StringBuilder sb = new StringBuilder(16);
    if (micros < 0) {
      sb.append('-');
    }
    sb.append(whole);
    if (frac != 0) {
      int digits = 6;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      sb.append('.');
      String f = Integer.toString(frac);
      for (int i = f.length(); i < digits; i++) {
        sb.append('0');
      }
      sb.append(f);
    }
    return sb.toString();
  }
}
