/**
 * The simulation lab: populations of agents with strategies (honest contributors and six ways of
 * gaming, plus any user-written {@link dev.kat.core.sim.Strategy}) submitting records cycle after cycle
 * to the engine, and experiments over them.
 *
 * <ul>
 *   <li>{@link dev.kat.core.sim.Simulation}: one model (policy, population, cycles, behaviour); each run is
 *       single-threaded and reproducible from its seed, and records metrics per cycle.
 *   <li>{@link dev.kat.core.sim.Experiment}: Monte Carlo runs with seeds derived from one master seed
 *       ({@link dev.kat.core.sim.Seeds}), full-grid parameter sweeps, A/B variants on the same seeds, one
 *       shared pool over all cores.
 *   <li>{@link dev.kat.core.sim.TidyCsvWriter} streams results as tidy CSV; {@link dev.kat.core.sim.Summary}
 *       keeps per-cycle statistics across runs for plots. The same seed and parameters give the same bytes
 *       for any number of threads.
 * </ul>
 */
package dev.kat.core.sim;
