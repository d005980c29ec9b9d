package dev.kat.testkit.usage;

import dev.kat.core.policy.Policy;
import dev.kat.testkit.KatArbitraries;
import dev.kat.testkit.PolicyContractProperties;
import net.jqwik.api.Arbitrary;

/**
 * Runs the reusable suite, from another package as a user would, over generated uncapped policies: every
 * promise must hold.
 */
class StandardPolicyContractProperties extends PolicyContractProperties {

  @Override
  protected Arbitrary<Policy> policies() {
    return KatArbitraries.policies();
  }
}
