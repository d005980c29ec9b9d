package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.PriorState;
import dev.kat.core.metrics.Concentration;
import dev.kat.rules.codec.CsvWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** {@code kat compare}: DAOs side by side on the measures the cohort shares. */
final class CompareCommand implements Command {

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String summary() {
    return "compare DAOs side by side: participation, credit mix, fairness of the KAT split";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir> <dao-dir>...";
  }

  @Override
  public String description() {
    return """
        Runs the cycle of each DAO directory (as run does, without a ledger) and prints them side by side:
        rows read, accepted, rejected and malformed; contributors; credit and the share earned in external
        roles; the KAT budget; Gini, Nakamoto coefficient (how many hold half) and HHI of the KAT split;
        and the share of credit per category. Because every DAO's policy sits within the same cohort
        framework, the measures are comparable. --csv FILE writes them as tidy CSV (dao, cycle, metric,
        value).

        Options apply to every DAO; --policy and --contributions, which name one DAO's files, are not
        offered: each DAO directory holds its own.

        Exit status 0 when every cycle ran, 3 when a policy has problems, an input is missing or a file
        could not be read as a whole, 6 when --csv cannot be written.""";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("cycle", "YYYY-MM", "the month for every DAO (default: each DAO's busiest month)"),
        Option.value("framework", "FILE", "the cohort framework to check every policy against "
            + "(default: framework.json in each <dao-dir> or its parent)"),
        Option.flag("no-framework", "do not check the policies against a framework"),
        Option.value("max-row-bytes", "N", "rows longer than N bytes are malformed (default: 1048576)"),
        Option.value("csv", "FILE", "also write the comparison as tidy CSV"));
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    if (args.positional().size() < 2) {
      throw new UsageException("give at least two DAO directories");
    }
    List<String> names = new ArrayList<>();
    List<Map<String, String>> columns = new ArrayList<>();
    TreeSet<String> categories = new TreeSet<>();
    List<CycleResult> results = new ArrayList<>();
    boolean clean = true;
    for (String dir : args.positional()) {
      DaoInputs in = DaoInputs.resolve(dir, args, t);
      CycleJob.JobResult job = CycleJob.run(in, PriorState.empty(), t);
      clean &= job.fileProblems().isEmpty();
      CycleResult r = job.result();
      results.add(r);
      categories.addAll(r.creditByCategory().keySet());
      long[] kats = r.allocations().values().stream().mapToLong(Long::longValue).toArray();
      Map<String, String> m = new LinkedHashMap<>();
      m.put("cycle", r.cycle().id());
      m.put("policy", r.policy().id());
      m.put("rows read", Long.toString(job.rowsRead()));
      m.put("accepted", Long.toString(r.acceptedCount()));
      m.put("rejected", Long.toString(r.rejections().size()));
      m.put("malformed", Long.toString(job.malformed().size()));
      m.put("contributors", Long.toString(r.contributors().size()));
      m.put("credit", TextSummary.amount(r.totalCredit()));
      m.put("external credit", TextSummary.percent(r.externalCredit(), r.totalCredit()));
      m.put("KAT budget", Long.toString(r.budget()));
      m.put("KAT allocated", Long.toString(r.allocated()));
      m.put("Gini", String.format(Locale.ROOT, "%.3f", Concentration.gini(kats)));
      m.put("Nakamoto (50%)", Integer.toString(Concentration.nakamoto(0.5, kats)));
      m.put("HHI", String.format(Locale.ROOT, "%.0f", Concentration.hhi(kats)));
      m.put("flags", Integer.toString(r.flags().size()));
      m.put("held", Integer.toString(r.held().size()));
      names.add(r.policy().dao().isEmpty() ? Path.of(dir).getFileName().toString() : r.policy().dao());
      columns.add(m);
    }
    for (int i = 0; i < results.size(); i++) {
      CycleResult r = results.get(i);
      for (String c : categories) {
        if (!r.policy().categories().containsKey(c)) {
          continue; // not a category of this DAO: shown as "-", not as 0.0%
        }
        columns.get(i).put("credit: " + c, TextSummary.percent(r.creditByCategory().getOrDefault(c, 0L), r.totalCredit()));
      }
    }
    List<String> metrics = new ArrayList<>(columns.get(0).keySet());
    for (Map<String, String> col : columns) {
      for (String k : col.keySet()) {
        if (!metrics.contains(k)) {
          metrics.add(k);
        }
      }
    }
    int width = 34;
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(22, names.get(i).length());
      for (String v : columns.get(i).values()) {
        widths[i] = Math.max(widths[i], v.length());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-" + width + "s", "measure"));
    for (int i = 0; i < names.size(); i++) {
      sb.append(String.format(Locale.ROOT, " %" + widths[i] + "s", names.get(i)));
    }
    sb.append('\n');
    for (String k : metrics) {
      sb.append(String.format(Locale.ROOT, "%-" + width + "s", k.length() > width ? k.substring(0, width) : k));
      for (int i = 0; i < columns.size(); i++) {
        sb.append(String.format(Locale.ROOT, " %" + widths[i] + "s", columns.get(i).getOrDefault(k, "-")));
      }
      sb.append('\n');
    }
    t.out().print(sb);
    if (args.has("csv")) {
      Path csv = t.resolve(args.value("csv", null));
      try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        CsvWriter out = new CsvWriter(w);
        out.row("dao", "cycle", "metric", "value");
        for (int i = 0; i < names.size(); i++) {
          for (Map.Entry<String, String> e : columns.get(i).entrySet()) {
            if (!e.getKey().equals("cycle")) {
              out.row(names.get(i), columns.get(i).get("cycle"), e.getKey(), e.getValue());
            }
          }
        }
      }
      t.out().println("comparison written to " + csv);
    }
    return clean ? ExitCode.OK : ExitCode.INVALID_INPUT;
  }
}
