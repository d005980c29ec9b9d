package dev.kat.core.cycle;

import dev.kat.core.internal.Checks;
import dev.kat.core.ledger.Adjustment;
import dev.kat.core.ledger.Correction;
import dev.kat.core.ledger.Dispute;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit checklist of a cycle, run before finalization: each check with what fails it, and the
 * exceptions, disputes and corrections the cycle carries, listed for the auditor.
 *
 * @param cycleId the cycle
 * @param checks every check, in a fixed order
 * @param exceptions the manual exceptions, in approval order
 * @param disputes the disputes
 * @param corrections the corrections of earlier cycles' records
 */
public record AuditReport(String cycleId, List<Check> checks, List<Adjustment> exceptions, List<Dispute> disputes,
    List<Correction> corrections) {

  /** The names of the checks, in the order they run. */
  public static final List<String> CHECKS = List.of(Check.HOLDS_RESOLVED, Check.TOTALS_EQUAL_BUDGET,
      Check.EXCEPTIONS_EXPLAINED, Check.CORRECTIONS_RESOLVED, Check.CHAIN_INTACT);

  /**
   * One check and what fails it.
   *
   * @param name the check's name
   * @param failures what fails, one sentence each; empty when the check passes
   */
  public record Check(String name, List<String> failures) {
    /** Every disputed or guardrail-held record is released or voided. */
    public static final String HOLDS_RESOLVED = "holds resolved";
    /** KAT allocated plus unallocated equals the budget; the allocations sum to what is allocated. */
    public static final String TOTALS_EQUAL_BUDGET = "totals equal budget";
    /** Every exception is justified, approved by someone else, aimed at a real subject and within policy. */
    public static final String EXCEPTIONS_EXPLAINED = "exceptions explained";
    /** Every correction names a finalized record that no other record has corrected. */
    public static final String CORRECTIONS_RESOLVED = "corrections resolved";
    /** The ledger's hash chain verifies and no other cycle was finalized meanwhile. */
    public static final String CHAIN_INTACT = "chain intact";

    /** Validates and copies the fields. */
    public Check {
      Checks.notBlank(name, "name");
      failures = List.copyOf(failures);
    }

    /** Whether the check passes. */
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** Validates and copies the fields. */
  public AuditReport {
    Checks.notBlank(cycleId, "cycleId");
    checks = List.copyOf(checks);
    exceptions = List.copyOf(exceptions);
    disputes = List.copyOf(disputes);
    corrections = List.copyOf(corrections);
  }

  /** Whether every check passes. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /** Every failure, prefixed by its check's name. */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    for (Check c : checks) {
      for (String f : c.failures()) {
        out.add(c.name() + ": " + f);
      }
    }
    return out;
  }

  /** The report as plain text, the same in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Audit of cycle ").append(cycleId).append(": ").append(passed() ? "passed" : "FAILED").append('\n');
    for (Check c : checks) {
      sb.append(c.passed() ? "  [ok]   " : "  [FAIL] ").append(c.name()).append('\n');
      for (String f : c.failures()) {
        sb.append("         - ").append(f).append('\n');
      }
    }
    for (Adjustment a : exceptions) {
      sb.append("  exception ").append(a.kind()).append(' ').append(a.subject());
      if (a.credit() != 0) {
        sb.append(' ').append(dev.kat.core.internal.Fixed.format(a.credit(), 2)).append(" credit");
      }
      sb.append(" for ").append(a.beneficiary()).append(", approved by ").append(a.approver()).append(": ")
          .append(a.justification()).append('\n');
    }
    for (Dispute d : disputes) {
      sb.append("  dispute ").append(d.recordId()).append(" by ").append(d.raisedBy()).append(": ").append(d.reason())
          .append('\n');
    }
    for (Correction c : corrections) {
      sb.append("  correction ").append(c.recordId()).append(" supersedes ").append(c.supersedes()).append(" (cycle ")
          .append(c.supersededSequence()).append("), reversing ")
          .append(dev.kat.core.internal.Fixed.format(c.reversedCredit(), 2)).append(" credit of ")
          .append(c.contributor()).append('\n');
    }
    return sb.toString();
  }
}
