package dev.kat.testkit;

import dev.kat.core.sim.Strategies;
import dev.kat.core.sim.Strategy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates one of the built-in {@link Strategies} with its settings drawn from ranges: an intensity
 * (records, sessions or reviews per cycle) and, for strategies with several identities, a size. Built by
 * {@link Scenarios}. Every configuration method returns a new arbitrary; this one is unchanged. Shrinks
 * toward the smallest size and intensity.
 */
public final class StrategyArbitrary extends ArbitraryDecorator<Strategy> {
  enum Kind { HONEST, VOLUME_FARMER, SESSION_SWAPPING_PAIR, COLLUSION_RING, SYBIL_SPLITTER, RUBBER_STAMP_REVIEWER,
    LATE_BURST_SUBMITTER }

  private final Kind kind;
  private final int minIntensity;
  private final int maxIntensity;
  private final int minSize;
  private final int maxSize;

  StrategyArbitrary(Kind kind, int minIntensity, int maxIntensity, int minSize, int maxSize) {
    this.kind = kind;
    this.minIntensity = minIntensity;
    this.maxIntensity = maxIntensity;
    this.minSize = minSize;
    this.maxSize = maxSize;
  }

  /**
   * A copy drawing the intensity — records (honest, farmer, sybil, late burst), sessions (pair: each;
   * ring: per member) or reviews per cycle — from {@code [min, max]}.
   */
  public StrategyArbitrary intensity(int min, int max) {
    Checks.argument(min >= 0 && max >= min, "intensity [" + min + ", " + max + "] must satisfy 0 <= min <= max");
    return new StrategyArbitrary(kind, min, max, minSize, maxSize);
  }

  /**
   * A copy drawing the size — ring members or sybil identities — from {@code [min, max]}.
   *
   * @throws IllegalStateException for a strategy whose size is fixed
   */
  public StrategyArbitrary size(int min, int max) {
    Checks.state(kind == Kind.COLLUSION_RING || kind == Kind.SYBIL_SPLITTER,
        "size applies to collusion rings and sybil splitters, not " + kind.name().toLowerCase(java.util.Locale.ROOT));
    Checks.argument(min >= 2 && max >= min, "size [" + min + ", " + max + "] must satisfy 2 <= min <= max");
    return new StrategyArbitrary(kind, minIntensity, maxIntensity, min, max);
  }

  @Override
  protected Arbitrary<Strategy> arbitrary() {
    Arbitrary<Integer> intensity = Arbitraries.integers().between(minIntensity, maxIntensity);
    Arbitrary<Integer> size = Arbitraries.integers().between(minSize, maxSize);
    return Combinators.combine(intensity, size).as(this::make);
  }

  private Strategy make(int n, int size) {
    switch (kind) {
      case HONEST:
        return Strategies.honest(n);
      case VOLUME_FARMER:
        return Strategies.volumeFarmer(n);
      case SESSION_SWAPPING_PAIR:
        return Strategies.sessionSwappingPair(n);
      case COLLUSION_RING:
        return Strategies.collusionRing(size, n);
      case SYBIL_SPLITTER:
        return Strategies.sybilSplitter(size, n);
      case RUBBER_STAMP_REVIEWER:
        return Strategies.rubberStampReviewer(n);
      case LATE_BURST_SUBMITTER:
        return Strategies.lateBurstSubmitter(n);
      default:
        throw new AssertionError("unknown kind " + kind);
    }
  }
}
