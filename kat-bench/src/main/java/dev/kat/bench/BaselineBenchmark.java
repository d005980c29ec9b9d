package dev.kat.bench;

import dev.kat.bench.baseline.ObjectPerRecordRecognition;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.Policy;
import java.util.List;
import java.util.SortedMap;
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
 * The engine against the baselines in the same run, on the same policy ({@link BenchPolicy#creditOnly()})
 * and the same records: from record objects to each contributor's KAT.
 *
 * <p>{@code engineFromObjects} admits the objects into the batch form and runs the cycle;
 * {@code engineOnBatch} runs the cycle on the already admitted batch; {@code objectPerRecord} is
 * {@link ObjectPerRecordRecognition}, the straightforward implementation with maps and {@code BigDecimal}.
 * All three give the same allocation.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar BaselineBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class BaselineBenchmark {
  private static final Policy POLICY = BenchPolicy.creditOnly();
  private static final KatEngine ENGINE = KatEngine.of(POLICY);

  /**
   * The records as objects, for the benchmarks that start from objects. A state of its own, so that the
   * batch benchmark does not keep them in the heap and the object benchmarks do not keep a batch.
   */
  @State(Scope.Benchmark)
  public static class Objects {
    /** Records; contributors are a tenth of that. */
    @Param({"10000", "100000", "1000000"})
    public int records;

    List<Contribution> list;

    /** Materialises the records once per trial. */
    @Setup
    public void setUp() {
      list = BenchData.of(records, 42).list();
    }
  }

  /** The same records admitted into a batch. */
  @State(Scope.Benchmark)
  public static class Admitted {
    /** Records; contributors are a tenth of that. */
    @Param({"10000", "100000", "1000000"})
    public int records;

    ContributionBatch batch;

    /** Admits the records once per trial. */
    @Setup
    public void setUp() {
      batch = ENGINE.newBatch(BenchData.CYCLE).addAll(BenchData.of(records, 42).stream()).build();
    }
  }

  /** The engine from record objects: admission, encoding, credit, karma and allocation. */
  @Benchmark
  public CycleResult engineFromObjects(Objects objects) {
    return ENGINE.run(BenchData.CYCLE, objects.list, PriorState.empty());
  }

  /** The engine on the admitted batch: credit, karma and allocation. */
  @Benchmark
  public CycleResult engineOnBatch(Admitted admitted) {
    return ENGINE.run(admitted.batch, PriorState.empty());
  }

  /** The object-per-record baseline: a loop with maps and {@code BigDecimal}. */
  @Benchmark
  public SortedMap<String, Long> objectPerRecord(Objects objects) {
    return ObjectPerRecordRecognition.allocate(POLICY, BenchData.CYCLE, objects.list);
  }
}
