package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.cycle.ResultDiff;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.rules.policy.PolicyDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kat preview}: the cycle computed on top of the ledger, with differences and the audit checklist. */
final class PreviewCommand implements Command {
  private static final int DIFF_LINES = 40;

  @Override
  public String name() {
    return "preview";
  }

  @Override
  public String summary() {
    return "compute the cycle on top of the ledger without committing it; differences and audit checklist";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Computes the cycle on top of the DAO's ledger (--ledger, default <dao-dir>/ledger.kat; karma and
        evidence carry over from the last finalized cycle) without committing anything. Prints the summary,
        what differs from the previous finalized cycle per contributor, and the audit checklist that
        finalize will run; writes the outputs, marked as a preview, into --out. Disputes and exceptions
        (--dispute, --release, --void, --grant, --deduct) are applied during review and, once they apply,
        kept in <dao-dir>/review.csv (--review FILE) with the cycle's month, so a hold stays until it is
        released or voided; the lines already there for the month are applied first (docs/cli.md).

        Exit status 0 when the preview was computed (even if the checklist would fail: the summary says
        so), 3 for invalid input, 5 when the ledger is locked, broken or cannot be replayed.""";
  }

  @Override
  public List<Option> options() {
    List<Option> o = new ArrayList<>(CycleSource.options());
    o.addAll(Review.options());
    o.add(Option.value("out", "DIR", "where outputs are written (default: kat-out)"));
    o.add(Option.value("top", "N", "how many top contributors the summary lists (default: 10)"));
    return o;
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    DaoInputs in = DaoInputs.resolve(args.positional(0, "<dao-dir>"), args, t);
    int top = Numbers.positive(args, "top", 10);
    List<Review.Item> review = Review.fromArgs(args);
    DaoRules.Applied rules = DaoRules.resolve(in, args, t).apply(in, CycleJob.loadPolicy(in));
    PolicyDocument doc = rules.document();
    Path file = Ledger.file(args, in, t);
    CycleJob.Previewed p;
    if (Files.exists(file)) {
      try (Ledger ledger = Ledger.open(file, doc.policy(), rules.runner())) {
        p = CycleJob.preview(in, doc, ledger.history(), review, t);
      }
    } else {
      p = CycleJob.preview(in, doc, CycleHistory.open(new InMemoryLedgerStore(), doc.policy(), rules.runner()),
          review, t);
    }
    int recorded = Review.record(in.review(), p.job().cycle().id(), review);
    List<LocatedRejection> rejected = Rejects.locate(p.job(), t);
    StringBuilder text = new StringBuilder("PREVIEW (not finalized) — ");
    text.append(TextSummary.render(p.job(), rejected, top)).append(rules.summary(p.job().result()));
    ResultDiff diff = p.preview().sincePreviousCycle();
    if (Files.exists(file)) {
      text.append("differences from the previous finalized cycle (").append(diff.changes().size())
          .append(" contributors):\n");
      String[] lines = (diff.isEmpty() ? "none" : diff.render()).split("\n");
      for (int i = 0; i < Math.min(DIFF_LINES, lines.length); i++) {
        text.append("    ").append(lines[i]).append('\n');
      }
      if (lines.length > DIFF_LINES) {
        text.append("    … ").append(lines.length - DIFF_LINES).append(" more lines\n");
      }
    } else {
      text.append("no cycle is finalized yet (no ledger at ").append(file).append("): every contributor is new\n");
    }
    if (recorded > 0) {
      text.append("review: ").append(recorded).append(recorded == 1 ? " dispute or exception" : " disputes and exceptions")
          .append(" added to ").append(in.review()).append(" (kept until finalized)\n");
    }
    text.append("audit checklist:\n").append(indent(p.preview().audit().render()));
    text.append(p.preview().audit().passed() ? "  finalize would pass the checklist\n"
        : "  finalize would FAIL the checklist (exit status 4)\n");
    Path out = t.resolve(args.value("out", "kat-out"));
    List<Path> written = Outputs.writeAll(p.job(), rejected, text.toString(), p.preview().audit(), true, "", true, out, t);
    t.out().print(text);
    t.out().println("  outputs in " + out + ": " + RunCommand.names(out, written));
    return p.job().fileProblems().isEmpty() ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }

  static String indent(String s) {
    StringBuilder sb = new StringBuilder();
    for (String line : s.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("    ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
