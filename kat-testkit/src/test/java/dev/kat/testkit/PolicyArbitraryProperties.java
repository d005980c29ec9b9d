package dev.kat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Range;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyArbitraryProperties {

  static final Framework COHORT = new Framework("cohort", Range.of(1, 12), Range.of(0.8, 1.5), Range.of(0.5, 2),
      Range.of(0.5, 1.5), 200, Range.of(3, 12), Range.of(0, 0.5), new TreeSet<>(List.of("governance")), new TreeSet<>());

  @Provide
  Arbitrary<Policy> cohortPolicies() {
    return KatArbitraries.policies().within(COHORT);
  }

  @Property(tries = 50)
  void policiesWithin_conformToTheFramework(@ForAll("cohortPolicies") Policy policy) {
    assertEquals(List.of(), COHORT.check(policy));
    assertTrue(policy.categories().containsKey("governance"));
    assertTrue(policy.caps().perCycle().hard() <= 200);
  }
}
