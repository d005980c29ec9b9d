package dev.kat.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kat.bench.BenchData;
import dev.kat.bench.BenchFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns one run's results (JMH JSON files and the {@link Footprint} measurements) into the Markdown results
 * section of {@code docs/benchmarks.md}: targets, timings with medians and errors, ns per record per size,
 * baseline ratios and memory.
 *
 * <pre>
 *   java -cp kat-bench/target/benchmarks.jar dev.kat.bench.report.BenchmarkReport \
 *       docs/benchmarks docs/benchmarks.md key=value...
 * </pre>
 *
 * <p>The first argument is the directory holding {@code jmh-*.json}, {@code resident.json} and
 * {@code heap-2g.json}; the second the Markdown file whose section between {@link #BEGIN} and {@link #END}
 * is replaced; the rest are {@code key=value} facts about the run (mode, date, machine, load) printed in
 * the header. Missing files leave their tables out and mark their targets "not measured".
 */
public final class BenchmarkReport {
  /** The line that opens the generated section. */
  public static final String BEGIN = "<!-- BEGIN GENERATED RESULTS: bench/run.sh rewrites this section -->";
  /** The line that closes the generated section. */
  public static final String END = "<!-- END GENERATED RESULTS -->";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Score> scores = new ArrayList<>();
  private final List<JsonNode> resident = new ArrayList<>();
  private final List<JsonNode> heap = new ArrayList<>();
  private final Map<String, String> facts = new TreeMap<>();
  private String jvm = "";

  private BenchmarkReport() {}

  /** Reads the results in {@code dir} and rewrites the generated section of {@code doc}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: BenchmarkReport <results dir> <markdown file> [key=value]...");
      System.exit(2);
      return;
    }
    Map<String, String> facts = new TreeMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("fact (" + args[i] + ") must be key=value");
      }
      facts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    Path doc = Path.of(args[1]);
    String section = read(Path.of(args[0]), facts).markdown();
    String old = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    Files.writeString(doc, splice(old, section), StandardCharsets.UTF_8);
  }

  /** Reads every result file of {@code dir}. */
  static BenchmarkReport read(Path dir, Map<String, String> facts) {
    BenchmarkReport r = new BenchmarkReport();
    r.facts.putAll(facts);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json")) {
          for (JsonNode b : JSON.readTree(p.toFile())) {
            r.scores.add(Score.of(b));
            r.jvm = b.path("vmName").asText() + " " + b.path("vmVersion").asText() + ", JMH "
                + b.path("jmhVersion").asText();
          }
        } else if (name.equals("resident.json")) {
          JSON.readTree(p.toFile()).forEach(r.resident::add);
        } else if (name.equals("heap-2g.json")) {
          JSON.readTree(p.toFile()).forEach(r.heap::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  /** Replaces the generated section of {@code doc} with {@code section} (appends it if absent). */
  static String splice(String doc, String section) {
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    String block = BEGIN + "\n" + section + END;
    if (b < 0 || e < b) {
      return doc + (doc.isEmpty() || doc.endsWith("\n") ? "" : "\n") + "\n" + block + "\n";
    }
    return doc.substring(0, b) + block + doc.substring(e + END.length());
  }

  /** One benchmark method at one size. */
  record Score(String benchmark, long records, double median, double error, double mean, double cpu,
      String unit, int samples, double recordsPerSecond) {

    static Score of(JsonNode b) {
      String full = b.path("benchmark").asText();
      String name = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
      JsonNode params = b.path("params");
      long records = params.path("records").asLong(0);
      StringBuilder label = new StringBuilder(name);
      params.fieldNames().forEachRemaining(k -> {
        if (!k.equals("records")) {
          label.append(label.length() == name.length() ? " (" : ", ").append(k).append('=')
              .append(params.path(k).asText());
        }
      });
      if (label.length() > name.length()) {
        label.append(')');
      }
      JsonNode pm = b.path("primaryMetric");
      JsonNode cpu = b.path("secondaryMetrics").path("cpu.time/op");
      double cpuMedian = cpu.isMissingNode() ? Double.NaN : cpu.path("scorePercentiles").path("50.0").asDouble();
      int samples = 0;
      for (JsonNode fork : pm.path("rawData")) {
        samples += fork.size();
      }
      JsonNode counted = b.path("secondaryMetrics").path("records");
      return new Score(label.toString(), records, pm.path("scorePercentiles").path("50.0").asDouble(),
          pm.path("scoreError").asDouble(Double.NaN), pm.path("score").asDouble(), cpuMedian,
          pm.path("scoreUnit").asText(), samples,
          counted.isMissingNode() ? Double.NaN : counted.path("scorePercentiles").path("50.0").asDouble());
    }

    /** Milliseconds per operation by CPU time when measured, else by wall time. */
    double costMillis() {
      return Double.isNaN(cpu) ? median : cpu;
    }
  }

  private Score find(String benchmark, long records) {
    for (Score s : scores) {
      if (s.benchmark.equals(benchmark) && s.records == records) {
        return s;
      }
    }
    return null;
  }

  /** The generated Markdown section. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("## Latest results (").append(facts.getOrDefault("mode", "?")).append(" mode, ")
        .append(facts.getOrDefault("date", "date not given")).append(")\n\n");
    sb.append("- Machine: ").append(facts.getOrDefault("cpus", "?")).append(" CPUs (")
        .append(facts.getOrDefault("cpu", "?")).append("), ").append(facts.getOrDefault("memory", "?"))
        .append(" memory; load average at start ").append(facts.getOrDefault("load", "?"))
        .append(" (the machine is shared with other jobs, so wall-clock times are noisy).\n");
    sb.append("- JVM: ").append(jvm.isEmpty() ? facts.getOrDefault("java", "?") : jvm).append("; forks run with ")
        .append(facts.getOrDefault("heap", "-Xms2g -Xmx2g")).append(".\n");
    sb.append("- Settings: ").append(facts.getOrDefault("settings", "as annotated")).append(".\n\n");
    targets(sb);
    timings(sb);
    ingestion(sb);
    simulation(sb);
    rules(sb);
    baselines(sb);
    memory(sb);
    return sb.toString();
  }

  private void targets(StringBuilder sb) {
    sb.append("### Targets\n\n| target | measured | met? |\n| --- | --- | --- |\n");
    Score credit = find("CreditBenchmark.credit", 1_000_000);
    // Large batches' credit stage runs on both cores, so wall-clock throughput is the target's measure;
    // CPU time (both threads together) is shown next to it.
    row(sb, "credit stage ≥ 50 M records/s (1 M records)", credit == null ? null
        : String.format(Locale.ROOT, "%.1f M records/s wall median (both cores); %.1f M records/s of CPU time",
            1e6 / credit.median / 1e3, 1e6 / credit.costMillis() / 1e3),
        credit == null ? null : 1e6 / credit.median / 1e3 >= 50);
    Score cycle = find("CycleBenchmark.cycle", 1_000_000);
    row(sb, "full cycle with every guardrail on, 1 M records ≤ 1 s",
        cycle == null ? null : String.format(Locale.ROOT, "%.3f s wall median, %.3f s CPU", cycle.median / 1e3,
            cycle.cpu / 1e3), cycle == null ? null : cycle.median <= 1000);
    JsonNode ten = null;
    JsonNode largest = null;
    for (JsonNode h : heap) {
      if (h.path("ok").asBoolean()) {
        if (largest == null || h.path("records").asLong() > largest.path("records").asLong()) {
          largest = h;
        }
        if (h.path("records").asLong() == 10_000_000) {
          ten = h;
        }
      }
    }
    String tenText = ten != null
        ? String.format(Locale.ROOT, "%.1f s wall, %.1f s CPU (the cycle, median of three after a warm-up; the "
            + "content hash %.1f s more; admission %.1f s)", ten.path("cycleSeconds").asDouble(), ten.path("cycleCpuSeconds").asDouble(),
            ten.path("hashSeconds").asDouble(), ten.path("admitSeconds").asDouble())
        : largest != null ? String.format(Locale.ROOT, "does not fit; largest cycle in 2 GiB: %,d records",
            largest.path("records").asLong()) : null;
    Boolean tenMet = null;
    if (ten != null) {
      tenMet = ten.path("cycleSeconds").asDouble() <= 12;
    } else if (largest != null) {
      tenMet = Boolean.FALSE;
    }
    row(sb, "full cycle, 10 M records ≤ 12 s in -Xmx2g", tenText, tenMet);
    JsonNode mem = resident.isEmpty() ? null : resident.get(resident.size() - 1);
    row(sb, "≤ 64 bytes per record resident in the batch form", mem == null ? null
        : String.format(Locale.ROOT, "%.0f B/record at %,d records", mem.path("batchBytesPerRecord").asDouble(),
            mem.path("records").asLong()), mem == null ? null : mem.path("batchBytesPerRecord").asDouble() <= 64);
    Score whole = null;
    for (Score s : scores) {
      if (s.benchmark.equals("RulesBenchmark.firingWholePolicyPerRecord") && find("RulesBenchmark.compiledCredit",
          s.records) != null && (whole == null || s.records > whole.records)) {
        whole = s;
      }
    }
    Score compiled = whole == null ? null : find("RulesBenchmark.compiledCredit", whole.records);
    Score six = whole == null ? null : find("RulesBenchmark.firingPerRecord", whole.records);
    String rulesText = null;
    if (whole != null) {
      rulesText = String.format(Locale.ROOT, "%.0f× (credit stage of the compiled policy against Drools computing "
          + "the same policy's whole credit formula once per record, %,d records)",
          whole.costMillis() / compiled.costMillis(), whole.records);
      if (six != null) {
        rulesText += String.format(Locale.ROOT, "; lower bound %.0f× against Drools firing only the six "
            + "conditional rules per record", six.costMillis() / compiled.costMillis());
      }
    }
    row(sb, "≥ 30× the rules engine firing per record", rulesText,
        whole == null ? null : whole.costMillis() / compiled.costMillis() >= 30);
    Score csv = find("IngestionBenchmark.csv", 1_000_000);
    // Like the credit stage, a large file is read on both cores, so the target is read by wall clock;
    // CPU-time throughput is shown next to it.
    row(sb, "ingestion ≥ 1 M CSV rows/s", csv == null ? null
        : String.format(Locale.ROOT, "%.2f M rows/s wall median; %.2f M rows/s of CPU time", 1e6 / csv.median / 1e3,
            1e6 / csv.costMillis() / 1e3),
        csv == null ? null : 1e6 / csv.median / 1e3 >= 1);
    sb.append('\n');
  }

  private static void row(StringBuilder sb, String target, String measured, Boolean met) {
    sb.append("| ").append(target).append(" | ").append(measured == null ? "not measured in this run" : measured)
        .append(" | ").append(met == null ? "—" : met ? "yes" : "**no**").append(" |\n");
  }

  private void timings(StringBuilder sb) {
    if (scores.isEmpty()) {
      return;
    }
    sb.append("### Timings\n\n");
    sb.append("Median of all measured iterations, ± the 99.9 % confidence half-width JMH reports; CPU is the "
        + "process CPU time per operation (median), from which records/s and ns/record are derived. "
        + "Sizes are records (contributors are a tenth).\n\n");
    sb.append("| benchmark | records | wall ms/op (median ± error) | CPU ms/op | records/s (CPU) | ns/record (CPU) |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    List<Score> sorted = new ArrayList<>(scores);
    sorted.sort((a, b) -> a.benchmark.equals(b.benchmark) ? Long.compare(a.records, b.records)
        : a.benchmark.compareTo(b.benchmark));
    for (Score s : sorted) {
      if (!s.unit.equals("ms/op")) {
        continue;
      }
      double ms = s.costMillis();
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %s ± %s | %s | %s | %s |\n", s.benchmark, s.records,
          num(s.median), num(s.error), Double.isNaN(s.cpu) ? "—" : num(s.cpu),
          s.records == 0 ? "—" : rate(s.records / (ms / 1e3)),
          s.records == 0 ? "—" : String.format(Locale.ROOT, "%.1f", ms * 1e6 / s.records)));
    }
    sb.append('\n');
  }

  private void ingestion(StringBuilder sb) {
    List<Score> rows = new ArrayList<>();
    for (Score s : scores) {
      if (s.benchmark.startsWith("IngestionBenchmark.") && s.records > 0) {
        rows.add(s);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    rows.sort((a, b) -> a.benchmark.equals(b.benchmark) ? Long.compare(a.records, b.records)
        : a.benchmark.compareTo(b.benchmark));
    sb.append("### Ingestion\n\nRows and bytes per second by CPU time; the files are `BenchFiles` renderings "
        + "of the same records, held in memory.\n\n");
    sb.append("| benchmark | rows | file MiB | rows/s | MiB/s |\n| --- | ---: | ---: | ---: | ---: |\n");
    Map<Long, long[]> sizes = new TreeMap<>();
    for (Score s : rows) {
      long[] bytes = sizes.computeIfAbsent(s.records, n -> new long[] {
          BenchFiles.csv(BenchData.of((int) (long) n, 42)).length,
          BenchFiles.jsonLines(BenchData.of((int) (long) n, 42)).length});
      long size = s.benchmark.contains("json") ? bytes[1] : bytes[0];
      double seconds = s.costMillis() / 1e3;
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %s | %.1f |\n", s.benchmark, s.records,
          size / 1048576.0, rate(s.records / seconds), size / 1048576.0 / seconds));
    }
    sb.append('\n');
  }

  private void simulation(StringBuilder sb) {
    List<Score> rows = new ArrayList<>();
    for (Score s : scores) {
      if (!Double.isNaN(s.recordsPerSecond)) {
        rows.add(s);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    sb.append("### Simulation\n\nSimulated contributions per second on one thread (wall clock, median), as "
        + "`SimulationBenchmark` counts them; an experiment runs one simulation per core.\n\n");
    sb.append("| benchmark | runs/s | contributions/s |\n| --- | ---: | ---: |\n");
    for (Score s : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s |\n", s.benchmark, num(s.median),
          rate(s.recordsPerSecond)));
    }
    sb.append('\n');
  }

  private void rules(StringBuilder sb) {
    List<Score> rows = new ArrayList<>();
    for (Score s : scores) {
      if (s.benchmark.startsWith("RulesBenchmark.") || s.benchmark.startsWith("AggregatedRulesBenchmark.")) {
        rows.add(s);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    rows.sort((a, b) -> a.records != b.records ? Long.compare(a.records, b.records)
        : a.benchmark.compareTo(b.benchmark));
    sb.append("### Rules engine (same run, same records)\n\n`RulesBenchmark`: the credit stage of the policy "
        + "the rule file was compiled into (`compiledCredit`), against Drools computing the same policy's whole "
        + "credit formula once per record (`firingWholePolicyPerRecord`: base, quantity, modifiers, twelve "
        + "adjustments, role weight and review quality as a rule file over one fact per record, the same "
        + "credits to the micro-unit) and against Drools firing only the six conditional rules once per record "
        + "(`firingPerRecord`, a fraction of the work, so its ratio is a lower bound). "
        + "`AggregatedRulesBenchmark`: the cycle without rules, against the cycle with three contributor rules "
        + "fired once per contributor on aggregated facts (two engine passes). CPU ms per operation; the ratio "
        + "is to the first line of each group.\n\n");
    sb.append("| benchmark | records | CPU ms/op | records/s (CPU) | ratio |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (Score s : rows) {
      Score base = s.benchmark.startsWith("RulesBenchmark.") ? find("RulesBenchmark.compiledCredit", s.records)
          : find("AggregatedRulesBenchmark.withoutRules", s.records);
      sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s |\n", s.benchmark, s.records,
          num(s.costMillis()), rate(s.records / (s.costMillis() / 1e3)),
          base == null ? "—" : String.format(Locale.ROOT, "%.1f×", s.costMillis() / base.costMillis())));
    }
    sb.append('\n');
  }

  private void baselines(StringBuilder sb) {
    List<Long> sizes = new ArrayList<>();
    for (Score s : scores) {
      if (s.benchmark.equals("BaselineBenchmark.objectPerRecord") && !sizes.contains(s.records)) {
        sizes.add(s.records);
      }
    }
    if (sizes.isEmpty()) {
      return;
    }
    sizes.sort(null);
    sb.append("### Baselines (same run, same policy and records)\n\n");
    sb.append("CPU ms per cycle from record objects to KAT per contributor; a ratio is the baseline's time "
        + "divided by the engine's, so higher means the engine is faster. The rules-engine baselines are in "
        + "their own table.\n\n");
    sb.append("| records | engine from objects | engine on admitted batch | object-per-record | ratio to engine "
        + "from objects | ratio to engine on batch |\n");
    sb.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (long n : sizes) {
      Score engine = find("BaselineBenchmark.engineFromObjects", n);
      Score batch = find("BaselineBenchmark.engineOnBatch", n);
      sb.append(String.format(Locale.ROOT, "| %,d | %s | %s |", n, cost(engine), cost(batch)));
      Score o = find("BaselineBenchmark.objectPerRecord", n);
      sb.append(' ').append(cost(o)).append(" | ").append(ratio(o, engine)).append(" | ").append(ratio(o, batch))
          .append(" |\n");
    }
    sb.append('\n');
  }

  private void memory(StringBuilder sb) {
    if (!resident.isEmpty()) {
      sb.append("### Memory\n\nResident heap per record after a full collection, measured around building "
          + "the object (the builder and temporaries gone), next to the batch's own estimate "
          + "(`ContributionBatch.bytesPerRow()`) and to the same records held as objects.\n\n");
      sb.append("| records | batch form, measured B/record | batch estimate B/record | record objects B/record |\n");
      sb.append("| ---: | ---: | ---: | ---: |\n");
      for (JsonNode m : resident) {
        sb.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f |\n", m.path("records").asLong(),
            m.path("batchBytesPerRecord").asDouble(), m.path("batchEstimatePerRecord").asDouble(),
            m.path("objectBytesPerRecord").asDouble()));
      }
      sb.append('\n');
    }
    if (!heap.isEmpty()) {
      sb.append("### Whole cycles in a 2 GiB heap\n\nOne JVM per size with `-Xmx2g`: after a warm-up (twelve "
          + "cycles over a batch of 1 M records, or of the size itself when smaller, discarded), records streamed "
          + "into the batch (no record objects held), then the full cycle three times, then the content hash of "
          + "the last result. Cycle times are the median of the three (wall clock; CPU is the process's CPU time "
          + "during the cycle, collector threads included); the hash and admission are timed once. Peak heap is "
          + "the sum of the heap pools' peaks.\n\n");
      sb.append("| records | fits | admission s | cycle s (wall) | cycle s (CPU) | content hash s "
          + "| resident after admission MiB | peak heap MiB |\n");
      sb.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
      for (JsonNode h : heap) {
        boolean ok = h.path("ok").asBoolean();
        sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s |\n", h.path("records").asLong(),
            ok ? "yes" : "**no** (out of memory)",
            ok ? String.format(Locale.ROOT, "%.2f", h.path("admitSeconds").asDouble()) : "—",
            ok ? String.format(Locale.ROOT, "%.2f", h.path("cycleSeconds").asDouble()) : "—",
            ok ? String.format(Locale.ROOT, "%.2f", h.path("cycleCpuSeconds").asDouble()) : "—",
            ok ? String.format(Locale.ROOT, "%.2f", h.path("hashSeconds").asDouble()) : "—",
            ok ? String.valueOf(h.path("residentAfterAdmission").asLong() >> 20) : "—",
            ok ? String.valueOf(h.path("peakUsed").asLong() >> 20) : "—"));
      }
      sb.append('\n');
      JsonNode first = heap.get(0);
      if (first.has("firstWarmUpCycleSeconds")) {
        long warmRecords = Long.parseLong(first.path("warmUp").asText().replaceFirst("^.* of (\\d+) records$", "$1"));
        sb.append(String.format(Locale.ROOT, "The first warm-up cycle (%,d records, in a fresh JVM, before the "
            + "JIT compiler has caught up: what a one-off `kat run` of that size pays) took %.2f s.\n\n",
            warmRecords, first.path("firstWarmUpCycleSeconds").asDouble()));
      }
    }
  }

  private static String ratio(Score baseline, Score engine) {
    return baseline == null || engine == null ? "—"
        : String.format(Locale.ROOT, "%.1f×", baseline.costMillis() / engine.costMillis());
  }

  private static String cost(Score s) {
    return s == null ? "not run" : num(s.costMillis()) + " ms";
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
  }
}
