package dev.kat.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.WorkModel;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Example;

/** A property that fails shrinks to a small counterexample population. */
class ShrinkingExamples {

  /** A per-cycle hard cap of 10 credit: splitting work over identities escapes it, so the check must fail. */
  private static final Policy CAPPED = WorkModel.standard().policyBuilder("capped")
      .caps(Caps.NONE.withPerCycle(CapSpec.hard(10))).build();

  private static boolean splittingPays(Scenario s) {
    List<dev.kat.core.model.Contribution> records = s.records(CAPPED);
    if (records.isEmpty()) {
      return false;
    }
    try {
      PolicyContract.of(CAPPED).sybilSplittingDoesNotPay(records, PolicyContractProperties.busiest(records), 3);
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }

  @Example
  void sybilCounterexample_shrinksToOneSmallGroup() {
    Arbitrary<Scenario> scenarios = KatArbitraries.scenarios();
    RandomGenerator<Scenario> generator = scenarios.generator(100);
    Random random = new Random(7);
    Predicate<Scenario> fails = ShrinkingExamples::splittingPays;
    Shrinkable<Scenario> current = null;
    for (int i = 0; i < 200 && current == null; i++) {
      Shrinkable<Scenario> s = generator.next(random);
      if (fails.test(s.value())) {
        current = s;
      }
    }
    assertNotNull(current, "the capped policy lets splitting pay for some generated population");
    int before = current.value().population().agents();
    boolean progress = true;
    for (int round = 0; progress && round < 500; round++) {
      progress = false;
      Iterator<Shrinkable<Scenario>> candidates = current.shrink().limit(100).iterator();
      while (candidates.hasNext()) {
        Shrinkable<Scenario> c = candidates.next();
        if (fails.test(c.value())) {
          current = c;
          progress = true;
          break;
        }
      }
    }
    Scenario minimal = current.value();
    assertTrue(minimal.population().agents() <= 2 && minimal.population().agents() <= before,
        "shrunk to " + minimal + " from " + before + " agents");
    assertTrue(fails.test(minimal), "the shrunk scenario still fails");
  }
}
