package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * A closed interval {@code [min, max]} of allowed values.
 *
 * @param min the lower bound
 * @param max the upper bound, &gt;= min
 */
public record Range(double min, double max) {

  /** Every finite value and both infinities. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /** Validates the bounds. */
  public Range {
    Checks.argument(!Double.isNaN(min) && !Double.isNaN(max) && min <= max,
        "range min (" + min + ") must be <= max (" + max + ")");
  }

  /** A range. */
  public static Range of(double min, double max) {
    return new Range(min, max);
  }

  /** Whether {@code value} is inside. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
