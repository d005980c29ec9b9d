package dev.kat.rules.codec;

/**
 * Parsing of the commonest field forms straight from a row's bytes, without making strings first. Every
 * method here either gives exactly what {@link Values} gives for the same text or declines, and the
 * caller then uses {@link Values} on the decoded text, so results and error messages never differ.
 */
final class ByteValues {
  private ByteValues() {}

  /** Exact powers of ten: every one up to 10^22 is a double without rounding. */
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /** Whether {@code b[from, to)} holds only ASCII bytes. */
  static boolean ascii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The first index at or after {@code from} whose byte is not trimmed by {@link String#trim()}. */
  static int trimStart(byte[] b, int from, int to) {
    while (from < to && (b[from] & 0xFF) <= ' ') {
      from++;
    }
    return from;
  }

  /** The index after the last byte before {@code to} that {@link String#trim()} keeps. */
  static int trimEnd(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] & 0xFF) <= ' ') {
      to--;
    }
    return to;
  }

  /** Whether the ASCII bytes are all spaces or tabs (so the text is blank); true when empty. */
  static boolean spaces(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /*
   * Decimal numbers: [sign] digits [. digits], already trimmed. When the digits, read as an integer m,
   * stay below 2^53 and there are at most 22 of them after the point, both m and 10^k are doubles
   * exactly, and IEEE division rounds m / 10^k correctly: the result is the double nearest the decimal,
   * bit for bit what Double.parseDouble returns (Clinger's fast path, which the JDK also takes). Longer
   * mantissas (such as 0.9199999999999999, the shortest text of some doubles) go to Double.parseDouble on
   * the number's own text, which is what the text-level parser does; only text outside the form (exponents,
   * malformed text) is declined.
   */

  /**
   * The value of the decimal {@code b[from, to)}, or NaN to decline (a caller never gets NaN from a
   * decimal, so NaN cannot be confused with a parsed value).
   */
  static double number(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        if (++digits <= 18) {
          m = m * 10 + (c - '0');
        }
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (digits > 18 || m > (1L << 53) || fraction > 22) {
      return Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    double v = fraction > 0 ? m / POW10[fraction] : (double) m;
    return negative ? -v : v;
  }

  /** Seconds since the epoch of the ASCII text {@code yyyy-MM-ddTHH:mm:ssZ}, or Long.MIN_VALUE to decline. */
  static long instant(byte[] b, int from, int to) {
    if (to - from != 20 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
        || b[from + 13] != ':' || b[from + 16] != ':' || b[from + 19] != 'Z') {
      return Long.MIN_VALUE;
    }
    int y = digits(b, from, 4);
    int mo = digits(b, from + 5, 2);
    int d = digits(b, from + 8, 2);
    int h = digits(b, from + 11, 2);
    int mi = digits(b, from + 14, 2);
    int s = digits(b, from + 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59
        || s < 0 || s > 59) {
      return Long.MIN_VALUE;
    }
    return epochDay(y, mo, d) * 86_400L + h * 3600L + mi * 60L + s;
  }

  private static int digits(byte[] b, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int y, int mo) {
    switch (mo) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil), for years 0-9999. */
  static long epochDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
