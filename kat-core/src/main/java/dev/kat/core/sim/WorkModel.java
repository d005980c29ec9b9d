package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;

/**
 * The vocabulary the built-in strategies submit in: which categories stand for hosted sessions,
 * documentation and reviews, and the role agents act in. {@link #policyBuilder(String)} starts a policy
 * that declares exactly these, so a simulation works out of the box; any policy declaring the same ids
 * works too.
 *
 * @param sessionCategory category of hosted sessions, paid per hour ({@code durationMinutes}), not blank
 * @param documentationCategory category of documentation, paid per record, not blank
 * @param reviewCategory category of reviewing others' work, paid per record, not blank
 * @param role the role agents act in, not blank
 * @param evidence whether honest-looking records carry a unique evidence reference. The engine keeps
 *     every recognised evidence key in the state carried between cycles, so long runs of large
 *     populations are markedly faster without; switch it off when no guardrail reads evidence
 */
public record WorkModel(String sessionCategory, String documentationCategory, String reviewCategory, String role,
    boolean evidence) {

  /** Validates the fields. */
  public WorkModel {
    Checks.notBlank(sessionCategory, "sessionCategory");
    Checks.notBlank(documentationCategory, "documentationCategory");
    Checks.notBlank(reviewCategory, "reviewCategory");
    Checks.notBlank(role, "role");
  }

  /** {@code session_hosting}, {@code documentation}, {@code review}, as DAO members, with evidence. */
  public static WorkModel standard() {
    return new WorkModel("session_hosting", "documentation", "review", Roles.DAO_MEMBER, true);
  }

  /** A copy with evidence references switched on or off. */
  public WorkModel withEvidence(boolean on) {
    return new WorkModel(sessionCategory, documentationCategory, reviewCategory, role, on);
  }

  /**
   * A policy builder declaring this model's categories and role: sessions at 10 credit per hour,
   * documentation at 3 credit per record, reviews at 0.5 credit per record, role weight 1; no caps,
   * no guardrails, a budget of 1 000 000 base units per cycle. Add caps and guardrails to taste.
   */
  public Policy.Builder policyBuilder(String id) {
    return Policy.builder(id)
        .category(CategorySpec.of(sessionCategory, 10, Unit.PER_HOUR))
        .category(CategorySpec.of(documentationCategory, 3, Unit.PER_RECORD))
        .category(CategorySpec.of(reviewCategory, 0.5, Unit.PER_RECORD))
        .role(role, 1, false)
        .budget(1_000_000L);
  }
}
