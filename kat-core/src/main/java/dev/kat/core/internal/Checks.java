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

  /**
   * Returns {@code value} if it is well-formed UTF-16 (no unpaired surrogate), which is what its UTF-8
   * canonical form can represent; otherwise throws IllegalArgumentException naming {@code name} and the
   * offending index. Two strings that differ only in unpaired surrogates would otherwise encode to the
   * same bytes.
   */
  public static String wellFormed(String value, String name) {
    notNull(value, name);
    int n = value.length();
    int i = 0;
    // most text has no surrogate at all: one range test a character until the first one
    while (i < n && !Character.isSurrogate(value.charAt(i))) {
      i++;
    }
    for (; i < n; i++) {
      char ch = value.charAt(i);
      if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(ch)) {
        throw new IllegalArgumentException(name + " has an unpaired surrogate U+"
            + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT) + " at index " + i);
      }
    }
    return value;
  }

  /**
   * The checks a {@link dev.kat.core.model.Contribution} makes of its text fields, in its order: the
   * record's constructor calls this, and so do KAT's readers that write a record's canonical form without
   * building it, so that both accept exactly the same records.
   *
   * @throws IllegalArgumentException or NullPointerException naming the first field that fails
   */
  public static void recordText(String id, String contributor, String dao, String workingGroup, String category,
      String role, java.util.List<String> counterparts, String supersedes) {
    text(id, "id");
    text(contributor, "contributor");
    wellFormed(dao, "dao");
    wellFormed(workingGroup, "workingGroup");
    text(category, "category");
    text(role, "role");
    notNull(counterparts, "counterparts");
    for (int i = 0; i < counterparts.size(); i++) {
      text(counterparts.get(i), "counterpart");
    }
    if (supersedes != null) {
      text(supersedes, "supersedes");
      argument(!supersedes.equals(id), "supersedes (" + supersedes + ") must differ from id");
    }
  }

  /** Requires a non-blank, well-formed string (see {@link #wellFormed(String, String)}). */
  public static String text(String value, String name) {
    return wellFormed(notBlank(value, name), name);
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
