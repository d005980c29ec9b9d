package dev.kat.rules.codec;

import java.math.BigDecimal;

/** Text forms of micro-unit amounts for outputs. */
public final class Micros {
  private Micros() {}

  /** {@code micros} as an exact decimal with six fractional digits, e.g. {@code 12.500000}. */
  public static BigDecimal decimal(long micros) {
    return BigDecimal.valueOf(micros, 6);
  }

  /** {@code micros} as plain text with six fractional digits, the same in every locale. */
  public static String text(long micros) {
    return decimal(micros).toPlainString();
  }
}
