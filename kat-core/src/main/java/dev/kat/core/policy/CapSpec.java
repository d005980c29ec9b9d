package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * A cap on a group's credit (one contributor's day, category or cycle): above {@code soft} the
 * {@code curve} diminishes returns; nothing passes {@code hard}. Either bound may be
 * {@link Double#POSITIVE_INFINITY} for none.
 *
 * @param soft the soft cap in credit, &gt; 0
 * @param hard the hard cap in credit, &gt;= soft
 * @param curve how credit above the soft cap grows
 */
public record CapSpec(double soft, double hard, Diminishing curve) {

  /** No cap at all. */
  public static final CapSpec NONE =
      new CapSpec(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Diminishing.NONE);

  /** Validates the fields. */
  public CapSpec {
    Checks.argument(soft > 0, "soft (" + soft + ") must be > 0");
    Checks.argument(hard >= soft, "hard (" + hard + ") must be >= soft (" + soft + ")");
    Checks.notNull(curve, "curve");
  }

  /** A hard cap only. */
  public static CapSpec hard(double hard) {
    return new CapSpec(hard, hard, Diminishing.FLAT);
  }

  /** A soft cap with a curve and no hard cap. */
  public static CapSpec soft(double soft, Diminishing curve) {
    return new CapSpec(soft, Double.POSITIVE_INFINITY, curve);
  }

  /** Whether this cap can change anything. */
  public boolean isNone() {
    return Double.isInfinite(hard) && (Double.isInfinite(soft) || curve == Diminishing.NONE);
  }

  /** The capped value of a group total {@code x} (in credit units). */
  public double apply(double x) {
    double y = Double.isInfinite(soft) ? x : curve.apply(x, soft);
    return Math.min(y, hard);
  }
}
