package dev.kat.core.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One decision-maker in a simulation: a strategy, the identities it submits under and its own random
 * stream. An agent's stream is split from the run's seed when the agent is created, so adding agents of
 * another strategy never changes the draws of existing ones. Read by strategies; the simulation updates
 * the results and activity. Not thread-safe: an agent belongs to one run.
 */
public final class Agent {
  private final int index;
  private final Strategy strategy;
  private final List<String> identities;
  private final SplittableRandom random;
  private final int joinedCycle;
  long lastKat;
  long totalKat;
  double lastWork;
  int idleCycles;
  long recordSeq;
  boolean active = true;

  Agent(int index, Strategy strategy, List<String> identities, SplittableRandom random, int joinedCycle) {
    this.index = index;
    this.strategy = strategy;
    this.identities = List.copyOf(identities);
    this.random = random;
    this.joinedCycle = joinedCycle;
  }

  /** The agent's position in the run (0, 1, 2 … in order of creation). */
  public int index() {
    return index;
  }

  /** The agent's strategy. */
  public Strategy strategy() {
    return strategy;
  }

  /** The identities the agent submits under, at least one. */
  public List<String> identities() {
    return identities;
  }

  /** The {@code k}-th identity. */
  public String identity(int k) {
    return identities.get(k);
  }

  /** The agent's own random stream; strategies draw every random choice from it. */
  public SplittableRandom random() {
    return random;
  }

  /** The cycle (0-based) in which the agent joined. */
  public int joinedCycle() {
    return joinedCycle;
  }

  /** KAT received over all its identities in the previous cycle, in base units. */
  public long lastKat() {
    return lastKat;
  }

  /** KAT received over all its identities so far, in base units. */
  public long totalKat() {
    return totalKat;
  }

  /** Whether the agent still takes part (agents that earn nothing may leave, see {@link Behaviour}). */
  public boolean active() {
    return active;
  }

  @Override
  public String toString() {
    return "Agent[" + index + ", " + strategy.name() + ", " + identities + "]";
  }
}
