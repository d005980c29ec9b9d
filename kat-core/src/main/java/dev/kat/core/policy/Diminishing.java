package dev.kat.core.policy;

/**
 * How credit above a soft cap {@code s} is diminished. Every curve is continuous at {@code s} with slope
 * 1 there, so crossing the soft cap never makes a record worth less than nothing or causes a jump.
 *
 * <pre>
 *   NONE:   y = x                      (the soft cap has no effect; only the hard cap applies)
 *   SQRT:   y = 2·√(x·s) − s           for x &gt; s   (slope √(s/x))
 *   LOG:    y = s·(1 + ln(x/s))        for x &gt; s   (slope s/x)
 *   FLAT:   y = s                      for x &gt; s   (the soft cap is a hard cap)
 * </pre>
 */
public enum Diminishing {
  /** No diminishing returns. */
  NONE,
  /** Square-root growth above the soft cap. */
  SQRT,
  /** Logarithmic growth above the soft cap. */
  LOG,
  /** No growth above the soft cap. */
  FLAT;

  /** Applies the curve to {@code x} with soft cap {@code s}. */
  public double apply(double x, double s) {
    if (x <= s || this == NONE) {
      return x;
    }
    switch (this) {
      case SQRT:
        return 2.0 * Math.sqrt(x * s) - s;
      case LOG:
        return s * (1.0 + Math.log(x / s));
      default:
        return s;
    }
  }
}
