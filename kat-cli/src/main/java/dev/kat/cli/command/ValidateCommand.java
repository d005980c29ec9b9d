package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.engine.PriorState;
import dev.kat.rules.codec.FileProblem;
import dev.kat.rules.codec.MalformedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code kat validate}: checks the policy and every contribution row, changing nothing. */
final class ValidateCommand implements Command {

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "check the policy and every contribution row; list every problem";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Checks the first steps of the monthly workflow: the policy against the cohort framework (every
        violation with its JSON path), every contribution row (file, line, column or field, reason) and
        the admission of every record under the policy (unknown category or role, missing evidence,
        self-review, duplicates, records outside the cycle ...), and the form of every line of the review
        file (<dao-dir>/review.csv, when there is one). Writes nothing.

        Exit status 0 when everything is clean, 3 when anything is not.""";
  }

  @Override
  public List<Option> options() {
    return DaoInputs.options();
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    DaoInputs in = DaoInputs.resolve(args.positional(0, "<dao-dir>"), args, t);
    CycleJob.JobResult job = CycleJob.run(in, PriorState.empty(), t);
    List<LocatedRejection> rejected = Rejects.locate(job, t);
    List<String> lines = problems(job, rejected);
    try {
      Review.read(in.review(), job.cycle().id());
    } catch (InputException e) {
      lines.addAll(e.problems());
    }
    t.out().println("policy " + in.policy() + ": ok" + (in.framework() == null ? "" : " (within " + in.framework() + ")"));
    t.out().println(String.format(Locale.ROOT, "cycle %s: %d rows read = %d admissible + %d rejected by admission + %d malformed",
        job.cycle().id(), job.rowsRead(), job.result().acceptedCount(), rejected.size(), job.malformed().size()));
    if (lines.isEmpty()) {
      t.out().println("no problem found");
      return ExitCode.OK;
    }
    t.out().println(lines.size() + (lines.size() == 1 ? " problem:" : " problems:"));
    for (String l : lines) {
      t.out().println("  " + l);
    }
    return ExitCode.INVALID_INPUT;
  }

  /** Every problem of {@code job}, one line each: file problems, malformed rows, then rejected records. */
  static List<String> problems(CycleJob.JobResult job, List<LocatedRejection> rejected) {
    List<String> lines = new ArrayList<>();
    for (FileProblem p : job.fileProblems()) {
      lines.add(p.toString());
    }
    for (MalformedRow m : job.malformed()) {
      lines.add(m.toString());
    }
    for (LocatedRejection r : rejected) {
      lines.add(r.where() + ": " + r.rejection().record().id() + ": " + r.rejection().code() + ": "
          + r.rejection().message());
    }
    return lines;
  }
}
