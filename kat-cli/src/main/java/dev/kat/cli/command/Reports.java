package dev.kat.cli.command;

import dev.kat.cli.report.HtmlReport;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.cli.report.ReportModel;
import dev.kat.core.cycle.AuditReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the HTML report and the statement pages of a cycle run from files. */
final class Reports {
  private Reports() {}

  /** The report's model for {@code job}, not finalized. */
  static ReportModel model(CycleJob.JobResult job, List<LocatedRejection> rejected, AuditReport audit, boolean preview) {
    return model(job, rejected, audit, preview, "");
  }

  /** The report's model for {@code job}; {@code finalized} says where the finalized cycle is kept, or is empty. */
  static ReportModel model(CycleJob.JobResult job, List<LocatedRejection> rejected, AuditReport audit, boolean preview,
      String finalized) {
    String dao = job.result().policy().dao();
    String title = dao.isEmpty() ? job.result().policy().id() : titleCase(dao);
    return new ReportModel(job.result(), title, job.document().description(), job.rowsRead(), job.fileProblems(),
        job.malformed(), rejected, audit, preview, finalized);
  }

  /** {@code exchange-dao} as {@code Exchange DAO}. */
  static String titleCase(String id) {
    StringBuilder sb = new StringBuilder();
    for (String w : id.split("[-_]")) {
      if (w.isEmpty()) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : " ");
      sb.append(w.equalsIgnoreCase("dao") ? "DAO" : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return sb.toString();
  }

  /**
   * Writes {@code report.html} and {@code statements/<contributor>.html} into {@code dir}, first removing
   * the {@code .html} pages an earlier run left in {@code statements/}.
   *
   * @return the files written
   * @throws IOException if writing fails
   */
  static List<Path> write(ReportModel model, Path dir, Terminal t) throws IOException {
    return write(model, true, dir, t);
  }

  /** As {@link #write(ReportModel, Path, Terminal)}, with statement pages only when {@code withPages}. */
  static List<Path> write(ReportModel model, boolean withPages, Path dir, Terminal t) throws IOException {
    List<Path> written = new ArrayList<>();
    Outputs.clear(dir.resolve("statements"), ".html");
    t.progress("writing report.html …");
    Path report = dir.resolve("report.html");
    Files.writeString(report, HtmlReport.cycle(model, c -> "statements/" + HtmlReport.fileName(c)), StandardCharsets.UTF_8);
    written.add(report);
    if (!withPages) {
      t.clearProgress();
      return written;
    }
    Path pages = dir.resolve("statements");
    Files.createDirectories(pages);
    long[] n = new long[1];
    HtmlReport.statements(model, "../report.html", (contributor, html) -> {
      Path page = pages.resolve(HtmlReport.fileName(contributor));
      try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
        w.write(html);
      }
      written.add(page);
      if (++n[0] % 1000 == 0) {
        t.progress("writing statement pages: " + n[0]);
      }
    });
    t.clearProgress();
    return written;
  }
}
