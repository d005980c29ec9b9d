package dev.kat.cli.command;

import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.metrics.Concentration;
import dev.kat.rules.codec.FileProblem;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.Micros;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plain-text summary of a cycle that the command prints: the same bytes in every locale. */
public final class TextSummary {
  /** How many rejected or malformed rows are listed before "and N more". */
  public static final int LIST_LIMIT = 50;

  private TextSummary() {}

  /** Renders the summary of {@code job} with the {@code top} contributors by KAT. */
  public static String render(CycleJob.JobResult job, List<LocatedRejection> rejected, int top) {
    CycleResult r = job.result();
    StringBuilder sb = new StringBuilder();
    sb.append("Cycle ").append(r.cycle().id());
    if (job.cycleInferred()) {
      sb.append(" (the month most records fall in; --cycle sets it)");
    }
    sb.append(" of ").append(r.policy().dao().isEmpty() ? "the DAO" : r.policy().dao())
        .append(", policy ").append(r.policy().id()).append('\n');
    sb.append(String.format(Locale.ROOT, "  rows read:  %d = %d accepted + %d rejected by admission + %d malformed\n",
        job.rowsRead(), r.acceptedCount(), r.rejections().size(), job.malformed().size()));
    long total = r.totalCredit();
    sb.append("  credit:     ").append(amount(total)).append(" total, ").append(amount(r.externalCredit()))
        .append(" (").append(percent(r.externalCredit(), total)).append(") earned in external roles\n");
    long[] kats = new long[r.contributors().size()];
    int i = 0;
    for (long k : r.allocations().values()) {
      kats[i++] = k;
    }
    sb.append(String.format(Locale.ROOT, "  KAT:        %d of %d allocated among %d contributors; Gini %.3f\n",
        r.allocated(), r.budget(), r.contributors().size(), Concentration.gini(kats)));
    if (r.unallocated() > 0) {
      sb.append("              ").append(r.unallocated()).append(" unallocated: no contributor had credit\n");
    }
    sb.append("  guardrails: ").append(r.flags().size()).append(" flags, ").append(r.held().size())
        .append(" records held for review");
    Map<String, Integer> byDetector = new java.util.TreeMap<>();
    for (dev.kat.core.guard.Flag f : r.flags()) {
      byDetector.merge(f.detector(), 1, Integer::sum);
    }
    if (!byDetector.isEmpty()) {
      List<String> parts = new ArrayList<>();
      byDetector.forEach((k, v) -> parts.add(k + " " + v));
      sb.append(" (").append(String.join(", ", parts)).append(')');
    }
    sb.append('\n');
    sb.append("  credit by category:\n");
    for (Map.Entry<String, Long> e : r.creditByCategory().entrySet()) {
      sb.append(String.format(Locale.ROOT, "    %-26s %12s  %6s\n", e.getKey(), amount(e.getValue()),
          percent(e.getValue(), total)));
    }
    List<String> order = new ArrayList<>(r.contributors());
    Map<String, Long> alloc = r.allocations();
    order.sort((a, b) -> {
      int c = Long.compare(alloc.get(b), alloc.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    sb.append("  top contributors:\n");
    sb.append(String.format(Locale.ROOT, "    %-24s %8s %12s %12s\n", "contributor", "KAT", "credit", "karma"));
    for (int j = 0; j < Math.min(top, order.size()); j++) {
      String c = order.get(j);
      sb.append(String.format(Locale.ROOT, "    %-24s %8d %12s %12s\n", c, alloc.get(c), amount(r.credit(c)),
          amount(r.karma(c))));
    }
    if (!rejected.isEmpty()) {
      sb.append("  rejected by admission (").append(rejected.size()).append("):\n");
      for (int j = 0; j < Math.min(LIST_LIMIT, rejected.size()); j++) {
        LocatedRejection x = rejected.get(j);
        sb.append("    ").append(x.where()).append(": ").append(x.rejection().record().id()).append(' ')
            .append(x.rejection().code()).append(": ").append(x.rejection().message()).append('\n');
      }
      more(sb, rejected.size());
    }
    if (!job.malformed().isEmpty()) {
      sb.append("  malformed rows (").append(job.malformed().size()).append("):\n");
      for (int j = 0; j < Math.min(LIST_LIMIT, job.malformed().size()); j++) {
        MalformedRow m = job.malformed().get(j);
        sb.append("    ").append(m).append('\n');
      }
      more(sb, job.malformed().size());
    }
    List<FileProblem> fp = job.fileProblems();
    if (!fp.isEmpty()) {
      sb.append("  file problems (").append(fp.size()).append("):\n");
      for (FileProblem p : fp) {
        sb.append("    ").append(p).append('\n');
      }
    }
    sb.append("  content hash: ").append(r.contentHash()).append('\n');
    return sb.toString();
  }

  private static void more(StringBuilder sb, int n) {
    if (n > LIST_LIMIT) {
      sb.append("    … and ").append(n - LIST_LIMIT).append(" more (all are in rejects.csv)\n");
    }
  }

  /** Micro-units with two decimals. */
  static String amount(long micros) {
    return Micros.decimal(micros).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code part} as a percentage of {@code whole} with one decimal. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "0.0%";
    }
    return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
