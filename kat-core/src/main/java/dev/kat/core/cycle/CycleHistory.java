package dev.kat.core.cycle;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.PriorState;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Statement;
import dev.kat.core.internal.Checks;
import dev.kat.core.ledger.Correction;
import dev.kat.core.ledger.CycleRunner;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerStore;
import dev.kat.core.ledger.Ledgers;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ledger's finalized cycles, verified and replayed: the state the next cycle starts from, the previous
 * result, and where each earlier record was credited (for corrections). Start the next cycle with
 * {@link #start}.
 */
public final class CycleHistory {
  private final LedgerStore store;
  private final List<LedgerEntry> entries;
  private final List<CycleResult> results;
  private final CycleRunner runner;
  private final Map<String, Credited> credited = new HashMap<>();
  private final Map<String, String> correctedBy = new HashMap<>();

  /**
   * Where a finalized record earned its credit.
   *
   * @param recordId the record
   * @param contributor its contributor
   * @param sequence the cycle it was finalized in
   * @param credit its final credit, in micro-units
   */
  public record Credited(String recordId, String contributor, long sequence, long credit) {}

  private CycleHistory(LedgerStore store, List<LedgerEntry> entries, List<CycleResult> results,
      CycleRunner runner) {
    this.store = store;
    this.runner = runner;
    this.entries = List.copyOf(entries);
    this.results = List.copyOf(results);
    for (int i = 0; i < results.size(); i++) {
      CycleResult r = results.get(i);
      for (Statement s : r.statements()) {
        for (RecordLine line : s.records()) {
          credited.put(line.recordId(), new Credited(line.recordId(), s.contributor(), r.cycle().sequence(),
              line.credit()));
        }
      }
      for (Correction c : entries.get(i).inputs().corrections()) {
        correctedBy.put(c.supersedes(), c.recordId() + " in cycle " + r.cycle().id());
      }
    }
  }

  /**
   * Loads, verifies and replays the ledger in {@code store}.
   *
   * @param policies the policy for each policy id the ledger names
   * @throws dev.kat.core.ledger.BrokenChainException naming the first broken link
   * @throws dev.kat.core.ledger.LedgerException if a replayed result differs from the ledger
   */
  public static CycleHistory open(LedgerStore store, Function<String, Policy> policies) {
    return open(store, policies, CycleRunner.ENGINE);
  }

  /**
   * Loads, verifies and replays the ledger in {@code store}, every cycle computed by {@code runner}; the
   * cycles {@link #start}ed from it are computed by {@code runner} too.
   *
   * @param policies the policy for each policy id the ledger names
   * @param runner how a cycle's result is computed (the same runner the ledger's cycles were finalized with)
   * @throws dev.kat.core.ledger.BrokenChainException naming the first broken link
   * @throws dev.kat.core.ledger.LedgerException if a replayed result differs from the ledger
   */
  public static CycleHistory open(LedgerStore store, Function<String, Policy> policies, CycleRunner runner) {
    Checks.notNull(store, "store");
    Checks.notNull(runner, "runner");
    List<LedgerEntry> entries = store.load();
    return new CycleHistory(store, entries, Ledgers.replay(entries, policies, runner), runner);
  }

  /** Loads, verifies and replays a ledger whose cycles all ran under {@code policy}, computed by {@code runner}. */
  public static CycleHistory open(LedgerStore store, Policy policy, CycleRunner runner) {
    Checks.notNull(policy, "policy");
    return open(store, id -> id.equals(policy.id()) ? policy : null, runner);
  }

  /** How the cycles of this history are computed. */
  public CycleRunner runner() {
    return runner;
  }

  /** Loads, verifies and replays a ledger whose cycles all ran under {@code policy}. */
  public static CycleHistory open(LedgerStore store, Policy policy) {
    Checks.notNull(policy, "policy");
    return open(store, id -> id.equals(policy.id()) ? policy : null);
  }

  /** The store. */
  public LedgerStore store() {
    return store;
  }

  /** The finalized entries, oldest first. */
  public List<LedgerEntry> entries() {
    return entries;
  }

  /** The replayed results, one per entry. */
  public List<CycleResult> results() {
    return results;
  }

  /** The last finalized result, if any. */
  public Optional<CycleResult> lastResult() {
    return results.isEmpty() ? Optional.empty() : Optional.of(results.get(results.size() - 1));
  }

  /** The last entry, if any. */
  public Optional<LedgerEntry> lastEntry() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  /** The state the next cycle starts from. */
  public PriorState priorState() {
    return lastResult().map(CycleResult::nextState).orElse(PriorState.empty());
  }

  /** Where finalized record {@code recordId} was credited, if it was accepted in an earlier cycle. */
  public Optional<Credited> credited(String recordId) {
    return Optional.ofNullable(credited.get(recordId));
  }

  /** The record (and cycle) that already corrected {@code recordId}, if one did. */
  public Optional<String> correctedBy(String recordId) {
    return Optional.ofNullable(correctedBy.get(recordId));
  }

  /**
   * Starts the next cycle.
   *
   * @throws IllegalArgumentException if {@code cycle} does not come after the last finalized cycle
   */
  public CycleWorkflow start(Policy policy, Cycle cycle) {
    Checks.notNull(policy, "policy");
    Checks.notNull(cycle, "cycle");
    lastResult().ifPresent(r -> Checks.argument(cycle.sequence() > r.cycle().sequence(),
        "cycle.sequence (" + cycle.sequence() + ") must be after the last finalized cycle's ("
            + r.cycle().sequence() + ")"));
    return new CycleWorkflow(this, policy, cycle);
  }
}
