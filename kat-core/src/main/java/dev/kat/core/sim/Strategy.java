package dev.kat.core.sim;

/**
 * How an agent behaves: what records it submits each cycle. Implementations must draw all randomness
 * from {@link Agent#random()} so that a run is reproducible from its seed, and must not keep mutable
 * state of their own (one strategy instance serves every agent that follows it, possibly in several
 * runs on several threads at once); per-agent memory lives in the {@link Agent}.
 *
 * <p>The built-in strategies are in {@link Strategies}; a user-written strategy implements this
 * interface and is added to a {@link Population} like any other.
 */
public interface Strategy {

  /** A short stable label used in metric names, e.g. {@code honest} or {@code collusion-ring}. */
  String name();

  /** Whether the strategy games the system; metrics for honest contributors count only non-gaming agents. */
  boolean gaming();

  /** How many identities one agent of this strategy controls (a ring of five colluders is one agent with five). */
  int identities();

  /**
   * Submits this cycle's records of {@code agent} to {@code sink}.
   *
   * @param agent the acting agent, with its identities and random stream
   * @param context the cycle and the population as seen by the agent
   * @param sink where records and the hours of work actually done go
   */
  void act(Agent agent, CycleContext context, RecordSink sink);
}
