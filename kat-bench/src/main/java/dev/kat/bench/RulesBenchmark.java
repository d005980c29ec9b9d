package dev.kat.bench;

import dev.kat.bench.baseline.CreditFact;
import dev.kat.bench.baseline.DroolsPerRecordCredit;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.engine.RuleFiles;
import dev.kat.rules.engine.RuleSet;
import java.util.List;
import java.util.Set;
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
 * Rule files compiled into the policy against a rules engine firing once per record, on the same policy and
 * records in the same run.
 *
 * <p>{@link #RULES} restates {@link BenchPolicy#creditOnly()}'s six conditional credit rules as a DRL rule
 * file; compiled with {@link RuleSet#compile}, they join the policy's own adjustments, so
 * {@code compiledCredit} computes the whole credit formula (base, quantity, modifiers, twelve adjustments,
 * role weight, review quality) for every row. Two baselines fire Drools once per record:
 * <ul>
 *   <li>{@code firingWholePolicyPerRecord} computes the same whole formula, written as a rule file over one
 *       fact per record ({@link DroolsPerRecordCredit}) the way a developer would write it with Drools, in one
 *       long-lived session (insert, fire, delete); its credits equal {@code compiledCredit}'s to the
 *       micro-unit (a test checks this). The facts are built from the batch once per trial, so only the
 *       rules engine is timed. This is the baseline of the "≥ 30×" target.
 *   <li>{@code firingPerRecord} fires only the six conditional rules per record with
 *       {@link RuleSet#fireRecordRulesPerRecord}: a fraction of the policy's work, so the ratio to it is a
 *       lower bound.
 * </ul>
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}); Drools needs a long
 * warm-up:
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar RulesBenchmark -p records=100000 -f 1 -wi 5 -w 2 -i 5 -r 2 \
 *     -prof dev.kat.bench.report.CpuTimeProfiler
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class RulesBenchmark {
  /** The benchmark policy's six conditional credit rules as a rule file. */
  static final String RULES = ""
      + "rule \"drl-guide-bonus\"\nwhen\n  $c : Contribution(category == \"session_hosting\", role == \"dao_member\","
      + " workingGroup == \"guides\")\nthen\n  $c.multiply(1.1, \"members hosting for the guides group\");\nend\n"
      + "rule \"drl-council-governance\"\nwhen\n  $c : Contribution(category == \"governance\","
      + " workingGroup == \"council\")\nthen\n  $c.multiply(1.25, \"governance in the council\");\nend\n"
      + "rule \"drl-volunteer-regeneration\"\nwhen\n  $c : Contribution(category == \"regeneration\","
      + " role == \"volunteer\")\nthen\n  $c.multiply(1.2, \"volunteers' regeneration work\");\nend\n"
      + "rule \"drl-long-session\"\nwhen\n  $c : Contribution(category == \"session_hosting\","
      + " attr(\"durationMinutes\") >= 90)\nthen\n  $c.multiply(1.05, \"sessions of 90 minutes or more\");\nend\n"
      + "rule \"drl-treasury-ops\"\nwhen\n  $c : Contribution(category == \"operations\", workingGroup == \"treasury\")\n"
      + "then\n  $c.multiply(0.9, \"routine treasury operations\");\nend\n"
      + "rule \"drl-large-impact\"\nwhen\n  $c : Contribution(category == \"impact\", attr(\"amount\") >= 10000)\n"
      + "then\n  $c.multiply(0.8, \"impact above 10,000\");\nend\n";

  /** Records; contributors are a tenth of that. */
  @Param({"100000"})
  public int records;

  private RuleSet rules;
  private KatEngine engine;
  private ContributionBatch batch;
  private DroolsPerRecordCredit wholePolicy;
  private List<CreditFact> facts;

  /** Compiles the rules into the policy, admits the records and builds the baselines once per trial. */
  @Setup
  public void setUp() {
    rules = RuleFiles.parse(Framework.permissive(), "bench.drl", RULES).orElseThrow();
    Policy compiled = rules.compile(BenchPolicy.creditOnly(), Set.of(BenchPolicy.WORKING_GROUPS)).orElseThrow();
    engine = KatEngine.of(compiled);
    batch = engine.newBatch(BenchData.CYCLE).addAll(BenchData.of(records, 42).list()).build();
    wholePolicy = DroolsPerRecordCredit.load();
    facts = DroolsPerRecordCredit.facts(batch);
  }

  /** The credit stage of the policy the rules were compiled into: no rules engine involved. */
  @Benchmark
  public long[] compiledCredit() {
    return engine.credit(batch);
  }

  /**
   * Drools computing the whole credit formula once per record: the same policy as {@link #compiledCredit}
   * written as a rule file over one fact per record, fired in one long-lived session (insert, fire, delete).
   */
  @Benchmark
  public double[] firingWholePolicyPerRecord() {
    return wholePolicy.fireInOneSession(facts);
  }

  /**
   * Drools firing only the six record rules once per record (insert, fire, delete): a fraction of the
   * policy's work, so the ratio to it is a lower bound.
   */
  @Benchmark
  public double[] firingPerRecord() {
    return rules.fireRecordRulesPerRecord(batch);
  }
}
