package dev.kat.testkit;

import dev.kat.core.policy.Policy;
import net.jqwik.api.Arbitrary;

/** Runs the reusable suite over generated uncapped policies: every promise must hold. */
class StandardPolicyContractProperties extends PolicyContractProperties {

  @Override
  protected Arbitrary<Policy> policies() {
    return KatArbitraries.policies();
  }
}
