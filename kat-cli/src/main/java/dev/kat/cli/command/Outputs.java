package dev.kat.cli.command;

import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.cycle.AuditReport;
import dev.kat.rules.codec.ResultJsonWriter;
import dev.kat.rules.codec.StatementsCsvWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a cycle's outputs into a directory (documented in {@code docs/formats.md}), first removing the
 * files an earlier run left in its {@code rejects/} and {@code statements/} directories:
 * {@code result.json}, {@code contributors.csv}, {@code statements.csv}, {@code rejects.csv},
 * {@code rejects/<input file>} with the bad rows unchanged, {@code summary.txt}, and the HTML report
 * with one statement page per contributor.
 */
public final class Outputs {
  private Outputs() {}

  /** An output writer: writes one file's content. */
  interface Content {
    void write(Writer w) throws IOException;
  }

  /**
   * Writes everything for {@code job} into {@code dir}, creating it. {@code result.json} and the HTML
   * pages say what the result is: {@code preview}, {@code finalized} (with its ledger entry) or {@code run}
   * (computed without a ledger).
   *
   * @param summary the text summary, written as {@code summary.txt}
   * @param audit the audit checklist shown in the report, or null
   * @param preview whether the outputs are marked as a preview
   * @param finalized where the finalized cycle is kept (ledger entry and hash), or empty when not finalized
   * @param details without details, {@code result.json} leaves out the statements and no statement pages
   *     are written (for very large cycles: {@code statements.csv} still has every line)
   * @param dir the output directory
   * @param t the terminal, for progress
   * @return the files written, in writing order
   * @throws IOException if a file cannot be written
   */
  public static List<Path> writeAll(CycleJob.JobResult job, List<LocatedRejection> rejected, String summary,
      AuditReport audit, boolean preview, String finalized, boolean details, Path dir, Terminal t) throws IOException {
    Files.createDirectories(dir);
    clear(dir.resolve("rejects"), "");
    List<Path> written = new ArrayList<>();
    t.progress("writing result.json …");
    Path json = dir.resolve("result.json");
    String status = preview ? "preview" : finalized.isEmpty() ? "run" : "finalized";
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
      (details ? ResultJsonWriter.withStatements() : ResultJsonWriter.withoutStatements()).withStatus(status)
          .write(job.result(), job.reads(), out);
    }
    written.add(json);
    written.add(text(dir.resolve("contributors.csv"), w -> StatementsCsvWriter.writeContributors(job.result(), w)));
    written.add(text(dir.resolve("statements.csv"), w -> StatementsCsvWriter.writeLines(job.result(), w)));
    written.add(text(dir.resolve("rejects.csv"), w -> Rejects.writeTable(job.malformed(), rejected, w)));
    written.addAll(Rejects.writeRaw(job, rejected, dir.resolve("rejects")));
    written.add(text(dir.resolve("summary.txt"), w -> w.write(summary)));
    written.addAll(Reports.write(Reports.model(job, rejected, audit, preview, finalized), details, dir, t));
    t.clearProgress();
    return written;
  }

  /**
   * Removes the regular files directly in {@code dir} whose names end with {@code suffix} (every file for
   * an empty suffix): the outputs of an earlier run, so that a directory written again holds only this
   * run's outputs. Nothing happens when {@code dir} does not exist; subdirectories are left alone.
   *
   * @throws IOException if a file cannot be removed
   */
  static void clear(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().endsWith(suffix)) {
          stale.add(p);
        }
      }
    }
    for (Path p : stale) {
      Files.delete(p);
    }
  }

  /** Writes a UTF-8 text file. */
  static Path text(Path file, Content content) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      content.write(w);
    }
    return file;
  }
}
