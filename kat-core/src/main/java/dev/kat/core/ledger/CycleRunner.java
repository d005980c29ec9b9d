package dev.kat.core.ledger;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import java.util.List;

/**
 * How a cycle's result is computed from its admitted records and overrides: {@link #ENGINE} runs the engine
 * once; a runner may run it again with more overrides (for instance credit changes of rules over aggregated
 * facts). The same runner must be used to preview, finalize and replay a cycle, and must be deterministic.
 */
@FunctionalInterface
public interface CycleRunner {
  /** The engine alone: {@code engine.run(batch, prior, overrides)}. */
  CycleRunner ENGINE = (engine, batch, prior, overrides, earlier) -> engine.run(batch, prior, overrides);

  /**
   * Computes a cycle's result.
   *
   * @param engine the engine of the cycle's policy
   * @param batch the cycle's admitted records
   * @param prior the state carried from earlier cycles
   * @param overrides approved human decisions and correction reversals
   * @param earlier the results of the earlier finalized cycles, oldest first
   * @return the result
   */
  CycleResult run(KatEngine engine, ContributionBatch batch, PriorState prior, Overrides overrides,
      List<CycleResult> earlier);
}
