package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.cycle.AuditReport;
import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.engine.PriorState;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.rules.policy.PolicyDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kat run}: the whole cycle on a DAO directory, with every output written. */
final class RunCommand implements Command {
  /** Inputs up to this size go through the cycle workflow (audit checklist); larger ones stream. */
  static final long WORKFLOW_LIMIT_BYTES = 64L << 20;

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "run a full cycle on a DAO directory: summary on screen, every output in --out";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Runs a whole recognition cycle on <dao-dir> (policy.json + contributions.csv or .jsonl): reads the
        policy and checks it against the cohort framework, compiles the record rules of the rule files
        (<dao-dir>/*.drl, docs/rules.md) into it, reads every contribution row (bad rows are
        reported with file, line and column and kept, never fatal), computes Credit, Karma and the exact
        KAT split (with a second pass for the credit changes of contributor, working-group and pair rules), prints a summary and writes into --out: result.json, contributors.csv, statements.csv,
        rejects.csv, rejects/<file> (the bad rows unchanged), summary.txt, report.html and a statement
        page per contributor under statements/. Nothing is written to a ledger (see finalize). Inputs up
        to 64 MiB go through the cycle workflow, so the report includes the audit checklist; larger inputs
        (or --stream) are streamed row by row into the engine without holding the records.

        Exit status 0 when the cycle ran, even if rows were rejected (they are all reported), unless
        --strict; 3 when the policy or a rule file has problems, an input is missing, or a file could not be read as a
        whole (empty, not UTF-8, unusable header).""";
  }

  @Override
  public List<Option> options() {
    List<Option> o = new ArrayList<>(DaoInputs.options());
    o.addAll(DaoRules.options());
    o.add(Option.value("out", "DIR", "where outputs are written (default: kat-out)"));
    o.add(Option.value("top", "N", "how many top contributors the summary lists (default: 10)"));
    o.add(Option.flag("strict", "exit with status 3 when any row is malformed or rejected"));
    o.add(Option.flag("quiet", "print nothing but problems: one line per file problem, malformed row and "
        + "rejected record"));
    o.add(Option.flag("no-details", "for very large cycles: no statement pages, no statements in result.json"));
    o.add(Option.flag("stream", "stream rows straight into the engine, without the workflow's audit checklist "
        + "(automatic above 64 MiB of input)"));
    return o;
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    DaoInputs in = DaoInputs.resolve(args.positional(0, "<dao-dir>"), args, t);
    int top = Numbers.positive(args, "top", 10);
    long bytes = 0;
    for (Path f : in.contributions()) {
      bytes += Files.size(f);
    }
    DaoRules.Applied rules = DaoRules.resolve(in, args, t).apply(in, CycleJob.loadPolicy(in));
    PolicyDocument doc = rules.document();
    CycleJob.JobResult job;
    AuditReport audit = null;
    if (args.has("stream") || bytes > WORKFLOW_LIMIT_BYTES) {
      job = CycleJob.run(in, doc, PriorState.empty(), rules.runner(), t);
    } else {
      CycleJob.Previewed p = CycleJob.preview(in, doc, CycleHistory.open(new InMemoryLedgerStore(), doc.policy(), rules.runner()), t);
      job = p.job();
      audit = p.preview().audit();
    }
    List<LocatedRejection> rejected = Rejects.locate(job, t);
    String summary = TextSummary.render(job, rejected, top) + rules.summary(job.result())
        + (audit == null ? "" : "  audit checklist: " + (audit.passed() ? "passes" : "FAILS: " + audit.failures()) + "\n");
    Path out = t.resolve(args.value("out", "kat-out"));
    List<Path> written = Outputs.writeAll(job, rejected, summary, audit, false, "", !args.has("no-details"), out, t);
    if (!args.has("quiet")) {
      t.out().print(summary);
      t.out().println("  outputs in " + out + ": " + names(out, written));
    } else {
      for (String line : ValidateCommand.problems(job, rejected)) {
        t.out().println(line);
      }
      if (audit != null && !audit.passed()) {
        t.out().println("audit checklist FAILS: " + audit.failures());
      }
    }
    if (!job.fileProblems().isEmpty()) {
      return ExitCode.INVALID_INPUT;
    }
    return args.has("strict") && !job.clean() ? ExitCode.INVALID_INPUT : ExitCode.OK;
  }

  static String names(Path dir, List<Path> files) {
    List<String> names = new ArrayList<>();
    int pages = 0;
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      if (rel.startsWith("statements/")) {
        pages++;
      } else {
        names.add(rel);
      }
    }
    if (pages > 0) {
      names.add("statements/ (" + pages + " pages)");
    }
    return String.join(", ", names);
  }
}
