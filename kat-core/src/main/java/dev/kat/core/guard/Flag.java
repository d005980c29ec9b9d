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
    recordIds = sortedDistinct(recordIds);
    contributors = sortedDistinct(contributors);
    Checks.notBlank(evidence, "evidence");
  }

  /** An unmodifiable sorted copy of {@code ids} without repeats (most lists come sorted: no sort then). */
  private static List<String> sortedDistinct(List<String> ids) {
    String[] a = ids.toArray(new String[0]);
    boolean ascending = true;
    for (int i = 1; i < a.length && ascending; i++) {
      ascending = a[i - 1].compareTo(a[i]) < 0;
    }
    if (ascending) {
      return List.of(a);
    }
    java.util.Arrays.sort(a);
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n == 0 || !a[i].equals(a[n - 1])) {
        a[n++] = a[i];
      }
    }
    return List.of(java.util.Arrays.copyOf(a, n));
  }
}
