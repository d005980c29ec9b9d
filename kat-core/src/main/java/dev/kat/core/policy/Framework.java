package dev.kat.core.policy;

import dev.kat.core.guard.Guardrail;
import dev.kat.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The cohort-wide bounds every DAO's policy must respect, so that KAT stays comparable across DAOs
 * ("DAO-configurable within shared rules"). {@link #check(Policy)} reports every violation at once.
 *
 * @param id the framework's id, e.g. {@code kat-framework-1.0}
 * @param baseCredit allowed base credit of any category
 * @param roleWeight allowed weight of any role
 * @param modifierFactor allowed range of every modifier curve's values
 * @param adjustmentFactor allowed factor of every credit adjustment
 * @param maxCycleCap the largest allowed hard cap per contributor per cycle (infinity: no cap required)
 * @param karmaHalfLifeCycles allowed karma half-life
 * @param karmaInfluence allowed karma influence on KAT
 * @param requiredCategories categories every DAO must recognise
 * @param requiredGuardrails guardrail ids that may not be switched off
 */
public record Framework(
    String id,
    Range baseCredit,
    Range roleWeight,
    Range modifierFactor,
    Range adjustmentFactor,
    double maxCycleCap,
    Range karmaHalfLifeCycles,
    Range karmaInfluence,
    SortedSet<String> requiredCategories,
    SortedSet<String> requiredGuardrails) {

  /** Validates the fields. */
  public Framework {
    Checks.notBlank(id, "id");
    Checks.notNull(baseCredit, "baseCredit");
    Checks.notNull(roleWeight, "roleWeight");
    Checks.notNull(modifierFactor, "modifierFactor");
    Checks.notNull(adjustmentFactor, "adjustmentFactor");
    Checks.argument(maxCycleCap > 0, "maxCycleCap (" + maxCycleCap + ") must be > 0");
    Checks.notNull(karmaHalfLifeCycles, "karmaHalfLifeCycles");
    Checks.notNull(karmaInfluence, "karmaInfluence");
    requiredCategories = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull(requiredCategories, "requiredCategories")));
    requiredGuardrails = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull(requiredGuardrails, "requiredGuardrails")));
  }

  /** A framework that allows everything (for tests and single-DAO use). */
  public static Framework permissive() {
    return new Framework("permissive", Range.ANY, Range.ANY, Range.ANY, Range.ANY, Double.POSITIVE_INFINITY,
        Range.ANY, Range.ANY, new TreeSet<>(), new TreeSet<>());
  }

  /** Returns every way {@code policy} breaks these bounds; empty when it conforms. */
  public List<Violation> check(Policy policy) {
    Checks.notNull(policy, "policy");
    List<Violation> out = new ArrayList<>();
    for (CategorySpec c : policy.categories().values()) {
      in(out, "$.categories." + c.id() + ".baseCredit", c.baseCredit(), baseCredit, "base credit");
    }
    for (String required : requiredCategories) {
      if (!policy.categories().containsKey(required)) {
        out.add(new Violation("$.categories",
            "must recognise category '" + required + "' (required by framework " + id + ")"));
      }
    }
    for (RoleSpec r : policy.roles().values()) {
      in(out, "$.roles." + r.id() + ".weight", r.weight(), roleWeight, "role weight");
    }
    for (AttributeModifier m : policy.modifiers()) {
      String p = "$.modifiers." + m.id() + ".curve";
      if (!modifierFactor.contains(m.curve().min()) || !modifierFactor.contains(m.curve().max())) {
        out.add(new Violation(p, "factors range over [" + m.curve().min() + ", " + m.curve().max()
            + "], outside the allowed " + modifierFactor));
      }
    }
    for (CreditAdjustment a : policy.adjustments()) {
      in(out, "$.adjustments." + a.ruleId() + ".factor", a.factor(), adjustmentFactor, "adjustment factor");
    }
    if (policy.caps().perCycle().hard() > maxCycleCap) {
      out.add(new Violation("$.caps.perCycle.hard", "is " + policy.caps().perCycle().hard()
          + " but the framework allows at most " + maxCycleCap + " credit per contributor per cycle"));
    }
    in(out, "$.karma.halfLifeCycles", policy.karma().halfLifeCycles(), karmaHalfLifeCycles, "karma half-life");
    in(out, "$.karma.influence", policy.karma().influence(), karmaInfluence, "karma influence");
    Set<String> present = new TreeSet<>();
    for (Guardrail g : policy.guardrails()) {
      present.add(g.id());
    }
    for (String required : requiredGuardrails) {
      if (!present.contains(required)) {
        out.add(new Violation("$.guardrails",
            "guardrail '" + required + "' may not be switched off (required by framework " + id + ")"));
      }
    }
    return List.copyOf(out);
  }

  private static void in(List<Violation> out, String path, double value, Range range, String what) {
    if (!range.contains(value)) {
      out.add(new Violation(path, what + " " + value + " is outside the allowed range " + range));
    }
  }
}
