package dev.kat.core.policy;

import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.internal.Checks;
import dev.kat.core.privilege.PrivilegeRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A DAO's recognition configuration: what work counts and how much, caps, guardrails, karma and how the
 * KAT budget is split. Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * <p>The credit of one accepted record is
 * {@code base(category) × quantity × Π modifier(attribute) × Π adjustment × roleWeight × reviewQuality},
 * where reviewQuality is the median quality score of its approving reviews (when
 * {@link #reviewQualityWeighting()} is on and any score is given). The median is used, not the mean, so
 * one extreme score cannot move it.
 */
public final class Policy {
  private final String id;
  private final String dao;
  private final SortedMap<String, CategorySpec> categories;
  private final SortedMap<String, RoleSpec> roles;
  private final List<AttributeModifier> modifiers;
  private final List<CreditAdjustment> adjustments;
  private final Caps caps;
  private final boolean reviewQualityWeighting;
  private final List<Guardrail> guardrails;
  private final KarmaPolicy karma;
  private final long budget;
  private final List<AllocationShare> allocation;
  private final double creditDiscount;
  private final List<PrivilegeRule> privilegeRules;
  private final SortedMap<String, Goal> goals;
  private final ExceptionLimits exceptionLimits;

  private Policy(Builder b) {
    this.id = b.id;
    this.dao = b.dao;
    this.categories = Collections.unmodifiableSortedMap(new TreeMap<>(b.categories));
    this.roles = Collections.unmodifiableSortedMap(new TreeMap<>(b.roles));
    this.modifiers = List.copyOf(b.modifiers);
    this.adjustments = List.copyOf(b.adjustments);
    this.caps = b.caps;
    this.reviewQualityWeighting = b.reviewQualityWeighting;
    this.guardrails = List.copyOf(b.guardrails);
    this.karma = b.karma;
    this.budget = b.budget;
    this.allocation = List.copyOf(b.allocation.isEmpty()
        ? List.of(new AllocationShare(Allocations.immediate(), 1)) : b.allocation);
    this.creditDiscount = b.creditDiscount;
    this.privilegeRules = List.copyOf(b.privilegeRules);
    this.goals = Collections.unmodifiableSortedMap(new TreeMap<>(b.goals));
    this.exceptionLimits = b.exceptionLimits;
  }

  /** A builder for a policy with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder initialised from this policy. */
  public Builder toBuilder() {
    Builder b = new Builder(id).dao(dao);
    categories.values().forEach(b::category);
    roles.values().forEach(b::role);
    modifiers.forEach(b::modifier);
    adjustments.forEach(b::adjustment);
    b.caps(caps).reviewQualityWeighting(reviewQualityWeighting).karma(karma).budget(budget);
    guardrails.forEach(b::guardrail);
    b.allocation.addAll(allocation);
    b.creditDiscount(creditDiscount);
    privilegeRules.forEach(b::privilege);
    goals.values().forEach(b::goal);
    b.exceptionLimits(exceptionLimits);
    return b;
  }

  /** The policy's id (e.g. {@code exchange-dao/2026-10}). */
  public String id() {
    return id;
  }

  /** The DAO the policy belongs to (may be empty). */
  public String dao() {
    return dao;
  }

  /** Categories by id. */
  public SortedMap<String, CategorySpec> categories() {
    return categories;
  }

  /** Roles by id. */
  public SortedMap<String, RoleSpec> roles() {
    return roles;
  }

  /** Attribute modifiers, applied in this order. */
  public List<AttributeModifier> modifiers() {
    return modifiers;
  }

  /** Conditional credit adjustments, applied in this order. */
  public List<CreditAdjustment> adjustments() {
    return adjustments;
  }

  /** Per-contributor caps. */
  public Caps caps() {
    return caps;
  }

  /** Whether approving reviews' quality scores weight credit. */
  public boolean reviewQualityWeighting() {
    return reviewQualityWeighting;
  }

  /** Guardrails, run in this order. */
  public List<Guardrail> guardrails() {
    return guardrails;
  }

  /** Karma parameters. */
  public KarmaPolicy karma() {
    return karma;
  }

  /** The KAT budget per cycle in integer base units. */
  public long budget() {
    return budget;
  }

  /** How the budget is split: one or more policies with relative shares. */
  public List<AllocationShare> allocation() {
    return allocation;
  }

  /**
   * The discount per cycle applied to carried credit for the recent allocation policy: decayed credit is
   * {@code Σ cₙ·(1−d)ⁿ}, {@code n} cycles back. In [0, 1); 0 keeps all history at full weight.
   */
  public double creditDiscount() {
    return creditDiscount;
  }

  /** Privilege and badge rules, evaluated in this order after allocation. */
  public List<PrivilegeRule> privilegeRules() {
    return privilegeRules;
  }

  /** The DAO's goals by id; every cycle reports progress against them. */
  public SortedMap<String, Goal> goals() {
    return goals;
  }

  /** Bounds on manual exceptions per cycle. */
  public ExceptionLimits exceptionLimits() {
    return exceptionLimits;
  }

  /** Whether {@code role} is external to the DAO. */
  public boolean isExternal(String role) {
    RoleSpec r = roles.get(role);
    return r != null && r.external();
  }

  /**
   * Whether {@code role} may earn credit in {@code category}: the role is declared; if the category lists
   * eligible roles it is among them; and an external role needs a community-contribution category.
   */
  public boolean isEligible(String category, String role) {
    CategorySpec c = categories.get(category);
    RoleSpec r = roles.get(role);
    if (c == null || r == null) {
      return false;
    }
    if (!c.eligibleRoles().isEmpty()) {
      return c.eligibleRoles().contains(role);
    }
    return !r.external() || c.communityContribution();
  }

  /**
   * The attributes the policy reads, in a stable order: unit quantities, modifiers, adjustments.
   */
  public List<String> attributesRead() {
    LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
    for (CategorySpec c : categories.values()) {
      if (c.unit().quantityAttribute() != null) {
        names.put(c.unit().quantityAttribute(), true);
      }
    }
    modifiers.forEach(m -> names.put(m.attribute(), true));
    adjustments.stream().filter(a -> a.attribute() != null).forEach(a -> names.put(a.attribute(), true));
    return List.copyOf(names.keySet());
  }

  /** A canonical text form of every setting, used for the content hash. */
  public String canonicalForm() {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("policy{id=").append(id).append(";dao=").append(dao).append(";categories=").append(categories.values())
        .append(";roles=").append(roles.values()).append(";modifiers=").append(modifiers)
        .append(";adjustments=").append(adjustments).append(";caps=").append(caps)
        .append(";reviewQuality=").append(reviewQualityWeighting).append(";guardrails=[");
    for (Guardrail g : guardrails) {
      sb.append(g.id()).append(g.parameters()).append(',');
    }
    sb.append("];karma=").append(karma).append(";budget=").append(budget).append(";allocation=[");
    for (AllocationShare s : allocation) {
      sb.append(s.policy().name()).append(s.policy().parameters()).append('x').append(s.weight()).append(',');
    }
    sb.append("];creditDiscount=").append(creditDiscount).append(";privileges=[");
    for (PrivilegeRule r : privilegeRules) {
      sb.append(r.id()).append(r.parameters()).append(',');
    }
    sb.append("];goals=").append(goals.values()).append(";exceptions=").append(exceptionLimits);
    return sb.append("}").toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy && canonicalForm().equals(((Policy) o).canonicalForm());
  }

  @Override
  public int hashCode() {
    return canonicalForm().hashCode();
  }

  @Override
  public String toString() {
    return "Policy[" + id + ", " + categories.size() + " categories, " + roles.size() + " roles, budget " + budget + "]";
  }

  /** Builds a {@link Policy}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private String dao = "";
    private final Map<String, CategorySpec> categories = new TreeMap<>();
    private final Map<String, RoleSpec> roles = new TreeMap<>();
    private final List<AttributeModifier> modifiers = new ArrayList<>();
    private final List<CreditAdjustment> adjustments = new ArrayList<>();
    private Caps caps = Caps.NONE;
    private boolean reviewQualityWeighting;
    private final List<Guardrail> guardrails = new ArrayList<>();
    private KarmaPolicy karma = KarmaPolicy.DEFAULT;
    private long budget = 1_000_000L;
    private final List<AllocationShare> allocation = new ArrayList<>();
    private double creditDiscount = 0.1;
    private final List<PrivilegeRule> privilegeRules = new ArrayList<>();
    private final Map<String, Goal> goals = new TreeMap<>();
    private ExceptionLimits exceptionLimits = ExceptionLimits.NO_CREDIT_ADJUSTMENTS;

    private Builder(String id) {
      this.id = Checks.notBlank(id, "id");
    }

    /** Sets the DAO. */
    public Builder dao(String value) {
      this.dao = Checks.notNull(value, "dao");
      return this;
    }

    /** Adds or replaces a category. */
    public Builder category(CategorySpec value) {
      Checks.notNull(value, "category");
      categories.put(value.id(), value);
      return this;
    }

    /** Adds or replaces a role. */
    public Builder role(RoleSpec value) {
      Checks.notNull(value, "role");
      roles.put(value.id(), value);
      return this;
    }

    /** Adds or replaces a role. */
    public Builder role(String roleId, double weight, boolean external) {
      return role(new RoleSpec(roleId, weight, external));
    }

    /** Adds an attribute modifier. */
    public Builder modifier(AttributeModifier value) {
      modifiers.add(Checks.notNull(value, "modifier"));
      return this;
    }

    /** Adds a credit adjustment. */
    public Builder adjustment(CreditAdjustment value) {
      adjustments.add(Checks.notNull(value, "adjustment"));
      return this;
    }

    /** Sets the caps. */
    public Builder caps(Caps value) {
      this.caps = Checks.notNull(value, "caps");
      return this;
    }

    /** Turns review-quality weighting on or off. */
    public Builder reviewQualityWeighting(boolean on) {
      this.reviewQualityWeighting = on;
      return this;
    }

    /** Adds a guardrail. */
    public Builder guardrail(Guardrail value) {
      guardrails.add(Checks.notNull(value, "guardrail"));
      return this;
    }

    /** Removes every guardrail. */
    public Builder clearGuardrails() {
      guardrails.clear();
      return this;
    }

    /** Sets the karma parameters. */
    public Builder karma(KarmaPolicy value) {
      this.karma = Checks.notNull(value, "karma");
      return this;
    }

    /** Sets the budget per cycle in base units. */
    public Builder budget(long value) {
      this.budget = Checks.nonNegative(value, "budget");
      return this;
    }

    /**
     * Replaces the allocation with the given shares; the budget is split among them by their weights.
     * With no shares the policy allocates the whole budget with {@code Allocations.immediate()}.
     */
    public Builder allocation(AllocationShare... shares) {
      allocation.clear();
      allocation.addAll(List.of(shares));
      return this;
    }

    /**
     * Sets the discount per cycle for decayed credit (the recent allocation policy); default 0.1.
     *
     * @param value in [0, 1)
     * @throws IllegalArgumentException if outside [0, 1)
     */
    public Builder creditDiscount(double value) {
      Checks.argument(value >= 0 && value < 1, "creditDiscount (" + value + ") must be in [0, 1)");
      this.creditDiscount = value;
      return this;
    }

    /** Adds a privilege or badge rule. */
    public Builder privilege(PrivilegeRule rule) {
      privilegeRules.add(Checks.notNull(rule, "privilege rule"));
      return this;
    }

    /** Adds or replaces a goal. */
    public Builder goal(Goal value) {
      Checks.notNull(value, "goal");
      goals.put(value.id(), value);
      return this;
    }

    /** Sets the bounds on manual exceptions (default: no grants or deductions). */
    public Builder exceptionLimits(ExceptionLimits value) {
      this.exceptionLimits = Checks.notNull(value, "exceptionLimits");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException if there is no category or role, a category names an undeclared
     *     eligible role, a modifier, adjustment or cap names an undeclared category, or two modifiers or
     *     guardrails share an id, two privilege rules share an id, or a privilege rule or goal names an
     *     undeclared category
     */
    public Policy build() {
      Checks.argument(!categories.isEmpty(), "policy " + id + " declares no category");
      Checks.argument(!roles.isEmpty(), "policy " + id + " declares no role");
      Checks.argument(categories.size() <= Short.MAX_VALUE, "too many categories: " + categories.size());
      Checks.argument(roles.size() <= Byte.MAX_VALUE, "too many roles: " + roles.size());
      for (CategorySpec c : categories.values()) {
        for (String r : c.eligibleRoles()) {
          Checks.argument(roles.containsKey(r),
              "categories." + c.id() + ".eligibleRoles names undeclared role (" + r + ")");
        }
      }
      Set<String> ids = new HashSet<>();
      for (AttributeModifier m : modifiers) {
        Checks.argument(ids.add(m.id()), "modifier id (" + m.id() + ") is used twice");
        for (String c : m.categories()) {
          Checks.argument(categories.containsKey(c),
              "modifiers." + m.id() + ".categories names undeclared category (" + c + ")");
        }
      }
      for (CreditAdjustment a : adjustments) {
        Checks.argument(a.category() == null || categories.containsKey(a.category()),
            "adjustments." + a.ruleId() + ".category names undeclared category (" + a.category() + ")");
        Checks.argument(a.role() == null || roles.containsKey(a.role()),
            "adjustments." + a.ruleId() + ".role names undeclared role (" + a.role() + ")");
      }
      for (String c : caps.categoryOverrides().keySet()) {
        Checks.argument(categories.containsKey(c), "caps.categories names undeclared category (" + c + ")");
      }
      Set<String> gids = new HashSet<>();
      for (Guardrail g : guardrails) {
        Checks.argument(gids.add(g.id()), "guardrail id (" + g.id() + ") is used twice");
      }
      Set<String> rids = new HashSet<>();
      for (PrivilegeRule r : privilegeRules) {
        Checks.argument(rids.add(r.id()), "privilege rule id (" + r.id() + ") is used twice");
        for (String c : r.categoriesRead()) {
          Checks.argument(categories.containsKey(c),
              "privileges." + r.id() + " names undeclared category (" + c + ")");
        }
      }
      for (Goal g : goals.values()) {
        Checks.argument(categories.containsKey(g.category()),
            "goals." + g.id() + ".category names undeclared category (" + g.category() + ")");
      }
      return new Policy(this);
    }
  }
}
