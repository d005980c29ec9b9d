package dev.kat.bench;

import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.guard.Guardrails;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Diminishing;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy every benchmark and baseline runs: eight categories of an Exchange-DAO-like community (three
 * paid per hour, one per currency unit), the seven stakeholder roles, three attribute modifiers, six
 * conditional credit rules and review-quality weighting — a ten-rule credit policy.
 *
 * <p>{@link #creditOnly()} has no guardrails and no caps, so that the credit formula and the allocation are
 * all that runs; {@link #full()} adds caps per day, per category and per cycle, every built-in
 * guardrail, karma influence and a two-policy allocation.
 */
public final class BenchPolicy {
  private BenchPolicy() {}

  /** Category ids, in the order the generator draws them. */
  static final String[] CATEGORIES = {
    "session_hosting", "session_participation", "documentation", "regeneration",
    "governance", "cross_dao", "operations", "impact"
  };

  /** Working group ids the generator draws from. */
  static final String[] WORKING_GROUPS = {
    "guides", "council", "treasury", "outreach", "docs", "events", "research", "ops"
  };

  /** The policy with credit rules only: no guardrails, no caps, immediate allocation. */
  public static Policy creditOnly() {
    Set<String> members = Set.of(Roles.DAO_MEMBER, Roles.AMBASSADOR);
    Policy.Builder b = Policy.builder("bench/credit").dao("bench-dao").budget(1_000_000_000L)
        .category(CategorySpec.of("session_hosting", 10, Unit.PER_HOUR).withEligibleRoles(members)
            .withEvidenceRequired(true).withMinApprovals(1))
        .category(CategorySpec.of("session_participation", 2, Unit.PER_RECORD).withCommunityContribution(true))
        .category(CategorySpec.of("documentation", 8, Unit.PER_RECORD).withEvidenceRequired(true)
            .withMinApprovals(1))
        .category(CategorySpec.of("regeneration", 6, Unit.PER_HOUR).withCommunityContribution(true))
        .category(CategorySpec.of("governance", 3, Unit.PER_RECORD))
        .category(CategorySpec.of("cross_dao", 12, Unit.PER_RECORD).withMinApprovals(1))
        .category(CategorySpec.of("operations", 5, Unit.PER_HOUR))
        .category(CategorySpec.of("impact", 0.01, Unit.PER_CURRENCY_UNIT).withEvidenceRequired(true))
        .role(Roles.DAO_MEMBER, 1.0, false)
        .role(Roles.COMMUNITY_COLLABORATOR, 0.8, true)
        .role(Roles.PARTNER, 0.7, true)
        .role(Roles.AMBASSADOR, 0.9, true)
        .role(Roles.VOLUNTEER, 0.8, true)
        .role(Roles.USER_CUSTOMER, 0.5, true)
        .role(Roles.KAT_HOLDER, 0.6, true)
        .modifier(new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1.0, 5, 1.5), 1))
        .modifier(new AttributeModifier("cross-cultural", "crossCultural",
            new TreeSet<>(Set.of("session_hosting", "session_participation")), Curve.of(0, 1.0, 1, 1.2), 0))
        .modifier(new AttributeModifier("preparation", "preparationEffort",
            new TreeSet<>(Set.of("session_hosting", "documentation")), Curve.of(0, 1.0, 120, 1.3), 0))
        .adjustment(CreditAdjustment.when("guide-bonus", "session_hosting", Roles.DAO_MEMBER, "guides", 1.1,
            "members hosting for the guides group earn 10% more"))
        .adjustment(CreditAdjustment.when("council-governance", "governance", null, "council", 1.25,
            "governance work in the council counts 25% more"))
        .adjustment(CreditAdjustment.when("volunteer-regeneration", "regeneration", Roles.VOLUNTEER, null, 1.2,
            "volunteers' regeneration work counts 20% more"))
        .adjustment(new CreditAdjustment("long-session", "session_hosting", null, null, "durationMinutes", 90,
            Double.POSITIVE_INFINITY, 1.05, "sessions of 90 minutes or more earn 5% more"))
        .adjustment(CreditAdjustment.when("treasury-ops", "operations", null, "treasury", 0.9,
            "routine treasury operations count 10% less"))
        .adjustment(new CreditAdjustment("large-impact", "impact", null, null, "amount", 10_000,
            Double.POSITIVE_INFINITY, 0.8, "impact above 10,000 currency units is damped"))
        .reviewQualityWeighting(true);
    return b.build();
  }

  /** The same credit rules with caps per day, per category and per cycle, and no guardrails. */
  public static Policy withCaps() {
    return creditOnly().toBuilder()
        .caps(Caps.NONE.withPerDay(CapSpec.soft(60, Diminishing.SQRT))
            .withPerCategory(CapSpec.soft(150, Diminishing.LOG))
            .withPerCycle(new CapSpec(300, 600, Diminishing.SQRT)))
        .build();
  }

  /**
   * The full policy: the credit rules, the caps, every guardrail of {@link Guardrails#defaults()}, karma
   * with influence 0.25 on KAT, and the budget split 80 % immediate, 20 % balanced catch-up.
   */
  public static Policy full() {
    Policy.Builder b = withCaps().toBuilder()
        .karma(KarmaPolicy.DEFAULT.withInfluence(0.25))
        .allocation(new AllocationShare(Allocations.immediate(), 80), new AllocationShare(Allocations.balanced(), 20));
    Guardrails.defaults().forEach(b::guardrail);
    return b.build();
  }
}
