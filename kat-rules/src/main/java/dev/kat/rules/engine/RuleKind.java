package dev.kat.rules.engine;

/** What a rule's single pattern matches, which decides when and how often it is evaluated. */
public enum RuleKind {
  /**
   * A record rule over {@link Contribution}: compiled into the policy's credit adjustments, evaluated once
   * per distinct (category, role, working group) and attribute bucket, never per record.
   */
  RECORD,
  /** A contributor rule over {@link Contributor}: evaluated once per contributor per cycle. */
  CONTRIBUTOR,
  /** A working-group rule over {@link WorkingGroup}: evaluated once per working group per cycle. */
  WORKING_GROUP,
  /** A pair rule over {@link Pair}: evaluated once per pair of counterparts per cycle. */
  PAIR
}
