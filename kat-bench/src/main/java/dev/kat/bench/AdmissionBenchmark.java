package dev.kat.bench;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Admission: record objects checked against the policy and encoded into the columnar batch form. The
 * records are materialised before the measurement, so their creation is not counted.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar AdmissionBenchmark
 * java -jar kat-bench/target/benchmarks.jar AdmissionBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class AdmissionBenchmark {
  /** Records admitted; contributors are a tenth of that. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  private KatEngine engine;
  private List<Contribution> list;

  /** Materialises the records once per trial. */
  @Setup
  public void setUp() {
    engine = KatEngine.of(BenchPolicy.full());
    list = BenchData.of(records, 42).list();
  }

  /** Admits every record into a batch. */
  @Benchmark
  public ContributionBatch admit() {
    return engine.newBatch(BenchData.CYCLE).addAll(list).build();
  }
}
