package dev.kat.example.plugin;

import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.RoleSpec;
import dev.kat.rules.policy.CreditRuleFactory;
import dev.kat.rules.policy.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A credit rule in Java: members (non-external roles) earn {@code factor} times the credit in one category,
 * e.g. the Guides who mentor new Guides. It reads the policy once and returns adjustments; nothing runs per
 * record.
 */
public final class MentoringBonus implements CreditRuleFactory {
  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public MentoringBonus() {}

  @Override
  public String id() {
    return "mentoring-bonus";
  }

  @Override
  public List<CreditAdjustment> create(Policy policy, Parameters parameters) {
    String category = parameters.string("category", null);
    if (category == null || !policy.categories().containsKey(category)) {
      throw new IllegalArgumentException("parameter category (" + category + ") must name a declared category");
    }
    double factor = parameters.number("factor", 1.1);
    List<CreditAdjustment> out = new ArrayList<>();
    for (RoleSpec role : policy.roles().values()) {
      if (!role.external()) {
        out.add(CreditAdjustment.when(id(), category, role.id(), null, factor,
            "members mentoring in " + category));
      }
    }
    return out;
  }
}
