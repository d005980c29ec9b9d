package dev.kat.core.ledger;

/** What a manual exception does. */
public enum AdjustmentKind {
  /** Grants credit to a contributor. */
  GRANT,
  /** Deducts credit from a contributor. */
  DEDUCT,
  /** Voids a record: it earns nothing this cycle (resolves a dispute or a hold against the record). */
  VOID,
  /** Releases a held record: a disputed record counts again; a guardrail hold's factor is not applied. */
  RELEASE
}
