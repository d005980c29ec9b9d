package dev.kat.testkit;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The promises every policy must keep, as checks over one cycle's records. Each check runs the engine
 * and throws an {@link AssertionError} describing the breach; {@link PolicyContractProperties} runs them
 * as jqwik properties over generated scenarios, and any test can call them directly.
 *
 * <ul>
 *   <li>{@link #conservesBudget}: KAT allocated plus unallocated equals the budget exactly; statements
 *       recompute.
 *   <li>{@link #isOrderIndependent}: the same records in another order give the same content hash and
 *       allocation.
 *   <li>{@link #isMonotone}: one more genuine record never lowers its contributor's credit or KAT.
 *   <li>{@link #ignoresSelfDealing}: records approved by their own contributor earn nothing.
 *   <li>{@link #sybilSplittingDoesNotPay}: spreading a contributor's records over several identities
 *       earns the identities together no more than the contributor alone, up to one base unit of
 *       rounding per extra identity. Per-contributor caps break this promise unless a guardrail links the
 *       identities; the check is how to find out.
 * </ul>
 */
public final class PolicyContract {
  private final Policy policy;
  private final KatEngine engine;
  private final Cycle cycle;

  private PolicyContract(Policy policy, Cycle cycle) {
    this.policy = policy;
    this.engine = KatEngine.of(policy);
    this.cycle = cycle;
  }

  /** The contract of {@code policy} for records in {@link KatArbitraries#DEFAULT_CYCLE}. */
  public static PolicyContract of(Policy policy) {
    return of(policy, KatArbitraries.DEFAULT_CYCLE);
  }

  /** The contract of {@code policy} for records in {@code cycle}. */
  public static PolicyContract of(Policy policy, Cycle cycle) {
    return new PolicyContract(Checks.notNull(policy, "policy"), Checks.notNull(cycle, "cycle"));
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /** Runs the cycle over {@code records} from an empty prior state. */
  public CycleResult run(List<Contribution> records) {
    return engine.run(cycle, records, PriorState.empty());
  }

  /** Checks exact conservation of the budget and that every statement recomputes. */
  public void conservesBudget(List<Contribution> records) {
    CycleResult r = run(records);
    KatAssertions.assertBudgetConserved(r);
    KatAssertions.assertStatementsRecompute(r);
  }

  /** Checks that the records shuffled with {@code shuffleSeed} give the same outcome. */
  public void isOrderIndependent(List<Contribution> records, long shuffleSeed) {
    List<Contribution> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    KatAssertions.assertSameOutcome(run(records), run(shuffled));
  }

  /**
   * Checks that adding a copy of {@code template} (new id {@code template.id + "+"}, fresh evidence) does
   * not lower the credit or KAT of its contributor.
   */
  public void isMonotone(List<Contribution> records, Contribution template) {
    Checks.notNull(template, "template");
    String id = template.id() + "+";
    List<Evidence> ev = template.evidence().isEmpty() ? List.of() : List.of(Evidence.of("ev:" + id));
    Contribution extra = new Contribution(id, template.contributor(), template.dao(), template.workingGroup(),
        template.category(), template.role(), template.occurredAt(), template.attributes(), template.counterparts(),
        ev, template.reviews(), null);
    CycleResult before = run(records);
    List<Contribution> more = new ArrayList<>(records);
    more.add(extra);
    CycleResult after = run(more);
    String who = template.contributor();
    long c0 = before.has(who) ? before.credit(who) : 0;
    long c1 = after.has(who) ? after.credit(who) : 0;
    if (c1 < c0) {
      throw new AssertionError("adding record " + id + " lowered " + who + "'s credit from " + c0 + " to " + c1);
    }
    long k0 = before.has(who) ? before.kat(who) : 0;
    long k1 = after.has(who) ? after.kat(who) : 0;
    if (k1 < k0) {
      throw new AssertionError("adding record " + id + " lowered " + who + "'s KAT from " + k0 + " to " + k1);
    }
  }

  /**
   * Checks that {@code dealer} gains nothing from self-approved records: for each of the dealer's
   * records a copy approved by the dealer is added, and the dealer's KAT must not rise.
   */
  public void ignoresSelfDealing(List<Contribution> records, String dealer) {
    Checks.notBlank(dealer, "dealer");
    List<Contribution> more = new ArrayList<>(records);
    int n = 0;
    for (Contribution c : records) {
      if (c.contributor().equals(dealer)) {
        String id = c.id() + "~self";
        List<Evidence> ev = c.evidence().isEmpty() ? List.of() : List.of(Evidence.of("ev:" + id));
        more.add(new Contribution(id, dealer, c.dao(), c.workingGroup(), c.category(), c.role(), c.occurredAt(),
            c.attributes(), c.counterparts(), ev, List.of(Review.approve(dealer, 1.0)), null));
        n++;
      }
    }
    CycleResult before = run(records);
    CycleResult after = run(more);
    long k0 = before.has(dealer) ? before.kat(dealer) : 0;
    long k1 = after.has(dealer) ? after.kat(dealer) : 0;
    if (k1 > k0) {
      throw new AssertionError(dealer + " gained KAT from " + n + " self-approved records: " + k0 + " -> " + k1);
    }
  }

  /**
   * Checks that spreading {@code contributor}'s records (in id order, round-robin) over {@code identities}
   * identities — the contributor and {@code contributor~2 …} — earns them together at most the
   * contributor's KAT alone plus {@code identities − 1} base units of rounding.
   *
   * @param identities &gt;= 2
   */
  public void sybilSplittingDoesNotPay(List<Contribution> records, String contributor, int identities) {
    Checks.notBlank(contributor, "contributor");
    Checks.argument(identities >= 2, "identities (" + identities + ") must be >= 2");
    TreeMap<String, Contribution> mine = new TreeMap<>();
    List<Contribution> split = new ArrayList<>();
    for (Contribution c : records) {
      if (c.contributor().equals(contributor)) {
        mine.put(c.id(), c);
      } else {
        split.add(c);
      }
    }
    List<String> ids = new ArrayList<>();
    ids.add(contributor);
    for (int k = 2; k <= identities; k++) {
      ids.add(contributor + "~" + k);
    }
    int i = 0;
    for (Contribution c : mine.values()) {
      split.add(c.withContributor(ids.get(i++ % identities)));
    }
    CycleResult alone = run(records);
    CycleResult spread = run(split);
    long k0 = alone.has(contributor) ? alone.kat(contributor) : 0;
    long k1 = 0;
    for (String id : ids) {
      k1 += spread.has(id) ? spread.kat(id) : 0;
    }
    if (k1 > k0 + identities - 1) {
      throw new AssertionError("splitting " + contributor + "'s " + mine.size() + " records over " + identities
          + " identities raised their KAT from " + k0 + " to " + k1);
    }
  }
}
