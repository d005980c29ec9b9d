package dev.kat.cli.report;

import dev.kat.core.cycle.AuditReport;
import dev.kat.core.engine.CycleResult;
import dev.kat.rules.codec.FileProblem;
import dev.kat.rules.codec.MalformedRow;
import java.util.List;

/**
 * Everything a cycle report shows.
 *
 * @param result the cycle's result
 * @param title the DAO's name as shown in headings, not blank
 * @param description a sentence about the DAO or policy, possibly empty
 * @param rowsRead rows read from the input files (accepted + rejected + malformed)
 * @param fileProblems problems with input files as a whole
 * @param malformed rows that could not be read
 * @param rejected records admission rejected, with their rows
 * @param audit the audit checklist, or null when none was run
 * @param preview whether the cycle is a preview (not finalized)
 * @param finalized where the finalized cycle is kept, e.g. {@code ledger entry 0 of ledger.kat, entry hash
 *     84b6…}; empty when the cycle is not finalized
 */
public record ReportModel(CycleResult result, String title, String description, long rowsRead,
    List<FileProblem> fileProblems, List<MalformedRow> malformed, List<LocatedRejection> rejected,
    AuditReport audit, boolean preview, String finalized) {

  /** Validates and copies the fields. */
  public ReportModel {
    if (finalized == null || (preview && !finalized.isEmpty())) {
      throw new IllegalArgumentException("finalized (" + finalized + ") must be empty for a preview, not null");
    }
    if (result == null) {
      throw new IllegalArgumentException("result must not be null");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title (" + title + ") must not be blank");
    }
    if (description == null) {
      throw new IllegalArgumentException("description must not be null");
    }
    if (rowsRead < 0) {
      throw new IllegalArgumentException("rowsRead (" + rowsRead + ") must be >= 0");
    }
    fileProblems = List.copyOf(fileProblems);
    malformed = List.copyOf(malformed);
    rejected = List.copyOf(rejected);
  }

  /** A model of a cycle that is not finalized. */
  public ReportModel(CycleResult result, String title, String description, long rowsRead,
      List<FileProblem> fileProblems, List<MalformedRow> malformed, List<LocatedRejection> rejected,
      AuditReport audit, boolean preview) {
    this(result, title, description, rowsRead, fileProblems, malformed, rejected, audit, preview, "");
  }

  /** A model of a result that did not come from files: no malformed rows, rejections unlocated. */
  public static ReportModel of(CycleResult result, String title) {
    List<LocatedRejection> rejected = result.rejections().stream().map(r -> new LocatedRejection(r, null)).toList();
    return new ReportModel(result, title, "", result.inputCount(), List.of(), List.of(), rejected, null, false);
  }
}
