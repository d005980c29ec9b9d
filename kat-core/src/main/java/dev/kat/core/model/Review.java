package dev.kat.core.model;

import dev.kat.core.internal.Checks;
import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * One reviewer's verdict on a contribution. A single validator's approval is one review; peer
 * quantification is several reviews with quality scores.
 *
 * @param reviewer the reviewing contributor's id, not blank
 * @param verdict the decision
 * @param quality an optional quality score in [0, 1]
 * @param duplicateOf for {@link Verdict#DUPLICATE}, the id of the original record, otherwise null
 */
public record Review(String reviewer, Verdict verdict, OptionalDouble quality, String duplicateOf) {

  /** Canonical order of reviews inside a contribution. */
  public static final Comparator<Review> CANONICAL_ORDER =
      Comparator.comparing(Review::reviewer)
          .thenComparing(Review::verdict)
          .thenComparing(r -> r.quality().isPresent() ? r.quality().getAsDouble() : -1.0)
          .thenComparing(r -> r.duplicateOf() == null ? "" : r.duplicateOf());

  /** Validates the fields. */
  public Review {
    Checks.text(reviewer, "reviewer");
    Checks.notNull(verdict, "verdict");
    Checks.notNull(quality, "quality");
    if (quality.isPresent()) {
      Checks.inRange(quality.getAsDouble(), 0.0, 1.0, "quality");
    }
    if (verdict == Verdict.DUPLICATE) {
      Checks.text(duplicateOf, "duplicateOf");
    } else if (duplicateOf != null) {
      throw new IllegalArgumentException(
          "duplicateOf (" + duplicateOf + ") is only allowed with verdict DUPLICATE, not " + verdict);
    }
  }

  /** An approval without a quality score. */
  public static Review approve(String reviewer) {
    return new Review(reviewer, Verdict.APPROVE, OptionalDouble.empty(), null);
  }

  /** An approval with a quality score in [0, 1]. */
  public static Review approve(String reviewer, double quality) {
    return new Review(reviewer, Verdict.APPROVE, OptionalDouble.of(quality), null);
  }

  /** A rejection. */
  public static Review reject(String reviewer) {
    return new Review(reviewer, Verdict.REJECT, OptionalDouble.empty(), null);
  }

  /** A dismissal (out of scope). */
  public static Review dismiss(String reviewer) {
    return new Review(reviewer, Verdict.DISMISS, OptionalDouble.empty(), null);
  }

  /** A verdict that the record duplicates {@code originalId}. */
  public static Review duplicateOf(String reviewer, String originalId) {
    return new Review(reviewer, Verdict.DUPLICATE, OptionalDouble.empty(), originalId);
  }
}
