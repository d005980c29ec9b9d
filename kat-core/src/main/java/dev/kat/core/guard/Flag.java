package dev.kat.core.guard;

import dev.kat.core.internal.Checks;
import java.util.List;

/**
 * A guardrail's finding: which records and contributors it concerns, the evidence that triggered it
 * and the action taken.
 *
 * @param detector the guardrail's id
 * @param severity how serious
 * @param action what happens to the records
 * @param factor the multiplier for {@link Action#DAMPEN} in [0, 1]; 0 for reject and hold, 1 for note
 * @param recordIds the records concerned, sorted
 * @param contributors the contributors concerned, sorted
 * @param evidence words saying what triggered the flag, readable by the contributor
 */
public record Flag(
    String detector, Severity severity, Action action, double factor, List<String> recordIds,
    List<String> contributors, String evidence) {

  /** Validates the fields and sorts the lists. */
  public Flag {
    Checks.notBlank(detector, "detector");
    Checks.notNull(severity, "severity");
    Checks.notNull(action, "action");
    Checks.inRange(factor, 0.0, 1.0, "factor");
    recordIds = recordIds.stream().sorted().distinct().collect(java.util.stream.Collectors.toUnmodifiableList());
    contributors = contributors.stream().sorted().distinct().collect(java.util.stream.Collectors.toUnmodifiableList());
    Checks.notBlank(evidence, "evidence");
  }
}
