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
 * The credit stage alone, and credit followed by karma and allocation, over an admitted batch under
 * {@link BenchPolicy#creditOnly()} (no guardrails, no caps).
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar CreditBenchmark
 * java -jar kat-bench/target/benchmarks.jar CreditBenchmark -p records=10000000
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class CreditBenchmark {
  /** Records in the batch; contributors are a tenth of that. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  private KatEngine engine;
  private ContributionBatch batch;

  /** Builds the batch once per trial. */
  @Setup
  public void setUp() {
    engine = KatEngine.of(BenchPolicy.creditOnly());
    batch = engine.newBatch(BenchData.CYCLE).addAll(BenchData.of(records, 42).stream()).build();
  }

  /** Each accepted row's credit: the credit stage alone. */
  @Benchmark
  public long[] credit() {
    return engine.credit(batch);
  }

  /** Credit, karma and the exact allocation of the budget: a cycle without guardrails and caps. */
  @Benchmark
  public CycleResult creditAndAllocate() {
    return engine.run(batch, PriorState.empty());
  }
}
