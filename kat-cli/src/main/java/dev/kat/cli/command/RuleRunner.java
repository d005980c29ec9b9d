package dev.kat.cli.command;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.ledger.CycleRunner;
import dev.kat.rules.engine.RuleSet;
import dev.kat.rules.engine.RuledCycle;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the cycle commands compute a cycle with rule files: {@link RuleSet#run} (a first engine pass, the
 * contributor, working-group and pair rules fired over its aggregated facts, a second pass with their credit
 * changes added to the overrides), or the engine alone when there is no rule file. Keeps what the rules did
 * in every cycle it computed (previews and replayed ledger cycles), so that the summary and statements can show what the rules did.
 */
final class RuleRunner implements CycleRunner {
  private final RuleSet rules;
  private final Map<CycleResult, RuledCycle> ruled = new IdentityHashMap<>();

  /** A runner of {@code rules}, or of the engine alone when {@code rules} is null. */
  RuleRunner(RuleSet rules) {
    this.rules = rules;
  }

  @Override
  public CycleResult run(KatEngine engine, ContributionBatch batch, PriorState prior, Overrides overrides,
      List<CycleResult> earlier) {
    if (rules == null) {
      return engine.run(batch, prior, overrides);
    }
    RuledCycle r = rules.run(engine, batch, prior, overrides, earlier);
    ruled.put(r.result(), r);
    return r.result();
  }

  /** What the rules did in the run that computed {@code result}, if this runner computed it (looked up by identity). */
  Optional<RuledCycle> ruled(CycleResult result) {
    return Optional.ofNullable(ruled.get(result));
  }

  @Override
  public String toString() {
    return "RuleRunner[" + (rules == null ? "engine" : rules.rules().size() + " rules") + "]";
  }
}
