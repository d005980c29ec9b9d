package dev.kat.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

  private static String jmh(String benchmark, String params, double median, double cpu) {
    return "{\"benchmark\": \"dev.kat.bench." + benchmark + "\", \"jmhVersion\": \"1.37\", \"vmName\": \"VM\","
        + " \"vmVersion\": \"17\", \"params\": {" + params + "}, \"primaryMetric\": {\"score\": " + median
        + ", \"scoreError\": 1.5, \"scorePercentiles\": {\"50.0\": " + median + "}, \"scoreUnit\": \"ms/op\","
        + " \"rawData\": [[1, 2, 3]]}, \"secondaryMetrics\": {\"cpu.time/op\": {\"score\": " + cpu
        + ", \"scorePercentiles\": {\"50.0\": " + cpu + "}}}}";
  }

  @Test
  void markdown_results_givesTargetsTimingsRatiosAndMemory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-core.json"), "[" + String.join(",",
        jmh("CreditBenchmark.credit", "\"records\": \"1000000\"", 40, 25),
        jmh("CycleBenchmark.cycle", "\"records\": \"1000000\"", 1200, 800),
        jmh("BaselineBenchmark.engineFromObjects", "\"records\": \"1000000\"", 900, 600),
        jmh("BaselineBenchmark.engineOnBatch", "\"records\": \"1000000\"", 300, 200),
        jmh("BaselineBenchmark.objectPerRecord", "\"records\": \"1000000\"", 5000, 3000),
        jmh("GuardrailBenchmark.inspect", "\"records\": \"1000000\", \"guardrail\": \"all\"", 500, 400),
        jmh("RulesBenchmark.compiledCredit", "\"records\": \"100000\"", 30, 20),
        jmh("RulesBenchmark.firingPerRecord", "\"records\": \"100000\"", 300, 200),
        jmh("RulesBenchmark.firingWholePolicyPerRecord", "\"records\": \"100000\"", 900, 800)) + "]");
    Files.writeString(dir.resolve("resident.json"), "[{\"records\": 1000000, \"batchBytesPerRecord\": 300.0, "
        + "\"batchEstimatePerRecord\": 290.0, \"objectBytesPerRecord\": 600.0}]");
    Files.writeString(dir.resolve("heap-2g.json"), "[{\"records\": 4000000, \"ok\": true, \"admitSeconds\": 9.0, "
        + "\"cycleSeconds\": 6.0, \"cycleCpuSeconds\": 7.5, \"hashSeconds\": 2.25, "
        + "\"residentAfterAdmission\": 1048576000, \"peakUsed\": 2000000000},"
        + " {\"records\": 8000000, \"ok\": false}]");

    String md = BenchmarkReport.read(dir, Map.of("mode", "quick", "date", "2026-11-21 18:00 UTC")).markdown();

    assertTrue(md.startsWith("## Latest results (quick mode, 2026-11-21 18:00 UTC)"), md);
    assertTrue(md.contains("| credit stage ≥ 50 M records/s (1 M records) | 25.0 M records/s wall median (both cores); "
        + "40.0 M records/s of CPU time | **no** |"), md);
    assertTrue(md.contains("| CreditBenchmark.credit | 1,000,000 | 40.00 ± 1.50 | 25.00 | 40.0 M | 25.0 |"), md);
    assertTrue(md.contains("| GuardrailBenchmark.inspect (guardrail=all) | 1,000,000 |"), md);
    assertTrue(md.contains("| 1,000,000 | 600 ms | 200 ms | 3,000 ms | 5.0× | 15.0× |"), md);
    assertTrue(md.contains("| ≥ 30× the rules engine firing per record | 40× (credit stage of the compiled policy"
        + " against Drools computing the same policy's whole credit formula once per record, 100,000 records);"
        + " lower bound 10× against Drools firing only the six conditional rules per record | yes |"), md);
    assertTrue(md.contains("| RulesBenchmark.firingWholePolicyPerRecord | 100,000 | 800 | 125 k | 40.0× |"), md);
    assertTrue(md.contains("| RulesBenchmark.firingPerRecord | 100,000 | 200 | 500 k | 10.0× |"), md);
    assertTrue(md.contains("| full cycle, 10 M records ≤ 12 s in -Xmx2g | does not fit; largest cycle in 2 GiB: "
        + "4,000,000 records | **no** |"), md);
    assertTrue(md.contains("| 1,000,000 | 300.0 | 290.0 | 600.0 |"), md);
    assertTrue(md.contains("| 8,000,000 | **no** (out of memory) |"), md);
    assertTrue(md.contains("| 4,000,000 | yes | 9.00 | 6.00 | 7.50 | 2.25 | 1000 | 1907 |"), md);
  }

  @Test
  void markdown_tenMillionFits_targetReadOnTheCycleAlone(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("heap-2g.json"), "[{\"records\": 10000000, \"ok\": true, \"admitSeconds\": 30.0, "
        + "\"cycleSeconds\": 11.5, \"cycleCpuSeconds\": 14.0, \"hashSeconds\": 4.0, "
        + "\"residentAfterAdmission\": 700000000, \"peakUsed\": 2000000000, "
        + "\"warmUp\": \"12 cycles of 1000000 records\", \"firstWarmUpCycleSeconds\": 2.875}]");
    String md = BenchmarkReport.read(dir, Map.of()).markdown();
    assertTrue(md.contains("| full cycle, 10 M records ≤ 12 s in -Xmx2g | 11.5 s wall, 14.0 s CPU (the cycle, median "
        + "of three after a warm-up; the content hash 4.0 s more; admission 30.0 s) | yes |"), md);
    assertTrue(md.contains("The first warm-up cycle (1,000,000 records, in a fresh JVM, before the JIT compiler has "
        + "caught up: what a one-off `kat run` of that size pays) took 2.88 s."), md);
  }

  @Test
  void markdown_targetsReached_areMarkedMet(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("jmh-core.json"), "[" + jmh("CreditBenchmark.credit", "\"records\": \"1000000\"", 19.5, 36) + ","
        + jmh("IngestionBenchmark.csv", "\"records\": \"1000000\"", 900, 800) + "]");
    String md = BenchmarkReport.read(dir, Map.of()).markdown();
    assertTrue(md.contains("| credit stage ≥ 50 M records/s (1 M records) | 51.3 M records/s wall median (both cores); "
        + "27.8 M records/s of CPU time | yes |"), md);
    assertTrue(md.contains("| ingestion ≥ 1 M CSV rows/s | 1.11 M rows/s wall median; 1.25 M rows/s of CPU time "
        + "| yes |"), md);
  }

  @Test
  void splice_existingSection_isReplacedAndTheRestKept() {
    String doc = "# Title\n\n" + BenchmarkReport.BEGIN + "\nold\n" + BenchmarkReport.END + "\n\n## After\n";
    assertEquals("# Title\n\n" + BenchmarkReport.BEGIN + "\nnew\n" + BenchmarkReport.END + "\n\n## After\n",
        BenchmarkReport.splice(doc, "new\n"));
  }

  @Test
  void splice_noSection_appendsOne() {
    assertEquals("# T\n\n" + BenchmarkReport.BEGIN + "\nnew\n" + BenchmarkReport.END + "\n",
        BenchmarkReport.splice("# T\n", "new\n"));
  }

  @Test
  void main_rewritesTheDocument(@TempDir Path dir) throws IOException {
    Path doc = dir.resolve("b.md");
    Files.writeString(doc, "intro\n" + BenchmarkReport.BEGIN + "\n" + BenchmarkReport.END + "\n");
    BenchmarkReport.main(new String[] {dir.toString(), doc.toString(), "mode=full"});
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("intro\n" + BenchmarkReport.BEGIN + "\n## Latest results (full mode"), text);
  }
}
