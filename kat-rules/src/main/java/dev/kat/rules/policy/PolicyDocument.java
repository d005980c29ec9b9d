package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;
import dev.kat.core.policy.Policy;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A policy read from a policy document, with the document's parts that are not settings of the
 * {@link Policy} itself.
 *
 * @param policy the policy
 * @param description free text for people, possibly empty
 * @param framework the id of the framework the document says it conforms to, possibly empty
 * @param workingGroups the working groups the document declares; when not empty, adjustments and rules may
 *     only name these
 */
public record PolicyDocument(
    Policy policy, String description, String framework, SortedSet<String> workingGroups) {

  /** Validates the fields. */
  public PolicyDocument {
    Checks.notNull(policy, "policy");
    Checks.notNull(description, "description");
    Checks.notNull(framework, "framework");
    workingGroups = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.notNull(workingGroups, "workingGroups")));
  }
}
