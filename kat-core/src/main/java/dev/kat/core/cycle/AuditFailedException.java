package dev.kat.core.cycle;

/** Finalization was refused because the audit checklist failed; carries the report with every failure. */
public final class AuditFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The failed audit. */
  private final transient AuditReport report;

  /** An exception for {@code report}. */
  public AuditFailedException(AuditReport report) {
    super("cycle " + report.cycleId() + " cannot be finalized; the audit failed: " + String.join("; ",
        report.failures()));
    this.report = report;
  }

  /** The failed audit. */
  public AuditReport report() {
    return report;
  }
}
