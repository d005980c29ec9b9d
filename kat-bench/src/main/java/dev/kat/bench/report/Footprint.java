package dev.kat.bench.report;

import dev.kat.bench.BenchData;
import dev.kat.bench.BenchPolicy;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Heap measurements the JMH benchmarks cannot make: the bytes per record resident in the batch form (and,
 * for comparison, in record objects), and whether a whole cycle of a given size runs in the heap given.
 *
 * <pre>
 *   java -Xmx2g -cp kat-bench/target/benchmarks.jar dev.kat.bench.report.Footprint resident 100000 1000000
 *   java -Xmx2g -cp kat-bench/target/benchmarks.jar dev.kat.bench.report.Footprint cycle 10000000
 * </pre>
 *
 * <p>{@code resident} measures the used heap after a full collection before and after building each
 * object, with the builder and every temporary gone, so the difference is what stays resident. It prints
 * one JSON object per size. {@code cycle} admits the records from a lazy stream (no record objects are
 * held), runs the full cycle three times after a warm-up of twelve cycles, then the content hash, and prints
 * one JSON object with the heap limit, the median times and the peak heap used; if the heap is too small it
 * prints {@code "ok": false}.
 */
public final class Footprint {
  private Footprint() {}

  /** Runs {@code resident <records>...} or {@code cycle <records>}; see the class documentation. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length < 2 || !(args[0].equals("resident") || args[0].equals("cycle"))) {
      System.err.println("usage: Footprint resident <records>... | Footprint cycle <records>");
      System.exit(2);
      return;
    }
    if (args[0].equals("resident")) {
      for (int i = 1; i < args.length; i++) {
        out.println(resident(Integer.parseInt(args[i])));
      }
    } else {
      out.println(cycle(Integer.parseInt(args[1])));
    }
  }

  /** The resident bytes per record of a batch and of record objects, as one JSON object. */
  static String resident(int records) {
    KatEngine engine = KatEngine.of(BenchPolicy.full());
    BenchData data = BenchData.of(records, 42);
    long before = usedAfterGc();
    ContributionBatch batch = engine.newBatch(BenchData.CYCLE).addAll(data.stream()).build();
    long after = usedAfterGc();
    double batchBytes = (after - before) / (double) records;
    double estimate = batch.bytesPerRow() * batch.rows() / (double) records;
    int rows = batch.rows();
    batch = null;
    long beforeObjects = usedAfterGc();
    List<Contribution> list = data.list();
    long afterObjects = usedAfterGc();
    double objectBytes = (afterObjects - beforeObjects) / (double) records;
    int size = list.size();
    list = null;
    return String.format(Locale.ROOT,
        "{\"records\": %d, \"rows\": %d, \"batchBytesPerRecord\": %.1f, \"batchEstimatePerRecord\": %.1f, "
            + "\"objectBytesPerRecord\": %.1f, \"objects\": %d, \"maxHeap\": %d}",
        records, rows, batchBytes, estimate, objectBytes, size, Runtime.getRuntime().maxMemory());
  }

  /** Records in the warm-up batch, or the measured size when that is smaller. */
  static final int WARM_UP_RECORDS = 1_000_000;

  /**
   * Warm-up cycles run before the measured ones. The JIT compiler needs about ten cycles of a million
   * records (some ten seconds on two cores, most of it compiling and recompiling the stages' loops) before a
   * cycle's time stops falling; fewer would time the compiler, not the engine.
   */
  static final int WARM_UP_CYCLES = 12;

  /** Measured cycles; the reported times are their median. */
  static final int MEASURED_CYCLES = 3;

  /**
   * Full cycles of {@code records} records in this JVM's heap, as one JSON object: after
   * {@link #WARM_UP_CYCLES} cycles over one batch of {@link #WARM_UP_RECORDS} records (so that, as in the
   * JMH benchmarks, the measured cycles run compiled code), the records are admitted from a lazy stream,
   * the cycle is run and timed {@link #MEASURED_CYCLES} times, and the content hash of the last result is
   * computed and timed. Cycle times are the median of the runs, in wall clock and process CPU time; each
   * run's wall time is listed too, and so is the first warm-up cycle's, the cycle in a fresh JVM (what a
   * one-off {@code kat run} pays at that size, before the JIT compiler has caught up).
   */
  static String cycle(int records) {
    long max = Runtime.getRuntime().maxMemory();
    try {
      KatEngine engine = KatEngine.of(BenchPolicy.full());
      int warmRecords = Math.min(records, WARM_UP_RECORDS);
      ContributionBatch warm = engine.newBatch(BenchData.CYCLE)
          .addAll(BenchData.of(warmRecords, 43).stream()).build();
      double coldSeconds = 0;
      for (int i = 0; i < WARM_UP_CYCLES; i++) {
        long w0 = System.nanoTime();
        CycleResult r = engine.run(warm, PriorState.empty());
        if (i == 0) {
          coldSeconds = (System.nanoTime() - w0) / 1e9;
        }
        r.contentHash();
      }
      warm = null;
      usedAfterGc();
      resetPeaks();
      long t0 = System.nanoTime();
      ContributionBatch batch = engine.newBatch(BenchData.CYCLE).addAll(BenchData.of(records, 42).stream()).build();
      long t1 = System.nanoTime();
      long resident = usedAfterGc();
      double[] wall = new double[MEASURED_CYCLES];
      double[] cpu = new double[MEASURED_CYCLES];
      CycleResult result = null;
      for (int i = 0; i < MEASURED_CYCLES; i++) {
        result = null;
        long c2 = processCpu();
        long t2 = System.nanoTime();
        result = engine.run(batch, PriorState.empty());
        long t3 = System.nanoTime();
        long c3 = processCpu();
        wall[i] = (t3 - t2) / 1e9;
        cpu[i] = c3 < 0 || c2 < 0 ? -1.0 : (c3 - c2) / 1e9;
      }
      long t4 = System.nanoTime();
      String hash = result.contentHash();
      long t5 = System.nanoTime();
      long peak = peakUsed();
      StringBuilder runs = new StringBuilder();
      for (double w : wall) {
        runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", w));
      }
      return String.format(Locale.ROOT,
          "{\"records\": %d, \"ok\": true, \"maxHeap\": %d, \"admitSeconds\": %.3f, \"cycleSeconds\": %.3f, "
              + "\"cycleCpuSeconds\": %.3f, \"cycleRuns\": [%s], \"hashSeconds\": %.3f, "
              + "\"residentAfterAdmission\": %d, \"peakUsed\": %d, \"rows\": %d, \"contributors\": %d, "
              + "\"warmUp\": \"%d cycles of %d records\", \"firstWarmUpCycleSeconds\": %.3f, \"hash\": \"%s\"}",
          records, max, (t1 - t0) / 1e9, median(wall), median(cpu), runs, (t5 - t4) / 1e9, resident, peak,
          batch.rows(), result.contributors().size(), WARM_UP_CYCLES, warmRecords, coldSeconds, hash);
    } catch (OutOfMemoryError e) {
      // Where it ran out, for whoever reads the run's error output; the JSON line says only that it did.
      e.printStackTrace();
      return String.format(Locale.ROOT, "{\"records\": %d, \"ok\": false, \"maxHeap\": %d, \"error\": \"%s\"}",
          records, max, e.getMessage() == null ? "OutOfMemoryError" : e.getMessage().replace('"', '\''));
    }
  }

  /** The median of {@code v} (an odd count: the middle value). */
  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** The process CPU time in nanoseconds (all threads, collector included), or -1 if the JVM cannot tell. */
  private static long processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
  }

  private static void resetPeaks() {
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long peakUsed() {
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
