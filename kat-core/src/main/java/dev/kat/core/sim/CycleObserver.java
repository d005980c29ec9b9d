package dev.kat.core.sim;

import dev.kat.core.engine.CycleResult;

/** Sees every cycle of a simulation run as it finishes, e.g. to inspect statements or flags. */
@FunctionalInterface
public interface CycleObserver {

  /**
   * Called once per cycle, in order, on the thread running the simulation.
   *
   * @param cycleIndex the cycle's position in the run, 0-based
   * @param result the engine's result for the cycle
   */
  void cycle(int cycleIndex, CycleResult result);
}
