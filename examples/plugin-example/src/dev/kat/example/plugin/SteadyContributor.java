package dev.kat.example.plugin;

import dev.kat.core.privilege.Privilege;
import dev.kat.core.privilege.PrivilegeRule;
import dev.kat.core.privilege.Standing;
import dev.kat.rules.policy.Parameters;
import dev.kat.rules.policy.PrivilegeRuleFactory;
import java.util.SortedMap;
import java.util.TreeMap;

/** A privilege rule in Java: a badge while karma and this cycle's credit both reach their thresholds. */
public final class SteadyContributor implements PrivilegeRuleFactory {
  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public SteadyContributor() {}

  @Override
  public String id() {
    return "steady-contributor";
  }

  @Override
  public PrivilegeRule create(String ruleId, Parameters parameters) {
    double karma = parameters.number("karma", 100);
    double credit = parameters.number("cycleCredit", 10);
    Privilege badge = new Privilege("steady-contributor", Privilege.Kind.BADGE,
        "karma of " + karma + " or more and " + credit + " credit or more this cycle");
    return new PrivilegeRule() {
      @Override
      public String id() {
        return ruleId;
      }

      @Override
      public Privilege privilege() {
        return badge;
      }

      @Override
      public boolean holds(Standing s) {
        return s.karma() >= Math.round(karma * 1_000_000) && s.cycleCredit() >= Math.round(credit * 1_000_000);
      }

      @Override
      public String describe() {
        return "KARMA >= " + karma + " and CYCLE_CREDIT >= " + credit;
      }

      @Override
      public SortedMap<String, String> parameters() {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("cycleCredit", Double.toString(credit));
        m.put("karma", Double.toString(karma));
        return m;
      }
    };
  }
}
