package dev.kat.bench.baseline;

import java.util.Arrays;

/**
 * One contribution record as a Drools fact for {@link DroolsPerRecordCredit}: the fields the credit rules
 * test, as a developer new to KAT would model them (a mutable bean, one field per attribute), and the
 * running credit the rules multiply.
 *
 * <p>An attribute the record does not carry is {@link Double#NaN}, which no comparison in a rule matches.
 */
public final class CreditFact {
  private final String category;
  private final String role;
  private final String workingGroup;
  private final double complexity;
  private final double durationMinutes;
  private final double crossCultural;
  private final double preparationEffort;
  private final double amount;
  private final double[] approvalQualities;
  private double credit;

  /**
   * A fact with credit 0.
   *
   * @param approvalQualities the quality scores of the record's approving reviews that have one (copied)
   */
  public CreditFact(String category, String role, String workingGroup, double complexity,
      double durationMinutes, double crossCultural, double preparationEffort, double amount,
      double[] approvalQualities) {
    this.category = category;
    this.role = role;
    this.workingGroup = workingGroup;
    this.complexity = complexity;
    this.durationMinutes = durationMinutes;
    this.crossCultural = crossCultural;
    this.preparationEffort = preparationEffort;
    this.amount = amount;
    this.approvalQualities = approvalQualities.clone();
  }

  /** The category id. */
  public String getCategory() {
    return category;
  }

  /** The contributor's role id. */
  public String getRole() {
    return role;
  }

  /** The working group, or the empty string for none. */
  public String getWorkingGroup() {
    return workingGroup;
  }

  /** The {@code complexity} attribute, or NaN. */
  public double getComplexity() {
    return complexity;
  }

  /** The {@code durationMinutes} attribute, or NaN. */
  public double getDurationMinutes() {
    return durationMinutes;
  }

  /** The {@code crossCultural} attribute, or NaN. */
  public double getCrossCultural() {
    return crossCultural;
  }

  /** The {@code preparationEffort} attribute, or NaN. */
  public double getPreparationEffort() {
    return preparationEffort;
  }

  /** The {@code amount} attribute, or NaN. */
  public double getAmount() {
    return amount;
  }

  /** How many approving reviews carry a quality score. */
  public int getApprovals() {
    return approvalQualities.length;
  }

  /** The median quality score of the approving reviews, or NaN without any. */
  public double getMedianApprovalQuality() {
    int n = approvalQualities.length;
    if (n == 0) {
      return Double.NaN;
    }
    double[] sorted = approvalQualities.clone();
    Arrays.sort(sorted);
    return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** The credit computed so far. */
  public double getCredit() {
    return credit;
  }

  /** Sets the credit computed so far. */
  public void setCredit(double credit) {
    this.credit = credit;
  }

  @Override
  public String toString() {
    return "CreditFact[" + category + ", " + role + ", " + workingGroup + ", credit " + credit + "]";
  }
}
