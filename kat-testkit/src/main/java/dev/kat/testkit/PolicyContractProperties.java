package dev.kat.testkit;

import dev.kat.core.model.Contribution;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.Population;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link PolicyContract} as a reusable jqwik property suite: extend this class in a test, return your
 * policies from {@link #policies()}, and every property runs against them over generated scenarios.
 * Override {@link #populations()} to change who is simulated. A failing property reports the policy and a
 * small counterexample population (populations shrink toward fewer, smaller groups).
 *
 * <pre>{@code
 * class ExchangeDaoPolicyProperties extends PolicyContractProperties {
 *   @Override
 *   protected Arbitrary<Policy> policies() {
 *     return Arbitraries.just(ExchangeDao.policy());
 *   }
 * }
 * }</pre>
 */
public abstract class PolicyContractProperties {

  /** For subclasses. */
  protected PolicyContractProperties() {}

  /** The policies under test. */
  protected abstract Arbitrary<Policy> policies();

  /** The populations whose first cycle the properties run; {@link KatArbitraries#populations()} by default. */
  protected Arbitrary<Population> populations() {
    return KatArbitraries.populations();
  }

  /** The provider behind {@code @ForAll("contractPolicies")}. */
  @Provide
  public Arbitrary<Policy> contractPolicies() {
    return policies();
  }

  /** The provider behind {@code @ForAll("contractScenarios")}. */
  @Provide
  public Arbitrary<Scenario> contractScenarios() {
    return KatArbitraries.scenarios(populations());
  }

  /** KAT allocated plus unallocated equals the budget exactly, and statements recompute. */
  @Property(tries = 40)
  public void budgetIsConserved(@ForAll("contractPolicies") Policy policy, @ForAll("contractScenarios") Scenario scenario) {
    PolicyContract.of(policy).conservesBudget(scenario.records(policy));
  }

  /** Input order changes neither the content hash nor the allocation. */
  @Property(tries = 40)
  public void outcomeIsOrderIndependent(@ForAll("contractPolicies") Policy policy,
      @ForAll("contractScenarios") Scenario scenario, @ForAll long shuffleSeed) {
    PolicyContract.of(policy).isOrderIndependent(scenario.records(policy), shuffleSeed);
  }

  /** One more genuine record never lowers its contributor's credit or KAT. */
  @Property(tries = 40)
  public void moreWorkNeverEarnsLess(@ForAll("contractPolicies") Policy policy,
      @ForAll("contractScenarios") Scenario scenario) {
    List<Contribution> records = scenario.records(policy);
    if (!records.isEmpty()) {
      PolicyContract.of(policy).isMonotone(records, records.get(0));
    }
  }

  /** Self-approved records earn their contributor nothing. */
  @Property(tries = 40)
  public void selfDealingEarnsNothing(@ForAll("contractPolicies") Policy policy,
      @ForAll("contractScenarios") Scenario scenario) {
    List<Contribution> records = scenario.records(policy);
    if (!records.isEmpty()) {
      PolicyContract.of(policy).ignoresSelfDealing(records, busiest(records));
    }
  }

  /** Splitting the busiest contributor's records over three identities does not pay. */
  @Property(tries = 40)
  public void sybilSplittingDoesNotPay(@ForAll("contractPolicies") Policy policy,
      @ForAll("contractScenarios") Scenario scenario) {
    List<Contribution> records = scenario.records(policy);
    if (!records.isEmpty()) {
      PolicyContract.of(policy).sybilSplittingDoesNotPay(records, busiest(records), 3);
    }
  }

  /** The contributor with the most records, ties broken by id. */
  static String busiest(List<Contribution> records) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (Contribution c : records) {
      counts.merge(c.contributor(), 1, Integer::sum);
    }
    String best = null;
    int most = -1;
    for (var e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
