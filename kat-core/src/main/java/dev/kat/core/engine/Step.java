package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;

/**
 * One step of an explanation: a stage applied a rule's factor to a record's credit.
 *
 * @param stage the stage ({@code credit}, {@code guard}, {@code cap})
 * @param ruleId the rule, modifier, detector or cap that applied
 * @param factor the multiplier
 * @param reason words a contributor can read
 */
public record Step(String stage, String ruleId, double factor, String reason) {

  /** Validates the fields. */
  public Step {
    Checks.notBlank(stage, "stage");
    Checks.notBlank(ruleId, "ruleId");
    Checks.notBlank(reason, "reason");
  }

  @Override
  public String toString() {
    return stage + " " + ruleId + " ×" + Fixed.formatFactor(factor) + " (" + reason + ")";
  }
}
