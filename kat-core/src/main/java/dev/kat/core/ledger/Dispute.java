package dev.kat.core.ledger;

import dev.kat.core.internal.Checks;

/**
 * A dispute raised against a record: the record is held (earns nothing) until a {@link AdjustmentKind#RELEASE}
 * or {@link AdjustmentKind#VOID} exception resolves it.
 *
 * @param recordId the disputed record, not blank
 * @param raisedBy who raised it, not blank
 * @param reason why, not blank
 */
public record Dispute(String recordId, String raisedBy, String reason) {

  /** Validates the fields. */
  public Dispute {
    Checks.notBlank(recordId, "recordId");
    Checks.notBlank(raisedBy, "raisedBy");
    Checks.notBlank(reason, "reason");
  }
}
