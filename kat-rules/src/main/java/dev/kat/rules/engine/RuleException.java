package dev.kat.rules.engine;

import dev.kat.rules.KatException;

/**
 * Thrown when a rule fails while it is evaluated: the cycle fails as a whole, naming the rule and the
 * record key, contributor or working group it was evaluated on; there is never a partial result.
 */
public class RuleException extends KatException {
  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String subject;

  /**
   * An exception for {@code rule} failing on {@code subject}.
   *
   * @param rule the rule's name, or a description when the failing rule is not known
   * @param subject what it was evaluated on
   * @param cause the failure
   */
  public RuleException(String rule, String subject, Throwable cause) {
    super("rule '" + rule + "' failed on " + subject + ": " + cause, cause);
    this.rule = rule;
    this.subject = subject;
  }

  /** The rule that failed. */
  public String rule() {
    return rule;
  }

  /** What the rule was evaluated on. */
  public String subject() {
    return subject;
  }
}
