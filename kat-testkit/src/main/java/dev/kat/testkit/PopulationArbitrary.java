package dev.kat.testkit;

import dev.kat.core.sim.Population;
import dev.kat.core.sim.Strategy;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates whole {@link Population}s: a group of honest contributors followed by a few groups of gaming
 * agents. Shrinks toward fewer honest agents, fewer and smaller gaming groups and milder strategies, so a
 * failing property reports a small counterexample population. Every configuration method returns a new
 * arbitrary; this one is unchanged.
 */
public final class PopulationArbitrary extends ArbitraryDecorator<Population> {
  private final Arbitrary<Strategy> honest;
  private final int minHonest;
  private final int maxHonest;
  private final Arbitrary<Strategy> gaming;
  private final int minGroups;
  private final int maxGroups;
  private final int maxAgentsPerGroup;

  PopulationArbitrary(Arbitrary<Strategy> honest, int minHonest, int maxHonest, Arbitrary<Strategy> gaming,
      int minGroups, int maxGroups, int maxAgentsPerGroup) {
    this.honest = honest;
    this.minHonest = minHonest;
    this.maxHonest = maxHonest;
    this.gaming = gaming;
    this.minGroups = minGroups;
    this.maxGroups = maxGroups;
    this.maxAgentsPerGroup = maxAgentsPerGroup;
  }

  /** A copy with {@code min … max} honest contributors. */
  public PopulationArbitrary honest(int min, int max) {
    Checks.argument(min >= 0 && max >= min, "honest [" + min + ", " + max + "] must satisfy 0 <= min <= max");
    return new PopulationArbitrary(honest, min, max, gaming, minGroups, maxGroups, maxAgentsPerGroup);
  }

  /** A copy whose honest contributors follow strategies drawn from {@code value}. */
  public PopulationArbitrary honestStrategy(Arbitrary<Strategy> value) {
    return new PopulationArbitrary(Checks.notNull(value, "value"), minHonest, maxHonest, gaming, minGroups, maxGroups,
        maxAgentsPerGroup);
  }

  /** A copy whose gaming groups follow strategies drawn from {@code value} (e.g. {@link Scenarios#collusionRing()}). */
  public PopulationArbitrary gaming(Arbitrary<Strategy> value) {
    return new PopulationArbitrary(honest, minHonest, maxHonest, Checks.notNull(value, "value"), minGroups, maxGroups,
        maxAgentsPerGroup);
  }

  /**
   * A copy with {@code min … max} gaming groups of 1 … {@code maxAgents} agents each.
   *
   * @throws IllegalArgumentException unless 0 &lt;= min &lt;= max and maxAgents &gt;= 1
   */
  public PopulationArbitrary gamingGroups(int min, int max, int maxAgents) {
    Checks.argument(min >= 0 && max >= min, "gamingGroups [" + min + ", " + max + "] must satisfy 0 <= min <= max");
    Checks.argument(maxAgents >= 1, "maxAgents (" + maxAgents + ") must be >= 1");
    return new PopulationArbitrary(honest, minHonest, maxHonest, gaming, min, max, maxAgents);
  }

  @Override
  protected Arbitrary<Population> arbitrary() {
    Arbitrary<Integer> honestCount = Arbitraries.integers().between(minHonest, maxHonest);
    Arbitrary<List<Population.Group>> groups = Combinators.combine(gaming,
        Arbitraries.integers().between(1, maxAgentsPerGroup)).as(Population.Group::new)
        .list().ofMinSize(minGroups).ofMaxSize(maxGroups);
    return Combinators.combine(honest, honestCount, groups).as((h, n, g) -> {
      Population.Builder b = Population.builder();
      if (n > 0) {
        b.add(h, n);
      }
      for (Population.Group group : g) {
        b.add(group.strategy(), group.agents());
      }
      return b.build();
    });
  }
}
