package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.cli.report.HtmlReport;
import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.engine.CycleResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kat explain}: one contributor's statement, "why did I get this?". */
final class ExplainCommand implements Command {

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "explain one contributor's KAT: every record, factor, cap and flag";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir> <contributor>";
  }

  @Override
  public String description() {
    return """
        Prints the statement of <contributor> for the cycle: each accepted record with every factor applied
        to it (base credit, quantity, modifiers, rules, role weight, review quality, guardrails, caps), the
        records of theirs that were rejected and why, karma before and after, and the KAT received. The
        figures recompute to the totals. Shows the finalized cycle when the ledger holds the month,
        otherwise a preview. --html FILE also writes the statement page.

        Exit status 0, or 3 when the contributor is not part of the cycle.""";
  }

  @Override
  public List<Option> options() {
    List<Option> o = new ArrayList<>(CycleSource.options());
    o.add(Option.value("html", "FILE", "also write the statement page to FILE"));
    return o;
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(2);
    String dir = args.positional(0, "<dao-dir>");
    String who = args.positional(1, "<contributor>");
    DaoInputs in = DaoInputs.resolve(dir, args, t);
    CycleSource.Shown shown = CycleSource.show(args, in, t);
    CycleResult r = shown.job().result();
    List<String> mine = new ArrayList<>();
    for (LocatedRejection x : shown.rejected()) {
      if (x.rejection().record().contributor().equals(who)) {
        mine.add(x.where() + ": " + x.rejection().record().id() + " " + x.rejection().code() + ": "
            + x.rejection().message());
      }
    }
    if (!r.has(who)) {
      List<String> hints = new ArrayList<>(mine);
      hints.add(r.contributors().size() + " contributors are part of it; `kat run` lists them in contributors.csv");
      throw new InputException("'" + who + "' is not part of cycle " + r.cycle().id()
          + (mine.isEmpty() ? "" : " (every record of theirs was rejected)"), hints);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Cycle ").append(r.cycle().id()).append(shown.finalized() ? " (finalized: " + shown.finalizedAs() + ")" : " (preview, not finalized)")
        .append(", policy ").append(r.policy().id()).append('\n');
    sb.append(r.statement(who).render());
    sb.append(shown.rules().contributorLines(r, who));
    sb.append("  KAT share: ").append(r.kat(who)).append(" of ").append(r.budget()).append('\n');
    if (!r.privileges(who).isEmpty()) {
      sb.append("  privileges: ").append(String.join(", ", r.privileges(who))).append('\n');
    }
    if (!mine.isEmpty()) {
      sb.append("  records not accepted:\n");
      for (String m : mine) {
        sb.append("    ").append(m).append('\n');
      }
    }
    t.out().print(sb);
    if (args.has("html")) {
      Path page = t.resolve(args.value("html", null));
      Path parent = page.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(page, HtmlReport.statement(Reports.model(shown.job(), shown.rejected(), shown.audit(),
          !shown.finalized(), shown.finalizedAs()), who, "report.html"), StandardCharsets.UTF_8);
      t.out().println("  statement page: " + page);
    }
    return ExitCode.OK;
  }
}
