package dev.kat.core.privilege;

/** What a {@link ThresholdRule} measures, from a contributor's {@link Standing}. */
public enum Metric {
  /** KAT received over all cycles, this one included, in base units. */
  LIFETIME_KAT,
  /** Karma after this cycle, in karma units. */
  KARMA,
  /** Credit over all cycles, this one included, in credit units. */
  LIFETIME_CREDIT,
  /** Credit this cycle, in credit units. */
  CYCLE_CREDIT,
  /** KAT received this cycle, in base units. */
  CYCLE_KAT,
  /** Validated records in one category over all cycles, this one included. */
  ACTIVITY,
  /** Validated records in one category this cycle. */
  CYCLE_ACTIVITY
}
