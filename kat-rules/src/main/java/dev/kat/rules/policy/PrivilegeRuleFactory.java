package dev.kat.rules.policy;

import dev.kat.core.privilege.PrivilegeRule;

/**
 * Creates a {@link PrivilegeRule} written in Java from a policy document's {@code privileges} entry that
 * names it with {@code "plugin"}.
 *
 * <p><b>Stability:</b> evolving. Register implementations with {@link java.util.ServiceLoader}
 * ({@code provides dev.kat.rules.policy.PrivilegeRuleFactory with ...}) and load them with
 * {@link ComponentRegistry#discover(ModuleLayer)}.
 */
public interface PrivilegeRuleFactory {

  /** The id a policy document names the rule by. */
  String id();

  /**
   * A rule with id {@code ruleId} configured by {@code parameters}.
   *
   * @throws IllegalArgumentException naming the parameter, if a parameter is missing or out of range
   */
  PrivilegeRule create(String ruleId, Parameters parameters);
}
