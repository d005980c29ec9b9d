package dev.kat.cli.command;

import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.cycle.AuditReport;
import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.core.model.Contribution;
import dev.kat.rules.codec.ContributionSink;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.ReadSummary;
import dev.kat.rules.codec.RowLocation;
import dev.kat.rules.policy.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cycle the read-only commands (explain, report) show: the finalized result when the ledger holds
 * the month, otherwise a preview on top of the ledger's history (or of no history).
 */
final class CycleSource {
  private CycleSource() {}

  /**
   * A cycle to show.
   *
   * @param job the result and what was read
   * @param rejected the rejected records with their rows
   * @param audit the audit checklist, or null for a finalized cycle (it passed when it was finalized)
   * @param finalizedAs where the finalized cycle is kept (ledger entry and hash), empty for a preview
   * @param rules the rule files the cycle was computed with
   */
  record Shown(CycleJob.JobResult job, List<LocatedRejection> rejected, AuditReport audit, String finalizedAs,
      DaoRules.Applied rules) {

    /** Whether the result comes from the ledger. */
    boolean finalized() {
      return !finalizedAs.isEmpty();
    }
  }

  /** The options of the commands that show a cycle. */
  static List<Option> options() {
    List<Option> o = new ArrayList<>(DaoInputs.options());
    o.addAll(DaoRules.options());
    o.add(Ledger.option());
    return o;
  }

  static Shown show(Args args, DaoInputs in, Terminal t) throws Exception {
    DaoRules.Applied rules = DaoRules.resolve(in, args, t).apply(in, CycleJob.loadPolicy(in));
    PolicyDocument doc = rules.document();
    Path file = Ledger.file(args, in, t);
    if (!Files.exists(file)) {
      CycleHistory none = CycleHistory.open(new InMemoryLedgerStore(), doc.policy(), rules.runner());
      CycleJob.Previewed p = CycleJob.preview(in, doc, none, t);
      return new Shown(p.job(), Rejects.locate(p.job(), t), p.preview().audit(), "", rules);
    }
    try (Ledger ledger = Ledger.open(file, doc.policy(), rules.runner())) {
      YearMonth month = in.month() != null ? in.month() : CycleJob.inferMonth(in, t);
      DaoInputs fixed = in.withMonth(month);
      List<CycleResult> results = ledger.history().results();
      Optional<CycleResult> done = Optional.empty();
      String note = "";
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).cycle().id().equals(month.toString())) {
          done = Optional.of(results.get(i));
          note = Ledger.note(ledger.history().entries().get(i), file);
        }
      }
      if (done.isPresent()) {
        List<MalformedRow> malformed = new ArrayList<>();
        List<ReadSummary> reads = new ArrayList<>();
        for (Path f : fixed.contributions()) {
          reads.add(CycleJob.read(fixed, f, t, new ContributionSink() {
            @Override
            public void accept(Contribution record, RowLocation location) {
              // the finalized result already holds the records
            }

            @Override
            public void malformed(MalformedRow row) {
              malformed.add(row);
            }
          }));
        }
        t.clearProgress();
        CycleJob.JobResult job = new CycleJob.JobResult(fixed, doc, done.get().cycle(), in.month() == null, done.get(),
            reads, malformed);
        return new Shown(job, Rejects.locate(job, t), null, note, rules);
      }
      CycleJob.Previewed p = CycleJob.preview(fixed, doc, ledger.history(), t);
      return new Shown(p.job(), Rejects.locate(p.job(), t), p.preview().audit(), "", rules);
    }
  }
}
