package dev.kat.testkit;

import dev.kat.core.sim.Strategy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Scenario builders: arbitraries of the built-in agent strategies of {@link dev.kat.core.sim.Strategies}
 * with their settings drawn from ranges, to put into populations ({@link KatArbitraries#populations()}).
 * The strategies themselves live in kat-core, so a simulation uses exactly what a property tests.
 */
public final class Scenarios {
  private Scenarios() {}

  /** Honest contributors with 1–5 records per cycle on average. */
  public static StrategyArbitrary honestContributor() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.HONEST, 1, 5, 1, 1);
  }

  /** Volume farmers with 5–40 trivial records per cycle. */
  public static StrategyArbitrary volumeFarmer() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.VOLUME_FARMER, 5, 40, 1, 1);
  }

  /** Session-swapping pairs with 1–8 sessions each per cycle. */
  public static StrategyArbitrary sessionSwappingPair() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.SESSION_SWAPPING_PAIR, 1, 8, 2, 2);
  }

  /** Collusion rings of 2–8 members with 1–6 sessions per member per cycle. */
  public static StrategyArbitrary collusionRing() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.COLLUSION_RING, 1, 6, 2, 8);
  }

  /** Sybil splitters over 2–6 identities with 2–12 records per cycle. */
  public static StrategyArbitrary sybilSplitter() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.SYBIL_SPLITTER, 2, 12, 2, 6);
  }

  /** Rubber-stamp reviewers with 5–60 reviews per cycle. */
  public static StrategyArbitrary rubberStampReviewer() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.RUBBER_STAMP_REVIEWER, 5, 60, 1, 1);
  }

  /** Late-burst submitters with 1–10 records per cycle. */
  public static StrategyArbitrary lateBurstSubmitter() {
    return new StrategyArbitrary(StrategyArbitrary.Kind.LATE_BURST_SUBMITTER, 1, 10, 1, 1);
  }

  /** Any of the six gaming strategies with default ranges; shrinks toward the volume farmer. */
  public static Arbitrary<Strategy> anyGaming() {
    return Arbitraries.oneOf(volumeFarmer(), sessionSwappingPair(), collusionRing(), sybilSplitter(),
        rubberStampReviewer(), lateBurstSubmitter());
  }
}
