package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A Monte Carlo experiment: a model run many times from seeds derived from one master seed, at every
 * point of a full grid of parameters.
 *
 * <pre>{@code
 * Experiment e = Experiment.builder("ring-size")
 *     .masterSeed(42).runs(100)
 *     .sweep("ringSize", 2, 4, 8)
 *     .sweep("guardrails", "off", "on")          // A/B: the same seeds for both variants
 *     .model(p -> Simulation.builder(policyFor(p)).population(populationFor(p)).cycles(12).build())
 *     .build();
 * try (Writer w = Files.newBufferedWriter(out)) {
 *   e.run(Runtime.getRuntime().availableProcessors(), new TidyCsvWriter(w));
 * }
 * }</pre>
 *
 * <p><b>Seeds.</b> Run {@code r} starts from {@link Seeds#forRun(long, int) Seeds.forRun(master, r)} at
 * every grid point, so points and variants are compared on the same draws (common random numbers).
 *
 * <p><b>Grid.</b> Points are the Cartesian product of the sweeps in declared order, the first sweep
 * varying slowest. A text sweep is how policies are compared A/B; the model maps its value to a policy.
 *
 * <p><b>Execution.</b> Runs go to one pool shared by the whole experiment (not one per configuration);
 * each run is single-threaded. Results are handed to the sink in canonical order (point, then run)
 * through a bounded reorder window, so at most a window of finished runs is held in memory and the
 * output is byte-identical for any number of threads.
 */
public final class Experiment {
  private static final int WINDOW_PER_THREAD = 8;

  private final String name;
  private final long masterSeed;
  private final int runs;
  private final List<String> sweepNames;
  private final List<List<String>> sweepValues;
  private final Function<Parameters, Simulation> model;
  private final List<Parameters> points;

  private Experiment(Builder b) {
    this.name = b.name;
    this.masterSeed = b.masterSeed;
    this.runs = b.runs;
    this.sweepNames = List.copyOf(b.sweepNames);
    List<List<String>> vs = new ArrayList<>();
    for (List<String> v : b.sweepValues) {
      vs.add(List.copyOf(v));
    }
    this.sweepValues = List.copyOf(vs);
    this.model = b.model;
    List<Parameters> pts = new ArrayList<>();
    grid(0, Parameters.none(), pts);
    this.points = List.copyOf(pts);
  }

  private void grid(int dim, Parameters at, List<Parameters> out) {
    if (dim == sweepNames.size()) {
      out.add(at);
      return;
    }
    for (String v : sweepValues.get(dim)) {
      grid(dim + 1, at.with(sweepNames.get(dim), v), out);
    }
  }

  /** A builder of an experiment called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The experiment's name (the first CSV column). */
  public String name() {
    return name;
  }

  /** The master seed. */
  public long masterSeed() {
    return masterSeed;
  }

  /** Runs per grid point. */
  public int runs() {
    return runs;
  }

  /** The swept parameter names, in declared order. */
  public List<String> sweepNames() {
    return sweepNames;
  }

  /** The grid points, the first sweep varying slowest; one empty point when nothing is swept. */
  public List<Parameters> points() {
    return points;
  }

  /** The simulation at {@code point}, built by the model function. */
  public Simulation simulation(Parameters point) {
    return Checks.notNull(model.apply(point), "model result for " + point);
  }

  /**
   * Runs every point × run on a pool of {@code threads} threads created for this experiment and shut
   * down at the end, handing each run to {@code sink} in canonical order.
   *
   * @param threads &gt;= 1
   * @throws IllegalStateException if a run fails (its cause attached) or the thread is interrupted
   */
  public void run(int threads, ResultSink sink) {
    Checks.argument(threads >= 1, "threads (" + threads + ") must be >= 1");
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kat-sim");
      t.setDaemon(true);
      return t;
    });
    try {
      run(pool, threads * WINDOW_PER_THREAD, sink);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs every point × run on {@code pool}, keeping at most {@code window} runs in flight or finished
   * but not yet handed on, and hands each run to {@code sink} in canonical order.
   *
   * @param window &gt;= 1; a few times the pool's parallelism keeps every thread busy
   * @throws IllegalStateException if a run fails (its cause attached) or the thread is interrupted
   */
  public void run(ExecutorService pool, int window, ResultSink sink) {
    Checks.notNull(pool, "pool");
    Checks.notNull(sink, "sink");
    Checks.argument(window >= 1, "window (" + window + ") must be >= 1");
    ArrayDeque<Future<RunResult>> inFlight = new ArrayDeque<>();
    ArrayDeque<int[]> keys = new ArrayDeque<>();
    Simulation[] sims = new Simulation[points.size()];
    try {
      for (int p = 0; p < points.size(); p++) {
        for (int r = 0; r < runs; r++) {
          if (sims[p] == null) {
            sims[p] = simulation(points.get(p));
          }
          Simulation sim = sims[p];
          long seed = Seeds.forRun(masterSeed, r);
          inFlight.add(pool.submit(() -> sim.run(seed)));
          keys.add(new int[] {p, r});
          if (inFlight.size() >= window) {
            deliver(inFlight, keys, sink);
          }
        }
        if (p > 0) {
          sims[p - 1] = null;
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(inFlight, keys, sink);
      }
    } finally {
      for (Future<RunResult> f : inFlight) {
        f.cancel(true);
      }
    }
  }

  private void deliver(ArrayDeque<Future<RunResult>> inFlight, ArrayDeque<int[]> keys, ResultSink sink) {
    Future<RunResult> f = inFlight.poll();
    int[] key = keys.poll();
    RunResult result;
    try {
      result = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running experiment " + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("run " + key[1] + " at " + points.get(key[0]) + " of experiment " + name
          + " failed: " + e.getCause(), e.getCause());
    }
    sink.accept(name, points.get(key[0]), key[1], result);
  }

  /** Builds an {@link Experiment}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private long masterSeed;
    private int runs = 1;
    private final List<String> sweepNames = new ArrayList<>();
    private final List<List<String>> sweepValues = new ArrayList<>();
    private Function<Parameters, Simulation> model;

    private Builder(String name) {
      Checks.notBlank(name, "name");
      Checks.argument(name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0,
          "name (" + name + ") must not contain a comma, quote or line break");
      this.name = name;
    }

    /** Sets the master seed all run seeds derive from (default 0). */
    public Builder masterSeed(long value) {
      this.masterSeed = value;
      return this;
    }

    /**
     * Sets the number of runs per grid point (default 1).
     *
     * @param value &gt;= 1
     */
    public Builder runs(int value) {
      Checks.argument(value >= 1, "runs (" + value + ") must be >= 1");
      this.runs = value;
      return this;
    }

    /** Sweeps the number parameter {@code name} over {@code values}, in that order. */
    public Builder sweep(String name, double... values) {
      Checks.notNull(values, "values");
      String[] text = new String[values.length];
      for (int i = 0; i < values.length; i++) {
        text[i] = Parameters.format(values[i]);
      }
      return sweep(name, text);
    }

    /**
     * Sweeps the text parameter {@code name} over {@code values}, in that order (e.g. policy variants
     * for an A/B comparison).
     *
     * @throws IllegalArgumentException if the name is already swept, or there are no values or
     *     duplicates
     */
    public Builder sweep(String name, String... values) {
      Checks.notBlank(name, "name");
      Checks.notNull(values, "values");
      Checks.argument(!sweepNames.contains(name), "parameter (" + name + ") is already swept");
      Checks.argument(values.length > 0, "sweep " + name + " needs at least one value");
      List<String> v = List.of(values);
      Checks.argument(v.stream().distinct().count() == v.size(), "sweep " + name + " repeats a value: " + v);
      Parameters.none().with(name, values[0]);
      sweepNames.add(name);
      sweepValues.add(v);
      return this;
    }

    /** Sets the function building the simulation for a grid point; called once per point. */
    public Builder model(Function<Parameters, Simulation> value) {
      this.model = Checks.notNull(value, "model");
      return this;
    }

    /**
     * Builds the experiment.
     *
     * @throws IllegalStateException if no model was set
     */
    public Experiment build() {
      Checks.state(model != null, "experiment " + name + " has no model; call model(...)");
      return new Experiment(this);
    }
  }
}
