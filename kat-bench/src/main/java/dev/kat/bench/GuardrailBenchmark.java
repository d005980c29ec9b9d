package dev.kat.bench;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Guardrails;
import dev.kat.core.guard.Severity;
import dev.kat.core.model.Cycle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
 * The guardrail detectors over an admitted batch and its credit, each alone and all of
 * {@link Guardrails#defaults()} together ({@code all}), as the guard stage calls them; the flags are
 * counted, not applied (applying them is part of {@link CycleBenchmark}). Values the detectors share through
 * {@link GuardContext#shared} (the pair graph) are computed once per operation, as the engine computes them
 * once per guard stage.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar GuardrailBenchmark
 * java -jar kat-bench/target/benchmarks.jar GuardrailBenchmark -p guardrail=collusion-ring -p records=1000000
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class GuardrailBenchmark {
  /** Records in the batch; contributors are a tenth of that. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  /** A guardrail id of {@link Guardrails#defaults()}, or {@code all} for every one in order. */
  @Param({"all", "self-dealing", "evidence-reuse", "velocity", "mad-outlier", "pairwise-reciprocity", "collusion-ring",
      "eigentrust", "reviewer-concentration"})
  public String guardrail;

  private List<Guardrail> detectors;
  private GuardContext context;
  /** The values the detectors share within one operation, as the engine keeps them for one guard stage. */
  private final Map<String, Object> stageValues = new HashMap<>();

  /** Admits the batch and computes its credit once per trial. */
  @Setup
  public void setUp() {
    detectors = new ArrayList<>();
    for (Guardrail g : Guardrails.defaults()) {
      if (guardrail.equals("all") || g.id().equals(guardrail)) {
        detectors.add(g);
      }
    }
    if (detectors.isEmpty()) {
      throw new IllegalArgumentException("guardrail (" + guardrail + ") is not one of Guardrails.defaults()");
    }
    BenchData data = BenchData.of(records, 42);
    KatEngine engine = KatEngine.of(BenchPolicy.full());
    ContributionBatch batch = engine.newBatch(BenchData.CYCLE).addAll(data.stream()).build();
    long[] credit = engine.credit(batch);
    PriorState prior = data.prior();
    context = new GuardContext() {
      @Override
      public Cycle cycle() {
        return BenchData.CYCLE;
      }

      @Override
      public BatchView batch() {
        return batch;
      }

      @Override
      public long credit(int row) {
        return credit[row];
      }

      @Override
      public PriorState prior() {
        return prior;
      }

      @Override
      public <T> T shared(String key, Class<T> type, Supplier<T> compute) {
        return type.cast(stageValues.computeIfAbsent(key, k -> compute.get()));
      }
    };
  }

  /** Runs the selected detectors; returns the number of rows flagged. */
  @Benchmark
  public long inspect() {
    stageValues.clear();
    Counter sink = new Counter();
    for (Guardrail g : detectors) {
      g.inspect(context, sink);
    }
    return sink.rows;
  }

  /** Counts what the detectors report. */
  private static final class Counter implements FlagSink {
    long rows;

    @Override
    public void flag(Severity severity, Action action, double factor, int[] rows, int[] contributors,
        String evidence) {
      this.rows += rows.length + 1;
    }
  }
}
