package dev.kat.rules.internal;

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

  /** Throws IllegalArgumentException with {@code message} unless {@code condition}. */
  public static void argument(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Requires a finite double. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " (" + value + ") must be finite");
    }
    return value;
  }
}
