package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * A conditional credit rule in data form: when a record matches, its credit is multiplied by
 * {@code factor}. Rule files (kat-rules) and policy documents compile into these.
 *
 * <p>The engine evaluates the discrete part of the match (category, role, working group) once per
 * distinct combination, never once per record; only the optional attribute range is tested per record.
 *
 * @param ruleId the rule's id, shown in statements, not blank
 * @param category the category to match, or null for any
 * @param role the role to match, or null for any
 * @param workingGroup the working group to match, or null for any
 * @param attribute an attribute to test, or null for none
 * @param attributeMin the attribute's inclusive lower bound (with {@code attribute})
 * @param attributeMax the attribute's exclusive upper bound (with {@code attribute})
 * @param factor the multiplier, finite and &gt;= 0
 * @param reason words a contributor can read, not blank
 */
public record CreditAdjustment(
    String ruleId,
    String category,
    String role,
    String workingGroup,
    String attribute,
    double attributeMin,
    double attributeMax,
    double factor,
    String reason) {

  /** Validates the fields. */
  public CreditAdjustment {
    Checks.notBlank(ruleId, "ruleId");
    Checks.nonNegative(factor, "adjustments." + ruleId + ".factor");
    Checks.notBlank(reason, "reason");
    if (attribute != null) {
      Checks.notBlank(attribute, "attribute");
      Checks.argument(!Double.isNaN(attributeMin) && !Double.isNaN(attributeMax) && attributeMin < attributeMax,
          "adjustments." + ruleId + ": attributeMin (" + attributeMin + ") must be < attributeMax ("
              + attributeMax + ")");
    }
  }

  /** A rule on discrete fields only (any may be null for "any"). */
  public static CreditAdjustment when(
      String ruleId, String category, String role, String workingGroup, double factor, String reason) {
    return new CreditAdjustment(ruleId, category, role, workingGroup, null,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, factor, reason);
  }

  /** Whether the discrete part matches. */
  public boolean matchesKey(String cat, String rl, String wg) {
    return (category == null || category.equals(cat))
        && (role == null || role.equals(rl))
        && (workingGroup == null || workingGroup.equals(wg));
  }

  /** Whether the attribute part matches {@code value} (always true without an attribute test). */
  public boolean matchesAttribute(double value) {
    return attribute == null || (value >= attributeMin && value < attributeMax);
  }
}
