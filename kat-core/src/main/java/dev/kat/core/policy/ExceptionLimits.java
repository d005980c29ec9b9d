package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * Bounds on manual exceptions in one cycle. Voids and releases settle disputed or held records and are
 * always allowed (each still needs a justification and an approver other than the beneficiary);
 * grants and deductions of credit are bounded here.
 *
 * @param maxCreditPerContributor the most credit (in credit units) that grants or deductions may move for
 *     one contributor in one cycle, counted as the sum of their absolute amounts; &gt;= 0
 * @param maxAdjustments the most grants and deductions in one cycle, &gt;= 0
 */
public record ExceptionLimits(double maxCreditPerContributor, int maxAdjustments) {

  /** No grants or deductions at all: the default, so that a DAO opts in to manual credit. */
  public static final ExceptionLimits NO_CREDIT_ADJUSTMENTS = new ExceptionLimits(0, 0);

  /** Validates the fields. */
  public ExceptionLimits {
    Checks.nonNegative(maxCreditPerContributor, "exceptions.maxCreditPerContributor");
    Checks.argument(maxAdjustments >= 0, "exceptions.maxAdjustments (" + maxAdjustments + ") must be >= 0");
  }
}
