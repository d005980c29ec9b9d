package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;

/**
 * What one rule did to one subject when it fired: multiplied credit, granted a privilege or raised a flag.
 *
 * @param rule the rule's name, not blank
 * @param kind what the rule did
 * @param subject whom it concerns: a contributor id or {@code working group <name>} (record rules'
 *     effects are internal to compilation and carry an internal key), not blank
 * @param category for {@link Kind#MULTIPLY} of a contributor, the category whose credit is multiplied, or
 *     {@code "*"} for all; otherwise empty
 * @param factor for {@link Kind#MULTIPLY}, the multiplier; otherwise 1
 * @param value for {@link Kind#GRANT}, the privilege; otherwise empty
 * @param reason words the contributor reads, not blank
 */
public record Effect(String rule, Kind kind, String subject, String category, double factor, String value,
    String reason) {

  /** What a rule can do. */
  public enum Kind {
    /** Multiply credit by a factor. */
    MULTIPLY,
    /** Grant a privilege or badge. */
    GRANT,
    /** Raise a flag for reviewers. */
    FLAG
  }

  /** Validates the fields. */
  public Effect {
    Checks.notBlank(rule, "rule");
    Checks.notNull(kind, "kind");
    Checks.notBlank(subject, "subject");
    Checks.notNull(category, "category");
    Checks.argument(Double.isFinite(factor) && factor >= 0, "factor (" + factor + ") must be finite and >= 0");
    Checks.notNull(value, "value");
    Checks.notBlank(reason, "reason");
  }
}
