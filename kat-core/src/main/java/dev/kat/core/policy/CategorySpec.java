package dev.kat.core.policy;

import dev.kat.core.internal.Checks;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A category of recognised work as a policy declares it.
 *
 * @param id the category id, not blank
 * @param baseCredit credit per unit, finite and &gt;= 0
 * @param unit what a unit is
 * @param eligibleRoles roles that may earn credit in this category; empty means every declared role
 * @param evidenceRequired whether a record without evidence is rejected
 * @param minApprovals approvals a record needs to be validated (0: none needed)
 * @param communityContribution whether external (non-member) roles may earn credit here, as the seeds'
 *     "Community Contribution categories"
 */
public record CategorySpec(
    String id,
    double baseCredit,
    Unit unit,
    SortedSet<String> eligibleRoles,
    boolean evidenceRequired,
    int minApprovals,
    boolean communityContribution) {

  /** Validates the fields. */
  public CategorySpec {
    Checks.notBlank(id, "id");
    Checks.nonNegative(baseCredit, "categories." + id + ".baseCredit");
    Checks.notNull(unit, "unit");
    eligibleRoles = java.util.Collections.unmodifiableSortedSet(
        new TreeSet<>(Checks.notNull(eligibleRoles, "eligibleRoles")));
    Checks.argument(minApprovals >= 0,
        "categories." + id + ".minApprovals (" + minApprovals + ") must be >= 0");
  }

  /** A category paid per record, open to every role, with no evidence or review requirement. */
  public static CategorySpec of(String id, double baseCredit, Unit unit) {
    return new CategorySpec(id, baseCredit, unit, new TreeSet<>(), false, 0, false);
  }

  /** A copy restricted to {@code roles}. */
  public CategorySpec withEligibleRoles(Set<String> roles) {
    return new CategorySpec(id, baseCredit, unit, new TreeSet<>(roles), evidenceRequired, minApprovals,
        communityContribution);
  }

  /** A copy with the evidence requirement set. */
  public CategorySpec withEvidenceRequired(boolean required) {
    return new CategorySpec(id, baseCredit, unit, eligibleRoles, required, minApprovals, communityContribution);
  }

  /** A copy that needs {@code approvals} approving reviews. */
  public CategorySpec withMinApprovals(int approvals) {
    return new CategorySpec(id, baseCredit, unit, eligibleRoles, evidenceRequired, approvals, communityContribution);
  }

  /** A copy marked as a community-contribution category (open to external roles). */
  public CategorySpec withCommunityContribution(boolean open) {
    return new CategorySpec(id, baseCredit, unit, eligibleRoles, evidenceRequired, minApprovals, open);
  }
}
