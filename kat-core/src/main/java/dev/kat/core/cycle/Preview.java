package dev.kat.core.cycle;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.internal.Checks;
import java.util.Optional;

/**
 * A cycle's full result computed without committing it, with what changed since the last preview and
 * since the previous finalized cycle, and the audit checklist as it stands.
 */
public final class Preview {
  private final CycleResult result;
  private final ResultDiff sinceLastPreview;
  private final ResultDiff sincePreviousCycle;
  private final AuditReport audit;

  Preview(CycleResult result, ResultDiff sinceLastPreview, ResultDiff sincePreviousCycle, AuditReport audit) {
    this.result = Checks.notNull(result, "result");
    this.sinceLastPreview = sinceLastPreview;
    this.sincePreviousCycle = Checks.notNull(sincePreviousCycle, "sincePreviousCycle");
    this.audit = Checks.notNull(audit, "audit");
  }

  /** The result the cycle would be finalized with. */
  public CycleResult result() {
    return result;
  }

  /** What changed since the last preview of this cycle; empty for the first preview. */
  public Optional<ResultDiff> sinceLastPreview() {
    return Optional.ofNullable(sinceLastPreview);
  }

  /** What differs from the previous finalized cycle (all contributors, for the first cycle). */
  public ResultDiff sincePreviousCycle() {
    return sincePreviousCycle;
  }

  /** The audit checklist as it stands. */
  public AuditReport audit() {
    return audit;
  }
}
