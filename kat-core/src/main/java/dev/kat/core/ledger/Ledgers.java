package dev.kat.core.ledger;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.internal.Checks;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** Verifying and replaying ledgers. */
public final class Ledgers {
  private Ledgers() {}

  /**
   * The first broken link of {@code entries}, if any: an entry out of position, whose previous hash is not
   * the entry before it's hash, whose recorded hash does not match its content, or whose cycle does not
   * come after the one before.
   */
  public static Optional<ChainBreak> verify(List<LedgerEntry> entries) {
    Checks.notNull(entries, "entries");
    String prev = LedgerEntry.GENESIS;
    long lastSequence = -1;
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry e = entries.get(i);
      String id = e.cycleId();
      if (e.index() != i) {
        return Optional.of(new ChainBreak(i, id, "entry is numbered " + e.index() + " but stands at position " + i));
      }
      if (!e.previousHash().equals(prev)) {
        return Optional.of(new ChainBreak(i, id, "previous hash " + e.previousHash() + " is not the hash of entry "
            + (i - 1) + " (" + prev + ")"));
      }
      String actual = e.computeHash();
      if (!actual.equals(e.hash())) {
        return Optional.of(new ChainBreak(i, id, "recorded hash " + e.hash() + " does not match the content, which "
            + "hashes to " + actual + " (the entry was changed)"));
      }
      long seq = e.inputs().cycle().sequence();
      if (seq <= lastSequence) {
        return Optional.of(new ChainBreak(i, id, "cycle sequence " + seq + " does not follow " + lastSequence));
      }
      lastSequence = seq;
      prev = e.hash();
    }
    return Optional.empty();
  }

  /**
   * Verifies {@code entries}.
   *
   * @throws BrokenChainException naming the first broken link
   */
  public static void requireIntact(List<LedgerEntry> entries) {
    Optional<ChainBreak> b = verify(entries);
    if (b.isPresent()) {
      throw new BrokenChainException(b.get());
    }
  }

  /**
   * Recomputes every finalized cycle of {@code entries} from its recorded inputs, in order, each starting
   * from the state the previous one left, and checks that each result has the recorded content hash and
   * allocations.
   *
   * @param entries a ledger, oldest first
   * @param policies the policy for a policy id; its canonical form must hash to the recorded policy hash
   * @return the results, one per entry
   * @throws BrokenChainException if the chain does not verify
   * @throws LedgerException naming the entry, if a policy is missing or differs, or a result differs
   */
  public static List<CycleResult> replay(List<LedgerEntry> entries, Function<String, Policy> policies) {
    return replay(entries, policies, CycleRunner.ENGINE);
  }

  /**
   * As {@link #replay(List, Function)}, each cycle computed by {@code runner} (the one it was finalized with).
   *
   * @throws BrokenChainException if the chain does not verify
   * @throws LedgerException naming the entry, if a policy is missing or differs, or a result differs
   */
  public static List<CycleResult> replay(List<LedgerEntry> entries, Function<String, Policy> policies,
      CycleRunner runner) {
    Checks.notNull(policies, "policies");
    Checks.notNull(runner, "runner");
    requireIntact(entries);
    List<CycleResult> out = new ArrayList<>(entries.size());
    PriorState prior = PriorState.empty();
    KatEngine engine = null;
    for (LedgerEntry e : entries) {
      Policy p = policies.apply(e.policyId());
      if (p == null) {
        throw new LedgerException("entry " + e.index() + " (cycle " + e.cycleId() + "): no policy with id "
            + e.policyId());
      }
      String ph = LedgerEntry.policyHash(p);
      if (!ph.equals(e.policyHash())) {
        throw new LedgerException("entry " + e.index() + " (cycle " + e.cycleId() + "): policy " + e.policyId()
            + " hashes to " + ph + ", not the recorded " + e.policyHash());
      }
      if (engine == null || !engine.policy().equals(p)) {
        engine = KatEngine.of(p);
      }
      CycleResult r = e.inputs().run(engine, prior, runner, out);
      if (!r.contentHash().equals(e.resultHash()) || !r.allocations().equals(e.allocations())
          || r.unallocated() != e.unallocated()) {
        throw new LedgerException("entry " + e.index() + " (cycle " + e.cycleId() + "): replay differs from the "
            + "ledger: " + differences(r, e));
      }
      out.add(r);
      prior = r.nextState();
    }
    return out;
  }

  /** What differs between a replayed result and its entry, e.g. {@code contributor x: KAT 527 on replay, 600 recorded}. */
  private static String differences(CycleResult r, LedgerEntry e) {
    final int shown = 5;
    List<String> out = new ArrayList<>();
    if (!r.contentHash().equals(e.resultHash())) {
      out.add("result hash " + r.contentHash() + " on replay, " + e.resultHash() + " recorded");
    }
    SortedSet<String> who = new TreeSet<>(r.allocations().keySet());
    who.addAll(e.allocations().keySet());
    int more = 0;
    for (String c : who) {
      Long replayed = r.allocations().get(c);
      Long recorded = e.allocations().get(c);
      if (!Objects.equals(replayed, recorded)) {
        if (out.size() < shown) {
          out.add("contributor " + c + ": KAT " + (replayed == null ? "none" : replayed) + " on replay, "
              + (recorded == null ? "none" : recorded) + " recorded");
        } else {
          more++;
        }
      }
    }
    if (r.unallocated() != e.unallocated()) {
      out.add("unallocated KAT " + r.unallocated() + " on replay, " + e.unallocated() + " recorded");
    }
    if (more > 0) {
      out.add(more + " more contributors differ");
    }
    return String.join("; ", out);
  }

  /** Replays {@code entries}, all of which ran under {@code policy}. */
  public static List<CycleResult> replay(List<LedgerEntry> entries, Policy policy) {
    Checks.notNull(policy, "policy");
    return replay(entries, id -> id.equals(policy.id()) ? policy : null);
  }
}
