package dev.kat.core.engine;

/** Why admission rejected a record. Every rejected record is kept in the result with one of these. */
public enum RejectionCode {
  /** The record's time is outside the cycle. */
  OUTSIDE_CYCLE,
  /** The record belongs to another DAO than the policy's. */
  WRONG_DAO,
  /** The policy does not declare the record's category. */
  UNKNOWN_CATEGORY,
  /** The policy does not declare the record's role. */
  UNKNOWN_ROLE,
  /** The role may not earn credit in the category. */
  ROLE_NOT_ELIGIBLE,
  /**
   * An attribute is NaN, infinite or negative, or the record's quantity is so large that its credit could
   * exceed {@link ContributionBatch#MAX_RECORD_CREDIT}.
   */
  INVALID_ATTRIBUTE,
  /** The category is paid per hour or per currency unit and the record lacks that quantity. */
  MISSING_QUANTITY,
  /** The category requires evidence and the record has none. */
  EVIDENCE_MISSING,
  /** The contributor reviewed their own record. */
  SELF_REVIEW,
  /** The record has fewer approvals than its category needs. */
  NOT_VALIDATED,
  /** Reviewers rejected, dismissed or marked the record a duplicate at least as often as they approved. */
  REVIEW_REJECTED,
  /** An identical copy of the record was already submitted; it counts once. */
  DUPLICATE,
  /** Different records share this id; none of them is accepted until the conflict is resolved. */
  DUPLICATE_ID_CONFLICT,
  /** A record in the same batch supersedes (corrects) this one. */
  SUPERSEDED
}
