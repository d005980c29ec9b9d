package dev.kat.testkit;

import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Framework;
import dev.kat.core.sim.WorkModel;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Entry point of the KAT arbitraries for jqwik: contributions, reviews, policies inside a framework's
 * bounds, populations of agents and scenarios. Each factory returns an arbitrary with defaults; their
 * configuration methods return new arbitraries. The same defaults serve {@code @ForAll Contribution},
 * {@code @ForAll Review}, {@code @ForAll Policy}, {@code @ForAll Population} and {@code @ForAll Scenario}
 * parameters through the registered {@link KatArbitraryProvider}.
 */
public final class KatArbitraries {
  private KatArbitraries() {}

  /** The cycle generated records fall in by default: January 2026, sequence 0 (the first simulated cycle). */
  public static final Cycle DEFAULT_CYCLE = Cycle.ofMonth(YearMonth.of(2026, 1), 0);

  /** The contributor pool generated records draw from by default. */
  public static final List<String> DEFAULT_CONTRIBUTORS = List.of("alice", "bob", "carol", "dave", "erin");

  /**
   * Contributions in {@link #DEFAULT_CYCLE} by the default contributors, in the categories and role of
   * {@link WorkModel#standard()}, with up to two approving reviews.
   */
  public static ContributionArbitrary contributions() {
    WorkModel w = WorkModel.standard();
    return new ContributionArbitrary(DEFAULT_CYCLE, DEFAULT_CONTRIBUTORS,
        List.of(w.sessionCategory(), w.documentationCategory(), w.reviewCategory()), List.of(w.role()), 2);
  }

  /** Reviews by the default contributors: mostly approvals, sometimes with a quality score. */
  public static ReviewArbitrary reviews() {
    return new ReviewArbitrary(DEFAULT_CONTRIBUTORS, false, true);
  }

  /** Policies for {@link WorkModel#standard()} inside {@link Framework#permissive()}, without caps or guardrails. */
  public static PolicyArbitrary policies() {
    return new PolicyArbitrary(Framework.permissive(), WorkModel.standard(), false, List.of());
  }

  /** Populations of 1–20 honest contributors and 0–3 groups of 1–2 gaming agents of any kind. */
  public static PopulationArbitrary populations() {
    return new PopulationArbitrary(Scenarios.honestContributor(), 1, 20, Scenarios.anyGaming(), 0, 3, 2);
  }

  /** Scenarios of {@link #populations()} with a seed. */
  public static Arbitrary<Scenario> scenarios() {
    return scenarios(populations());
  }

  /** Scenarios of the given populations with a seed (shrinking toward 0). */
  public static Arbitrary<Scenario> scenarios(Arbitrary<dev.kat.core.sim.Population> populations) {
    return Combinators.combine(populations, Arbitraries.longs()).as(Scenario::new);
  }
}
