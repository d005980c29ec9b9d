package dev.kat.core.ledger;

import dev.kat.core.internal.Checks;

/**
 * A correction that reaches back into a finalized cycle: record {@code recordId} of this cycle supersedes
 * {@code supersedes}, which earned {@code reversedCredit} in cycle {@code supersededSequence}. The earlier
 * cycle is never changed; instead this cycle deducts the superseded credit from its contributor and
 * credits the new record normally, so the correction takes effect in the cycle it arrives in and the
 * history shows both records.
 *
 * @param recordId the correcting record, not blank
 * @param supersedes the corrected record, not blank
 * @param contributor the corrected record's contributor, not blank
 * @param reversedCredit the credit the corrected record earned, in micro-units, &gt;= 0
 * @param supersededSequence the sequence of the cycle the corrected record was finalized in, &gt;= 0
 */
public record Correction(String recordId, String supersedes, String contributor, long reversedCredit,
    long supersededSequence) {

  /** Validates the fields. */
  public Correction {
    Checks.notBlank(recordId, "recordId");
    Checks.notBlank(supersedes, "supersedes");
    Checks.notBlank(contributor, "contributor");
    Checks.nonNegative(reversedCredit, "reversedCredit");
    Checks.nonNegative(supersededSequence, "supersededSequence");
  }
}
