package dev.kat.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Small helpers for writing HTML and SVG text deterministically. */
final class Html {
  private Html() {}

  /** {@code s} escaped for text and attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Micro-units with two decimals. */
  static String amount(long micros) {
    return BigDecimal.valueOf(micros, 6).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A whole number with thin grouping, e.g. {@code 10,000}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code part / whole} as a percentage with one decimal. */
  static String percent(double part, double whole) {
    return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** A coordinate with at most two decimals. */
  static String num(double v) {
    return BigDecimal.valueOf(Math.round(v * 100)).movePointLeft(2).stripTrailingZeros().toPlainString();
  }

  /** A factor as in explanations: up to six decimals, no trailing zeros. */
  static String factor(double f) {
    BigDecimal d = new BigDecimal(f).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
