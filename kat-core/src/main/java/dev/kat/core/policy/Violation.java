package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * One way a policy breaks the cohort's framework bounds.
 *
 * @param path where in the policy, as a JSON path such as {@code $.roles.partner.weight}
 * @param message what is wrong and what is allowed
 */
public record Violation(String path, String message) {

  /** Validates the fields. */
  public Violation {
    Checks.notBlank(path, "path");
    Checks.notBlank(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
