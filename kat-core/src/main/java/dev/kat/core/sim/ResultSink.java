package dev.kat.core.sim;

/**
 * Receives an experiment's runs one at a time, in the experiment's canonical order (grid point, then
 * run), whatever the order in which the runs finished. Called on the thread that runs the experiment.
 */
@FunctionalInterface
public interface ResultSink {

  /**
   * Receives one run.
   *
   * @param experiment the experiment's name
   * @param parameters the grid point
   * @param run the run index, 0-based
   * @param result the run's metrics (its seed is {@link RunResult#seed()})
   */
  void accept(String experiment, Parameters parameters, int run, RunResult result);
}
