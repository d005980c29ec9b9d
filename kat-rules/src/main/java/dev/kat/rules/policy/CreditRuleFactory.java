package dev.kat.rules.policy;

import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import java.util.List;

/**
 * A credit rule written in Java: given the DAO's policy and its settings under {@code creditRules} in the
 * policy document, it returns credit adjustments, which join the policy's own and are applied by the core
 * engine from primitive tables. A Java rule can thus compute its conditions with any logic, once, when the
 * policy is read; it never runs per record. Its factors are checked against the framework like any other.
 *
 * <p><b>Stability:</b> evolving (may gain default methods). Register implementations with
 * {@link java.util.ServiceLoader} ({@code provides dev.kat.rules.policy.CreditRuleFactory with ...}) and load
 * them with {@link ComponentRegistry#discover(ModuleLayer)}.
 */
public interface CreditRuleFactory {

  /** The id a policy document names the rule by, e.g. {@code mentoring-bonus}. */
  String id();

  /**
   * The adjustments this rule adds to {@code policy}.
   *
   * @throws IllegalArgumentException naming the parameter, if a parameter is missing or out of range
   */
  List<CreditAdjustment> create(Policy policy, Parameters parameters);
}
