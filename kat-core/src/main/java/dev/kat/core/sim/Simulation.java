package dev.kat.core.sim;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.guard.Flag;
import dev.kat.core.internal.Checks;
import dev.kat.core.metrics.Concentration;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Policy;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A model of a community over several cycles: a {@link Population} of agents whose {@link Strategy}s
 * submit records each cycle, the engine recognising them under a {@link Policy}, and the state (karma,
 * lifetime KAT, recognised evidence) carried from one cycle to the next through
 * {@link CycleResult#nextState()}. Immutable and thread-safe: one simulation serves any number of runs,
 * concurrently; each {@link #run(long)} is single-threaded and fully determined by its seed.
 *
 * <p>Metrics recorded after every cycle ({@link #metricNames()}):
 *
 * <ul>
 *   <li>{@code records}, {@code accepted}, {@code flags}: records submitted, accepted at admission, and
 *       guardrail flags raised;
 *   <li>{@code agents}, {@code identities}: active agents and their identities;
 *   <li>{@code gini}, {@code nakamoto50}, {@code hhi}: concentration of the cycle's KAT over the
 *       identities of active agents (those that submitted nothing count as 0), see
 *       {@link Concentration};
 *   <li>{@code honest_kat_per_hour}: KAT received by honest (non-gaming) agents per hour of work they
 *       actually did (0 when they did none);
 *   <li>{@code flagged_honest_rate}: the fraction of active honest agents named in at least one flag —
 *       the guardrails' false-positive rate;
 *   <li>{@code share.S}: the fraction of the cycle's allocated KAT captured by agents of strategy S;
 *   <li>{@code agents.S}: active agents of strategy S.
 * </ul>
 *
 * <p>Within a run, buffers (identity lists, per-agent sums) are reused from cycle to cycle; records are
 * streamed straight into the engine's columnar batch and never held as a list.
 */
public final class Simulation {
  private final Policy policy;
  private final KatEngine engine;
  private final Population population;
  private final int cycles;
  private final Behaviour behaviour;
  private final WorkModel work;
  private final YearMonth firstMonth;
  private final List<String> strategyNames;
  private final List<String> metricNames;

  private Simulation(Builder b) {
    this.policy = b.policy;
    this.engine = KatEngine.of(b.policy);
    this.population = b.population;
    this.cycles = b.cycles;
    this.behaviour = b.behaviour;
    this.work = b.work;
    this.firstMonth = b.firstMonth;
    this.strategyNames = population.strategyNames();
    List<String> m = new ArrayList<>(List.of("records", "accepted", "flags", "agents", "identities", "gini",
        "nakamoto50", "hhi", "honest_kat_per_hour", "flagged_honest_rate"));
    for (String s : strategyNames) {
      m.add("share." + s);
    }
    for (String s : strategyNames) {
      m.add("agents." + s);
    }
    this.metricNames = List.copyOf(m);
  }

  /** A builder of a simulation under {@code policy}. */
  public static Builder builder(Policy policy) {
    return new Builder(policy);
  }

  /** The policy. */
  public Policy policy() {
    return policy;
  }

  /** The initial population. */
  public Population population() {
    return population;
  }

  /** The number of cycles per run. */
  public int cycles() {
    return cycles;
  }

  /** How agents respond to results. */
  public Behaviour behaviour() {
    return behaviour;
  }

  /** The metric names recorded per cycle, in column order. */
  public List<String> metricNames() {
    return metricNames;
  }

  /** Runs the simulation from {@code seed}. */
  public RunResult run(long seed) {
    return run(seed, null);
  }

  /**
   * Runs the simulation from {@code seed}, showing each cycle's result to {@code observer}.
   *
   * @param observer sees each cycle's result, or null
   */
  public RunResult run(long seed, CycleObserver observer) {
    return new Run(seed).execute(observer);
  }

  /** One run's mutable state; confined to one thread. */
  private final class Run implements RecordSink {
    private final long seed;
    private final SplittableRandom random;
    private final List<Agent> agents = new ArrayList<>();
    private final HashMap<String, Integer> agentOf = new HashMap<>();
    private final CycleContext context = new CycleContext(work);
    private ContributionBatch.Builder batch;
    private Agent current;
    private long submitted;
    private long[] identityKat = new long[64];
    private long[] agentKat = new long[64];
    private boolean[] flagged = new boolean[64];
    private final long[] strategyKat;
    private final int[] strategyAgents;

    Run(long seed) {
      this.seed = seed;
      this.random = new SplittableRandom(seed);
      this.strategyKat = new long[strategyNames.size()];
      this.strategyAgents = new int[strategyNames.size()];
      for (Population.Group g : population.groups()) {
        for (int i = 0; i < g.agents(); i++) {
          addAgent(g.strategy(), 0);
        }
      }
    }

    private void addAgent(Strategy strategy, int cycle) {
      int index = agents.size();
      int k = strategy.identities();
      List<String> ids = new ArrayList<>(k);
      String base = strategy.name() + "-" + index;
      if (k == 1) {
        ids.add(base);
      } else {
        for (int j = 0; j < k; j++) {
          ids.add(base + "." + j);
        }
      }
      Agent a = new Agent(index, strategy, ids, random.split(), cycle);
      agents.add(a);
      for (String id : ids) {
        Checks.argument(agentOf.put(id, index) == null, "identity (" + id + ") is used twice");
      }
    }

    @Override
    public void submit(Contribution record) {
      submitted++;
      batch.add(record);
    }

    @Override
    public void work(double hours) {
      Checks.nonNegative(hours, "hours");
      current.lastWork += hours;
    }

    RunResult execute(CycleObserver observer) {
      int m = metricNames.size();
      double[] values = new double[cycles * m];
      PriorState state = PriorState.empty();
      for (int c = 0; c < cycles; c++) {
        Cycle cycle = Cycle.ofMonth(firstMonth.plusMonths(c), c);
        context.start(cycle, c);
        context.clearIdentities();
        int activeIdentities = 0;
        for (Agent a : agents) {
          if (a.active) {
            for (String id : a.identities()) {
              context.addIdentity(id);
            }
            activeIdentities += a.identities().size();
          }
        }
        batch = engine.newBatch(cycle);
        submitted = 0;
        for (Agent a : agents) {
          if (a.active) {
            current = a;
            a.lastWork = 0;
            a.strategy().act(a, context, this);
          }
        }
        current = null;
        CycleResult result = engine.run(batch.build(), state);
        batch = null;
        if (observer != null) {
          observer.cycle(c, result);
        }
        state = result.nextState();
        record(result, activeIdentities, values, c * m);
        respond();
      }
      return new RunResult(seed, metricNames, cycles, values);
    }

    private void record(CycleResult result, int activeIdentities, double[] out, int at) {
      int n = agents.size();
      if (agentKat.length < n) {
        agentKat = new long[Math.max(n, agentKat.length * 2)];
        flagged = new boolean[agentKat.length];
      }
      if (identityKat.length < activeIdentities) {
        identityKat = new long[Math.max(activeIdentities, identityKat.length * 2)];
      }
      Arrays.fill(agentKat, 0, n, 0L);
      Arrays.fill(flagged, 0, n, false);
      Arrays.fill(strategyKat, 0L);
      Arrays.fill(strategyAgents, 0);
      for (Flag f : result.flags()) {
        for (String who : f.contributors()) {
          Integer a = agentOf.get(who);
          if (a != null) {
            flagged[a] = true;
          }
        }
      }
      int k = 0;
      int activeAgents = 0;
      long honestKat = 0;
      double honestHours = 0;
      int honestAgents = 0;
      int honestFlagged = 0;
      for (Agent a : agents) {
        if (!a.active) {
          continue;
        }
        activeAgents++;
        long sum = 0;
        for (String id : a.identities()) {
          long kat = result.has(id) ? result.kat(id) : 0;
          identityKat[k++] = kat;
          sum += kat;
        }
        agentKat[a.index()] = sum;
        int s = strategyNames.indexOf(a.strategy().name());
        strategyKat[s] += sum;
        strategyAgents[s]++;
        if (!a.strategy().gaming()) {
          honestAgents++;
          honestKat += sum;
          honestHours += a.lastWork;
          if (flagged[a.index()]) {
            honestFlagged++;
          }
        }
      }
      long[] dist = Arrays.copyOf(identityKat, k);
      long allocated = result.allocated();
      int i = at;
      out[i++] = submitted;
      out[i++] = result.acceptedCount();
      out[i++] = result.flags().size();
      out[i++] = activeAgents;
      out[i++] = activeIdentities;
      out[i++] = Concentration.gini(dist);
      out[i++] = Concentration.nakamoto(0.5, dist);
      out[i++] = Concentration.hhi(dist);
      out[i++] = honestHours > 0 ? honestKat / honestHours : 0.0;
      out[i++] = honestAgents > 0 ? honestFlagged / (double) honestAgents : 0.0;
      for (int s = 0; s < strategyNames.size(); s++) {
        out[i++] = allocated > 0 ? strategyKat[s] / (double) allocated : 0.0;
      }
      for (int s = 0; s < strategyNames.size(); s++) {
        out[i++] = strategyAgents[s];
      }
    }

    /** Updates each agent's results, lets idle agents leave and paying gaming strategies recruit. */
    private void respond() {
      long honestKat = 0;
      int honestAgents = 0;
      for (Agent a : agents) {
        if (!a.active) {
          continue;
        }
        long kat = agentKat[a.index()];
        a.lastKat = kat;
        a.totalKat += kat;
        a.idleCycles = kat == 0 ? a.idleCycles + 1 : 0;
        if (!a.strategy().gaming()) {
          honestKat += kat;
          honestAgents++;
        }
      }
      int cycle = context.cycleIndex();
      if (behaviour.recruitmentRate() > 0) {
        double honestMean = honestAgents > 0 ? honestKat / (double) honestAgents : 0.0;
        int active = 0;
        for (Agent a : agents) {
          if (a.active) {
            active++;
          }
        }
        for (Population.Group g : population.groups()) {
          Strategy st = g.strategy();
          if (!st.gaming()) {
            continue;
          }
          long kat = 0;
          int count = 0;
          for (Agent a : agents) {
            if (a.active && a.strategy().equals(st)) {
              kat += agentKat[a.index()];
              count++;
            }
          }
          if (count == 0 || kat / (double) count <= honestMean) {
            continue;
          }
          double expected = behaviour.recruitmentRate() * count;
          int joins = (int) Math.floor(expected);
          if (random.nextDouble() < expected - joins) {
            joins++;
          }
          joins = (int) Math.min(joins, Math.max(0L, (long) behaviour.maxAgents() - active));
          for (int j = 0; j < joins; j++) {
            addAgent(st, cycle + 1);
            active++;
          }
        }
      }
      if (behaviour.leaveAfterIdleCycles() > 0) {
        for (Agent a : agents) {
          if (a.active && a.joinedCycle() <= cycle && a.idleCycles >= behaviour.leaveAfterIdleCycles()) {
            a.active = false;
          }
        }
      }
    }
  }

  /** Builds a {@link Simulation}; not thread-safe. */
  public static final class Builder {
    private final Policy policy;
    private Population population = Population.builder().build();
    private int cycles = 12;
    private Behaviour behaviour = Behaviour.STATIC;
    private WorkModel work = WorkModel.standard();
    private YearMonth firstMonth = YearMonth.of(2026, 1);

    private Builder(Policy policy) {
      this.policy = Checks.notNull(policy, "policy");
    }

    /** Sets the initial population. */
    public Builder population(Population value) {
      this.population = Checks.notNull(value, "population");
      return this;
    }

    /**
     * Sets the number of cycles per run (default 12).
     *
     * @param value &gt;= 1
     */
    public Builder cycles(int value) {
      Checks.argument(value >= 1, "cycles (" + value + ") must be >= 1");
      this.cycles = value;
      return this;
    }

    /** Sets how agents respond to results (default {@link Behaviour#STATIC}). */
    public Builder behaviour(Behaviour value) {
      this.behaviour = Checks.notNull(value, "behaviour");
      return this;
    }

    /** Sets the categories and role the built-in strategies use (default {@link WorkModel#standard()}). */
    public Builder work(WorkModel value) {
      this.work = Checks.notNull(value, "work");
      return this;
    }

    /** Sets the calendar month of the first cycle (default 2026-01); cycles are consecutive UTC months. */
    public Builder firstMonth(YearMonth value) {
      this.firstMonth = Checks.notNull(value, "firstMonth");
      return this;
    }

    /** Builds the simulation; compiles the policy once. */
    public Simulation build() {
      return new Simulation(this);
    }
  }
}
