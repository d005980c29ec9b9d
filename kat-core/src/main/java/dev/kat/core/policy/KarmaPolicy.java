package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * How karma evolves: {@code K(t) = clamp(K(t−1)·2^(−Δ/halfLife) + gain·credit − penalty·flags, floor,
 * ceiling)}, where Δ is the number of cycles since the prior state.
 *
 * @param halfLifeCycles cycles after which unrefreshed karma halves, &gt; 0
 * @param gainPerCredit karma gained per unit of validated credit, &gt;= 0
 * @param penaltyPerFlag karma lost per confirmed (rejecting) guardrail flag, &gt;= 0
 * @param floor the lowest karma, finite
 * @param ceiling the highest karma, &gt; floor and &gt; 0
 * @param influence how strongly karma raises a contributor's KAT weight: weight = credit·(1 + influence·
 *     max(K,0)/ceiling); 0 means karma has no influence on KAT
 */
public record KarmaPolicy(
    double halfLifeCycles, double gainPerCredit, double penaltyPerFlag, double floor, double ceiling,
    double influence) {

  /** Six-cycle half-life, one karma per credit, no penalty, range [0, 10 000], no influence on KAT. */
  public static final KarmaPolicy DEFAULT = new KarmaPolicy(6, 1, 0, 0, 10_000, 0);

  /** Validates the fields. */
  public KarmaPolicy {
    Checks.positive(halfLifeCycles, "karma.halfLifeCycles");
    Checks.nonNegative(gainPerCredit, "karma.gainPerCredit");
    Checks.nonNegative(penaltyPerFlag, "karma.penaltyPerFlag");
    Checks.finite(floor, "karma.floor");
    Checks.positive(ceiling, "karma.ceiling");
    Checks.argument(ceiling > floor, "karma.ceiling (" + ceiling + ") must be > karma.floor (" + floor + ")");
    Checks.nonNegative(influence, "karma.influence");
  }

  /** The decay multiplier after {@code cycles} cycles: {@code 2^(−cycles/halfLife)}. */
  public double decay(long cycles) {
    return Math.pow(2.0, -cycles / halfLifeCycles);
  }

  /** A copy with another influence on KAT. */
  public KarmaPolicy withInfluence(double value) {
    return new KarmaPolicy(halfLifeCycles, gainPerCredit, penaltyPerFlag, floor, ceiling, value);
  }
}
