package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Policy;

/**
 * Runs recognition cycles under one policy. Immutable and thread-safe: one engine can run any number of
 * cycles, concurrently.
 *
 * <pre>{@code
 * KatEngine engine = KatEngine.of(policy);
 * CycleResult result = engine.run(Cycle.ofMonth(YearMonth.of(2026, 10), 0), records, PriorState.empty());
 * result.kat("alice");            // KAT in base units
 * result.statement("alice");      // why
 * }</pre>
 *
 * <p>A cycle is a sequence of pure stages over the batch's columns: admit → credit → guard → caps →
 * karma → allocate. No stage reads a clock, a random source, a locale or a global; sums are fixed-point
 * {@code long}s, so the result and its content hash are identical for any input order.
 *
 * <p>The credit stage of a batch of more than 64 k rows is evaluated in chunks by a parallel stream (the
 * calling thread and the common fork-join pool); figures do not depend on the thread count. Other stages
 * run on the calling thread.
 */
public final class KatEngine {
  private final Policy policy;
  private final CreditPlan plan;

  private KatEngine(Policy policy) {
    this.policy = policy;
    this.plan = new CreditPlan(policy);
  }

  /** An engine for {@code policy}; compiles the policy once. */
  public static KatEngine of(Policy policy) {
    return new KatEngine(Checks.notNull(policy, "policy"));
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /** A builder that admits records for {@code cycle} one at a time into the columnar batch form. */
  public ContributionBatch.Builder newBatch(Cycle cycle) {
    return new ContributionBatch.Builder(cycle, policy);
  }

  /**
   * The credit stage alone: each accepted row's credit before guardrails and caps, in micro-units, indexed
   * by batch row. Useful for what-if tools and for measuring the stage; {@link #run} computes the same
   * figures as its first stage.
   *
   * @throws IllegalArgumentException if the batch was admitted under another policy
   */
  public long[] credit(ContributionBatch batch) {
    Checks.notNull(batch, "batch");
    Checks.argument(batch.policy() == policy || batch.policy().equals(policy),
        "batch was admitted under policy " + batch.policy().id() + ", not this engine's " + policy.id());
    return plan.new Bound(batch).creditAll();
  }

  /**
   * Runs a cycle over {@code records}, which are read once, in one pass.
   *
   * @throws IllegalArgumentException if the prior state comes from this or a later cycle
   */
  public CycleResult run(Cycle cycle, Iterable<Contribution> records, PriorState prior) {
    return run(newBatch(cycle).addAll(records).build(), prior);
  }

  /**
   * Runs a cycle over an admitted batch.
   *
   * @throws IllegalArgumentException if the batch was admitted under another policy, or the prior state
   *     comes from this or a later cycle
   * @throws GuardrailException if a guardrail throws
   */
  public CycleResult run(ContributionBatch batch, PriorState prior) {
    return run(batch, prior, Overrides.none());
  }

  /**
   * Runs a cycle over an admitted batch, applying approved overrides (credit adjustments, released holds).
   *
   * @throws IllegalArgumentException if the batch was admitted under another policy, or the prior state
   *     comes from this or a later cycle
   * @throws GuardrailException if a guardrail throws
   */
  public CycleResult run(ContributionBatch batch, PriorState prior, Overrides overrides) {
    Checks.notNull(overrides, "overrides");
    Checks.notNull(batch, "batch");
    Checks.notNull(prior, "prior");
    Checks.argument(batch.policy() == policy || batch.policy().equals(policy),
        "batch was admitted under policy " + batch.policy().id() + ", not this engine's " + policy.id());
    Checks.argument(prior.sequence() < batch.cycle().sequence(),
        "prior.sequence (" + prior.sequence() + ") must be lower than cycle.sequence ("
            + batch.cycle().sequence() + ")");
    return new CycleRun(policy, plan, batch, prior, overrides).execute();
  }
}
