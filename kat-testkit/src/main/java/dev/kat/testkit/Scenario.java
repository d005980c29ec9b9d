package dev.kat.testkit;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import dev.kat.core.engine.Rejection;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.Population;
import dev.kat.core.sim.RunResult;
import dev.kat.core.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * A population and a seed: everything needed to replay what its agents submit. Agents' identities are
 * named {@code <strategy>-<agent>} or, for agents with several identities, {@code <strategy>-<agent>.<k>}.
 *
 * @param population the agents
 * @param seed the run's seed
 */
public record Scenario(Population population, long seed) {

  /** Validates the fields. */
  public Scenario {
    Checks.notNull(population, "population");
  }

  /** A simulation of this population under {@code policy} over {@code cycles} cycles. */
  public Simulation simulation(Policy policy, int cycles) {
    return Simulation.builder(policy).population(population).cycles(cycles).build();
  }

  /** Runs this scenario under {@code policy} over {@code cycles} cycles. */
  public RunResult run(Policy policy, int cycles) {
    return simulation(policy, cycles).run(seed);
  }

  /** The engine's result of the first cycle under {@code policy}. */
  public CycleResult firstCycle(Policy policy) {
    CycleResult[] out = new CycleResult[1];
    simulation(policy, 1).run(seed, (c, r) -> out[0] = r);
    return out[0];
  }

  /**
   * Every record the agents submit in the first cycle (accepted or not), in canonical order: the input
   * for checks of a single cycle such as {@link PolicyContract}.
   */
  public List<Contribution> records(Policy policy) {
    CycleResult r = firstCycle(policy);
    List<Contribution> out = new ArrayList<>();
    for (int row = 0; row < r.batch().rows(); row++) {
      out.add(r.batch().record(row));
    }
    for (Rejection x : r.rejections()) {
      out.add(x.record());
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }
}
