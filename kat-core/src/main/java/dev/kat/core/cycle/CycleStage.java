package dev.kat.core.cycle;

/**
 * Where a cycle is in the monthly workflow. The only moves are
 * {@code COLLECTING → IN_REVIEW → VALIDATED ⇄ PREVIEWED → FINALIZED}: a preview goes back to
 * {@code VALIDATED} when a dispute or exception changes the inputs, so that only a current preview can be
 * finalized. Any other move fails with {@link IllegalStateException}.
 */
public enum CycleStage {
  /** Records are being submitted. */
  COLLECTING,
  /** Submission closed; reviewers raise disputes and approve exceptions. */
  IN_REVIEW,
  /** Review closed; the cycle can be previewed (disputes and exceptions are still possible). */
  VALIDATED,
  /** A current preview exists; the cycle can be finalized if its audit passes. */
  PREVIEWED,
  /** Written to the ledger; nothing can change any more. */
  FINALIZED
}
