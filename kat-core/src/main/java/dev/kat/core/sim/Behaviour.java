package dev.kat.core.sim;

import dev.kat.core.internal.Checks;

/**
 * How agents respond to results between cycles.
 *
 * <ul>
 *   <li><b>Leaving</b>: an agent whose identities together received no KAT in {@code leaveAfterIdleCycles}
 *       consecutive cycles leaves (0: nobody leaves).
 *   <li><b>Recruitment</b>: after each cycle, for every gaming strategy whose agents earned more KAT on
 *       average than honest agents did, {@code recruitmentRate × (its active agents)} new agents of that
 *       strategy join (the fraction is rounded up with that probability, from the run's random stream).
 *       Gaming that pays attracts more gamers; a strategy with no agent left attracts nobody.
 *   <li>{@code maxAgents} bounds the active agents recruitment can reach.
 * </ul>
 *
 * @param leaveAfterIdleCycles cycles without KAT after which an agent leaves, &gt;= 0 (0: never)
 * @param recruitmentRate new agents per active agent of a paying gaming strategy per cycle, finite and
 *     &gt;= 0
 * @param maxAgents the most active agents recruitment may lead to, &gt;= 1
 */
public record Behaviour(int leaveAfterIdleCycles, double recruitmentRate, int maxAgents) {

  /** Agents never leave and nobody is recruited. */
  public static final Behaviour STATIC = new Behaviour(0, 0, Integer.MAX_VALUE);

  /** Validates the fields. */
  public Behaviour {
    Checks.argument(leaveAfterIdleCycles >= 0, "leaveAfterIdleCycles (" + leaveAfterIdleCycles + ") must be >= 0");
    Checks.nonNegative(recruitmentRate, "recruitmentRate");
    Checks.argument(maxAgents >= 1, "maxAgents (" + maxAgents + ") must be >= 1");
  }

  /** A copy in which agents leave after {@code cycles} cycles without KAT. */
  public Behaviour withLeaving(int cycles) {
    return new Behaviour(cycles, recruitmentRate, maxAgents);
  }

  /** A copy in which paying gaming strategies recruit at {@code rate}, up to {@code max} active agents. */
  public Behaviour withRecruitment(double rate, int max) {
    return new Behaviour(leaveAfterIdleCycles, rate, max);
  }
}
