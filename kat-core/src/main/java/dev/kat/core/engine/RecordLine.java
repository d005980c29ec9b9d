package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import java.util.List;

/**
 * How one accepted record earned its credit.
 *
 * <p>{@code creditSteps} multiply, in order and in {@code double}, to the record's raw credit, which is
 * rounded half-even to micro-units ({@code rawCredit}). Each of {@code laterSteps} then multiplies the
 * running figure and rounds half-even again; the last figure is {@code credit}.
 *
 * @param recordId the record
 * @param category its category
 * @param creditSteps base, quantity, modifiers, rule adjustments, role weight, review quality
 * @param rawCredit the credit after the credit stage, in micro-units
 * @param laterSteps guardrail actions and caps
 * @param credit the final credit in micro-units
 */
public record RecordLine(String recordId, String category, List<Step> creditSteps, long rawCredit,
    List<Step> laterSteps, long credit) {

  /** Validates and copies the fields. */
  public RecordLine {
    Checks.notBlank(recordId, "recordId");
    Checks.notBlank(category, "category");
    creditSteps = List.copyOf(creditSteps);
    laterSteps = List.copyOf(laterSteps);
  }
}
