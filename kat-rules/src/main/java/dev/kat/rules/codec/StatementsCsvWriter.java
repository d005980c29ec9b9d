package dev.kat.rules.codec;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Step;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a cycle's statements as CSV, in two tidy tables (documented in {@code docs/formats.md}):
 * contributors (one row per contributor: credit, karma, KAT) and statement lines (one row per accepted
 * record: its credit and every factor applied). Amounts are decimals with six fractional digits; rows are
 * in contributor and record id order, so identical results give identical bytes.
 */
public final class StatementsCsvWriter {
  private StatementsCsvWriter() {}

  /** The header of the contributors table. */
  public static final String CONTRIBUTORS_HEADER =
      "contributor,records,credit,externalCredit,karmaPrior,karmaDecayed,karmaGain,karmaPenalty,karmaAfter,weight,kat,flags";

  /** The header of the statement lines table. */
  public static final String LINES_HEADER = "contributor,record,category,rawCredit,credit,steps";

  /**
   * Writes the contributors table; does not close {@code out}.
   *
   * @throws IOException if writing fails
   */
  public static void writeContributors(CycleResult result, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.row(CONTRIBUTORS_HEADER.split(","));
    BatchView b = result.batch();
    long[] rowCredit = result.rowCredits();
    long[] external = new long[b.people()];
    int[] records = new int[b.people()];
    for (int r = 0; r < b.rows(); r++) {
      records[b.contributor(r)]++;
      if (result.policy().isExternal(b.roleId(b.role(r)))) {
        external[b.contributor(r)] += rowCredit[r];
      }
    }
    // the totals a statement gives, read from the result: a statement would explain every record
    for (String c : result.contributors()) {
      int p = b.personIndex(c);
      csv.field(c).field(p < 0 ? 0 : records[p]).field(Micros.text(result.credit(c)))
          .field(Micros.text(p < 0 ? 0 : external[p])).field(Micros.text(result.karmaPrior(c)))
          .field(Micros.text(result.karmaDecayed(c))).field(Micros.text(result.karmaGain(c)))
          .field(Micros.text(result.karmaPenalty(c))).field(Micros.text(result.karma(c)))
          .field(Micros.text(result.weight(c))).field(result.kat(c)).field(result.flagCount(c)).end();
    }
  }

  /**
   * Writes the statement lines table; does not close {@code out}. The steps column lists every factor
   * as {@code stage rule ×factor (reason)}, separated by {@code "; "}.
   *
   * @throws IOException if writing fails
   */
  public static void writeLines(CycleResult result, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.row(LINES_HEADER.split(","));
    for (String c : result.contributors()) {
      for (RecordLine line : result.statement(c).records()) {
        StringBuilder steps = new StringBuilder();
        for (Step s : line.creditSteps()) {
          steps.append(steps.length() == 0 ? "" : "; ").append(s);
        }
        for (Step s : line.laterSteps()) {
          steps.append("; ").append(s);
        }
        csv.field(c).field(line.recordId()).field(line.category()).field(Micros.text(line.rawCredit()))
            .field(Micros.text(line.credit())).field(steps.toString()).end();
      }
    }
  }
}
