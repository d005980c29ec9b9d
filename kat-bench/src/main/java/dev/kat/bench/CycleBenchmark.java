package dev.kat.bench;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
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
 * The full cycle over an admitted batch under {@link BenchPolicy#full()}: credit, every guardrail, caps,
 * karma (from a prior state holding every contributor) and allocation, and with the content hash of the
 * result.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar CycleBenchmark
 * java -jar kat-bench/target/benchmarks.jar CycleBenchmark -p records=10000000
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class CycleBenchmark {
  /** Records in the batch; contributors are a tenth of that. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  private KatEngine engine;
  private ContributionBatch batch;
  private PriorState prior;

  /** Builds the batch once per trial. */
  @Setup
  public void setUp() {
    BenchData data = BenchData.of(records, 42);
    engine = KatEngine.of(BenchPolicy.full());
    batch = engine.newBatch(BenchData.CYCLE).addAll(data.stream()).build();
    prior = data.prior();
  }

  /** The cycle's stages from an admitted batch to the result. */
  @Benchmark
  public CycleResult cycle() {
    return engine.run(batch, prior);
  }

  /** The cycle and the SHA-256 content hash over policy, inputs and results. */
  @Benchmark
  public String cycleAndHash() {
    return engine.run(batch, prior).contentHash();
  }
}
