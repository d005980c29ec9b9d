package dev.kat.bench;

import dev.kat.core.alloc.AllocationInput;
import dev.kat.core.alloc.AllocationPolicy;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.alloc.LargestRemainder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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
 * Allocation: the exact largest-remainder split of a budget over one contributor per ten records, alone
 * and through each built-in allocation policy. Credits are random amounts between 0 and 1 000 credit;
 * karma, lifetime and decayed figures are random too.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar AllocationBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class AllocationBenchmark {
  /** Records of the cycle; the split is over a tenth of that many contributors. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  private long[] weights;
  private AllocationInput input;
  private AllocationPolicy fixedRate;

  /** Draws the contributors' figures once per trial. */
  @Setup
  public void setUp() {
    int n = Math.max(2, records / 10);
    SplittableRandom rnd = new SplittableRandom(42);
    weights = new long[n];
    long[] karma = new long[n];
    long[] lifetimeCredit = new long[n];
    long[] lifetimeKat = new long[n];
    long[] decayed = new long[n];
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      weights[i] = rnd.nextLong(1_000_000_000L);
      karma[i] = rnd.nextLong(10_000_000_000L);
      lifetimeCredit[i] = weights[i] + rnd.nextLong(20_000_000_000L);
      lifetimeKat[i] = rnd.nextLong(1_000_000L);
      decayed[i] = weights[i] + rnd.nextLong(5_000_000_000L);
      ids.add(String.format(Locale.ROOT, "c%08d", i));
    }
    input = new AllocationInput(ids, weights, weights, karma, lifetimeCredit, lifetimeKat, decayed);
    fixedRate = Allocations.fixedRate(1);
  }

  /** {@link LargestRemainder#apportion} of a budget of 10⁹ base units. */
  @Benchmark
  public long[] largestRemainder() {
    return LargestRemainder.apportion(BUDGET, weights);
  }

  /** The {@code immediate} allocation policy. */
  @Benchmark
  public long[] immediate() {
    return Allocations.immediate().allocate(input, BUDGET);
  }

  /** The {@code recent} allocation policy (decayed credit). */
  @Benchmark
  public long[] recent() {
    return Allocations.recent().allocate(input, BUDGET);
  }

  /** The {@code balanced} (catch-up) allocation policy. */
  @Benchmark
  public long[] balanced() {
    return Allocations.balanced().allocate(input, BUDGET);
  }

  /** The {@code fixed_rate} allocation policy at one base unit per credit. */
  @Benchmark
  public long[] fixedRate() {
    return fixedRate.allocate(input, BUDGET);
  }

  private static final long BUDGET = 1_000_000_000L;
}
