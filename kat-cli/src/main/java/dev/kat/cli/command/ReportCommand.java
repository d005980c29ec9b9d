package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kat report}: the HTML report and statement pages of a cycle. */
final class ReportCommand implements Command {

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "write the HTML cycle report and a statement page per contributor";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Writes report.html (KAT by contributor, Lorenz curve and Gini, credit by category, working group
        and role, goals, external collaborators, flags and held records, audit checklist, rejected rows,
        the cycle hash) and statements/<contributor>.html into --out. Self-contained files: no script,
        font or network access; readable on a phone and printable. Shows the finalized cycle when the
        ledger holds the month (naming its ledger entry and hash), otherwise a preview.

        Exit status 0 when the report was written, 3 for invalid input (or when an input file could not
        be read as a whole; the report is still written), 5 when the ledger is locked, broken or cannot be
        replayed, 6 when the report cannot be written.""";
  }

  @Override
  public List<Option> options() {
    List<Option> o = new ArrayList<>(CycleSource.options());
    o.add(Option.value("out", "DIR", "where the report is written (default: kat-out)"));
    return o;
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    DaoInputs in = DaoInputs.resolve(args.positional(0, "<dao-dir>"), args, t);
    CycleSource.Shown shown = CycleSource.show(args, in, t);
    Path out = t.resolve(args.value("out", "kat-out"));
    Files.createDirectories(out);
    List<Path> written = Reports.write(Reports.model(shown.job(), shown.rejected(), shown.audit(), !shown.finalized(),
        shown.finalizedAs()),
        out, t);
    t.out().println((shown.finalized() ? "finalized" : "preview of") + " cycle " + shown.job().cycle().id()
        + (shown.finalized() ? " (" + shown.finalizedAs() + ")" : "") + ": " + RunCommand.names(out, written)
        + " in " + out);
    return shown.job().fileProblems().isEmpty() ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }
}
