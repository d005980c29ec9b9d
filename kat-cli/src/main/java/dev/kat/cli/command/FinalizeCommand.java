package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.cycle.AuditFailedException;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerException;
import dev.kat.rules.policy.PolicyDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kat finalize}: the audit checklist, then the cycle appended to the ledger for good. */
final class FinalizeCommand implements Command {

  @Override
  public String name() {
    return "finalize";
  }

  @Override
  public String summary() {
    return "run the audit checklist and append the cycle to the ledger, for good";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Computes the cycle as preview does, runs the audit checklist (every held record resolved, totals
        equal the budget, exceptions explained, corrections resolved, hash chain intact) and, only if every
        check passes, appends the cycle to the ledger (--ledger, default <dao-dir>/ledger.kat) with its
        content hash chained to the previous cycle's. A finalized cycle never changes: corrections arrive
        as new records in a later cycle. The ledger is locked while this runs; a second writer is refused.
        Writes the outputs of the finalized cycle into --out. The month's disputes and exceptions in
        <dao-dir>/review.csv apply, and those given as options are added to it, as in preview.

        Exit status 0 when finalized; 4 when the audit checklist fails (nothing is written to the
        ledger); 3 for invalid input, including a month that is not after the last finalized one (a
        finalized month is never finalized again); 5 when the ledger is locked, broken or cannot be written.""";
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
    try (Ledger ledger = Ledger.open(file, doc.policy(), rules.runner())) {
      CycleJob.Previewed p = CycleJob.preview(in, doc, ledger.history(), review, t);
      if (!p.job().fileProblems().isEmpty()) {
        throw new InputException("not finalizing: an input file could not be read",
            p.job().fileProblems().stream().map(Object::toString).toList());
      }
      int recorded = Review.record(in.review(), p.job().cycle().id(), review);
      if (recorded > 0) {
        t.err().println("kat finalize: " + recorded + (recorded == 1 ? " dispute or exception" : " disputes and exceptions")
            + " added to " + in.review());
      }
      LedgerEntry entry;
      try {
        entry = p.workflow().finalizeCycle();
      } catch (AuditFailedException e) {
        t.err().println("kat finalize: the audit checklist fails; cycle " + p.job().cycle().id() + " was not finalized");
        t.err().print(PreviewCommand.indent(e.report().render()));
        return ExitCode.AUDIT_FAILED;
      } catch (LedgerException e) {
        throw new Ledger.LedgerProblem("cannot write the ledger " + file + ": " + e.getMessage(), List.of());
      }
      List<LocatedRejection> rejected = Rejects.locate(p.job(), t);
      String text = TextSummary.render(p.job(), rejected, top) + rules.summary(p.job().result())
          + "finalized: cycle " + entry.cycleId() + " is ledger entry " + entry.index() + " of " + file + "\n"
          + "  entry hash " + entry.hash() + " (previous " + entry.previousHash() + ")\n";
      Path out = t.resolve(args.value("out", "kat-out"));
      List<Path> written = Outputs.writeAll(p.job(), rejected, text, p.preview().audit(), false, Ledger.note(entry, file), true, out, t);
      t.out().print(text);
      t.out().println("  outputs in " + out + ": " + RunCommand.names(out, written));
      return ExitCode.OK;
    }
  }
}
