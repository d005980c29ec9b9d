package dev.kat.bench;

import dev.kat.core.sim.Population;
import dev.kat.core.sim.RunResult;
import dev.kat.core.sim.Simulation;
import dev.kat.core.sim.Strategies;
import dev.kat.core.sim.WorkModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated contributions per second: one single-threaded simulation run (agents generating records, the
 * engine recognising them cycle after cycle with state carried over, metrics per cycle) of a population
 * that is 95 % honest with volume farmers, collusion rings of five, sybil splitters and late-burst
 * submitters, under the standard work model's policy without guardrails. The {@code records} counter is
 * the throughput in simulated contributions per second; an experiment spreads runs over all cores, so a
 * machine's rate is about this times its cores.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar SimulationBenchmark
 * java -jar kat-bench/target/benchmarks.jar SimulationBenchmark -p agents=10000 -p evidence=false
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class SimulationBenchmark {
  /** Agents in the population. */
  @Param({"1000", "10000"})
  public int agents;

  /** Cycles per run. */
  @Param({"6"})
  public int cycles;

  /** Whether honest-looking records carry evidence references (the engine carries them across cycles). */
  @Param({"true", "false"})
  public boolean evidence;

  private Simulation simulation;
  private long seed;

  /** Counts the simulated contributions, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Contributions simulated so far in the iteration. */
    public long records;

    /** Resets the counter for each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      records = 0;
    }
  }

  /** Builds the simulation once per trial. */
  @Setup
  public void setUp() {
    WorkModel work = WorkModel.standard().withEvidence(evidence);
    Population population = Population.builder()
        .add(Strategies.honest(), agents * 95 / 100)
        .add(Strategies.volumeFarmer(), agents / 100)
        .add(Strategies.collusionRing(5), agents / 500)
        .add(Strategies.sybilSplitter(), agents / 200)
        .add(Strategies.lateBurstSubmitter(), agents / 100)
        .build();
    simulation = Simulation.builder(work.policyBuilder("bench-sim").build()).work(work).population(population)
        .cycles(cycles).build();
  }

  /** One run from a new seed each time. */
  @Benchmark
  public RunResult run(Counters counters) {
    RunResult r = simulation.run(seed++);
    for (int c = 0; c < r.cycles(); c++) {
      counters.records += (long) r.value(c, "records");
    }
    return r;
  }
}
