package dev.kat.bench;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.policy.Framework;
import dev.kat.rules.engine.RuleFiles;
import dev.kat.rules.engine.RuleSet;
import dev.kat.rules.engine.RuledCycle;
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
 * The rules engine used where it is strong, on aggregated facts: three contributor rules fired once per
 * contributor over facts aggregated from a first pass of the cycle, then a second pass with their credit
 * changes ({@link RuleSet#run}), against the same cycle without rules, under
 * {@link BenchPolicy#creditOnly()}.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar AggregatedRulesBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class AggregatedRulesBenchmark {
  /** Three contributor rules: a hosting bonus, a documentation streak-free bonus and a flag. */
  static final String RULES = ""
      + "rule \"busy-host\"\nwhen\n  $c : Contributor(hours(\"session_hosting\") >= 10)\nthen\n"
      + "  $c.multiply(\"session_hosting\", 1.1, \"ten or more hours of hosting this cycle\");\nend\n"
      + "rule \"many-docs\"\nwhen\n  $c : Contributor(count(\"documentation\") >= 3)\nthen\n"
      + "  $c.multiply(\"documentation\", 1.05, \"three or more documentation records\");\nend\n"
      + "rule \"broad\"\nwhen\n  $c : Contributor(records >= 20)\nthen\n  $c.flag(\"twenty or more records\");\nend\n";

  /** Records; contributors are a tenth of that. */
  @Param({"100000", "1000000"})
  public int records;

  private RuleSet rules;
  private KatEngine engine;
  private ContributionBatch batch;

  /** Parses the rules and admits the records once per trial. */
  @Setup
  public void setUp() {
    rules = RuleFiles.parse(Framework.permissive(), "aggregated.drl", RULES).orElseThrow();
    engine = KatEngine.of(BenchPolicy.creditOnly());
    batch = engine.newBatch(BenchData.CYCLE).addAll(BenchData.of(records, 42).stream()).build();
  }

  /** The cycle without rules. */
  @Benchmark
  public CycleResult withoutRules() {
    return engine.run(batch, PriorState.empty());
  }

  /** The cycle with the contributor rules fired once on aggregated facts (two engine passes). */
  @Benchmark
  public RuledCycle withAggregatedRules() {
    return rules.run(engine, batch, PriorState.empty(), Overrides.none(), List.of());
  }
}
