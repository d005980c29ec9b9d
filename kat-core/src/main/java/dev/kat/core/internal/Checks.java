package dev.kat.core.internal;

import java.util.Objects;

/** Argument checks that fail fast with a message naming the parameter and the offending value. */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} or throws NullPointerException naming {@code name}. */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  /** Returns a non-blank string or throws IllegalArgumentException naming {@code name}. */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " (\"" + value + "\") must not be blank");
    }
    return value;
  }

  /** Requires a finite, non-negative double. */
  public static double nonNegative(double value, String name) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite and >= 0");
    }
    return value;
  }

  /** Requires a finite, strictly positive double. */
  public static double positive(double value, String name) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite and > 0");
    }
    return value;
  }

  /** Requires a finite double. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite");
    }
    return value;
  }

  /** Requires a non-negative long. */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " (" + value + ") must be >= 0");
    }
    return value;
  }

  /** Requires {@code min <= value <= max}. */
  public static double inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " (" + value + ") must be in [" + min + ", " + max + "]");
    }
    return value;
  }

  /** Throws IllegalArgumentException with {@code message} when {@code condition} is false. */
  public static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Throws IllegalStateException with {@code message} when {@code condition} is false. */
  public static void state(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
