package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects an experiment's metrics per grid point for summaries and plots: across runs, the mean and
 * quantiles of every metric at every cycle. It keeps one {@code double} per point, run, cycle and metric
 * (never records or engine results), so an experiment of 20 points × 100 runs × 24 cycles × 20 metrics
 * holds under 8 MB. Use it next to a {@link TidyCsvWriter} (see {@link #both}). Not thread-safe; an
 * experiment calls its sink from one thread.
 */
public final class Summary implements ResultSink {
  private final Map<String, Point> points = new LinkedHashMap<>();
  private String experiment;

  /** An empty summary. */
  public Summary() {}

  /** A sink handing each run to {@code first} and then to {@code second}. */
  public static ResultSink both(ResultSink first, ResultSink second) {
    Checks.notNull(first, "first");
    Checks.notNull(second, "second");
    return (e, p, r, res) -> {
      first.accept(e, p, r, res);
      second.accept(e, p, r, res);
    };
  }

  @Override
  public void accept(String experimentName, Parameters parameters, int run, RunResult result) {
    this.experiment = experimentName;
    Point p = points.computeIfAbsent(parameters.toString(), k -> new Point(parameters, result.metrics(), result.cycles()));
    p.add(result);
  }

  /** The experiment's name, or null before any run. */
  public String experiment() {
    return experiment;
  }

  /** The grid points seen, in order of arrival. */
  public List<Parameters> points() {
    List<Parameters> out = new ArrayList<>();
    for (Point p : points.values()) {
      out.add(p.parameters);
    }
    return out;
  }

  /** The metric names of {@code point}. */
  public List<String> metrics(Parameters point) {
    return at(point).metrics;
  }

  /** The number of cycles of {@code point}'s runs. */
  public int cycles(Parameters point) {
    return at(point).cycles;
  }

  /** The number of runs seen at {@code point}. */
  public int runs(Parameters point) {
    return at(point).runs.size();
  }

  /** The values of {@code metric} at {@code cycle} over the runs at {@code point}, in run order. */
  public double[] values(Parameters point, String metric, int cycle) {
    Point p = at(point);
    int m = p.metric(metric);
    Checks.argument(cycle >= 0 && cycle < p.cycles, "cycle (" + cycle + ") must be in [0, " + p.cycles + ")");
    double[] out = new double[p.runs.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = p.runs.get(r)[cycle * p.metrics.size() + m];
    }
    return out;
  }

  /** The mean of {@code metric} at {@code cycle} across runs at {@code point}. */
  public double mean(Parameters point, String metric, int cycle) {
    double[] v = values(point, metric, cycle);
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /**
   * The {@code q}-quantile of {@code metric} at {@code cycle} across runs at {@code point}, by linear
   * interpolation between order statistics (type 7 of Hyndman and Fan, the default of R and NumPy).
   *
   * @param q in [0, 1]
   */
  public double quantile(Parameters point, String metric, int cycle, double q) {
    Checks.inRange(q, 0, 1, "q");
    double[] v = values(point, metric, cycle);
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    double h = (v.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.length - 1, lo + 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** The mean over runs of the mean of {@code metric} over all cycles, at {@code point}. */
  public double meanOverCycles(Parameters point, String metric) {
    Point p = at(point);
    double s = 0;
    for (int c = 0; c < p.cycles; c++) {
      s += mean(point, metric, c);
    }
    return s / p.cycles;
  }

  private Point at(Parameters point) {
    Point p = points.get(Checks.notNull(point, "point").toString());
    Checks.argument(p != null, "point (" + point + ") has no runs in this summary");
    return p;
  }

  private static final class Point {
    final Parameters parameters;
    final List<String> metrics;
    final int cycles;
    final List<double[]> runs = new ArrayList<>();

    Point(Parameters parameters, List<String> metrics, int cycles) {
      this.parameters = parameters;
      this.metrics = metrics;
      this.cycles = cycles;
    }

    int metric(String name) {
      int i = metrics.indexOf(name);
      Checks.argument(i >= 0, "metric (" + name + ") is not one of " + metrics);
      return i;
    }

    void add(RunResult r) {
      double[] v = new double[cycles * metrics.size()];
      for (int c = 0; c < cycles; c++) {
        for (int m = 0; m < metrics.size(); m++) {
          v[c * metrics.size() + m] = r.value(c, m);
        }
      }
      runs.add(v);
    }
  }
}
