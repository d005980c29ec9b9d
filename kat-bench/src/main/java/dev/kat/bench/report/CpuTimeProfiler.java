package dev.kat.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark process's CPU time per operation ({@code cpu.time/op}, in
 * milliseconds), next to the wall-clock score.
 *
 * <p>On a machine shared with other jobs, wall-clock time includes the time the benchmark waited for a
 * core; CPU time does not, so it varies far less from run to run. It does include the JVM's own threads:
 * garbage collection, which is part of the cost of code that allocates, and JIT compilation, which a short
 * warm-up leaves partly inside the measurement (HotSpot hides its compiler threads from
 * {@code ThreadMXBean}, so they cannot be subtracted). Use with
 * {@code -prof dev.kat.bench.report.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os;
  private long cpuBefore;

  /** A profiler reading the process CPU time from the platform MXBean. */
  public CpuTimeProfiler() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (!(bean instanceof com.sun.management.OperatingSystemMXBean)) {
      throw new IllegalStateException("this JVM does not report process CPU time");
    }
    this.os = (com.sun.management.OperatingSystemMXBean) bean;
  }

  @Override
  public String getDescription() {
    return "Process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw type
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(new ScalarResult("cpu.time/op", cpu / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
  }
}
