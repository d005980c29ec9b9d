package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;

/**
 * A loaded rule as a reader of reports sees it.
 *
 * @param name the rule's name, unique in its rule set, used as its id in statements
 * @param kind what it matches
 * @param salience its salience (higher first); ties are ordered by name
 * @param source the rule file it comes from
 * @param line the line of the rule in that file
 */
public record RuleInfo(String name, RuleKind kind, int salience, String source, int line) {

  /** Validates the fields. */
  public RuleInfo {
    Checks.notBlank(name, "name");
    Checks.notNull(kind, "kind");
    Checks.notBlank(source, "source");
  }
}
