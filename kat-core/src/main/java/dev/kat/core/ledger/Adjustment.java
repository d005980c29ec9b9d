package dev.kat.core.ledger;

import dev.kat.core.internal.Checks;

/**
 * A manual exception: an approved, justified change on top of the records. Grants and deductions move a
 * contributor's credit; voids and releases settle a record that is disputed or held.
 *
 * @param kind what the exception does
 * @param subject the contributor (grant, deduct) or the record id (void, release), not blank
 * @param beneficiary the contributor whose figures change (for a record, its contributor), not blank
 * @param credit credit in micro-units, &gt; 0 for grants and deductions, 0 for voids and releases
 * @param approver who approved it, not blank and not the beneficiary
 * @param justification why, not blank
 */
public record Adjustment(AdjustmentKind kind, String subject, String beneficiary, long credit, String approver,
    String justification) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if a field is blank, the approver is the beneficiary, a grant or
   *     deduction has no positive credit, or a void or release carries credit
   */
  public Adjustment {
    Checks.notNull(kind, "kind");
    Checks.notBlank(subject, "subject");
    Checks.notBlank(beneficiary, "beneficiary");
    Checks.notBlank(approver, "approver");
    Checks.notBlank(justification, "justification");
    Checks.argument(!approver.equals(beneficiary),
        "approver (" + approver + ") must not be the beneficiary of the adjustment");
    if (kind == AdjustmentKind.GRANT || kind == AdjustmentKind.DEDUCT) {
      Checks.argument(credit > 0, kind + " credit (" + credit + ") must be > 0");
      Checks.argument(subject.equals(beneficiary),
          kind + " subject (" + subject + ") must be the beneficiary (" + beneficiary + ")");
    } else {
      Checks.argument(credit == 0, kind + " credit (" + credit + ") must be 0");
    }
  }

  /** A grant of {@code credit} micro-units to {@code contributor}. */
  public static Adjustment grant(String contributor, long credit, String approver, String justification) {
    return new Adjustment(AdjustmentKind.GRANT, contributor, contributor, credit, approver, justification);
  }

  /** A deduction of {@code credit} micro-units from {@code contributor}. */
  public static Adjustment deduct(String contributor, long credit, String approver, String justification) {
    return new Adjustment(AdjustmentKind.DEDUCT, contributor, contributor, credit, approver, justification);
  }

  /** Voids record {@code recordId} of {@code contributor}. */
  public static Adjustment voidRecord(String recordId, String contributor, String approver, String justification) {
    return new Adjustment(AdjustmentKind.VOID, recordId, contributor, 0, approver, justification);
  }

  /** Releases held or disputed record {@code recordId} of {@code contributor}. */
  public static Adjustment release(String recordId, String contributor, String approver, String justification) {
    return new Adjustment(AdjustmentKind.RELEASE, recordId, contributor, 0, approver, justification);
  }

  /** The signed credit change: positive for grants, negative for deductions, 0 otherwise. */
  public long signedCredit() {
    return kind == AdjustmentKind.GRANT ? credit : kind == AdjustmentKind.DEDUCT ? -credit : 0;
  }
}
