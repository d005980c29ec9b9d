package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics of one simulation run: one value per cycle and metric. Immutable.
 *
 * @see Simulation#metricNames()
 */
public final class RunResult {
  private final long seed;
  private final List<String> metrics;
  private final int cycles;
  private final double[] values;

  RunResult(long seed, List<String> metrics, int cycles, double[] values) {
    this.seed = seed;
    this.metrics = metrics;
    this.cycles = cycles;
    this.values = values;
  }

  /** The seed the run was started with. */
  public long seed() {
    return seed;
  }

  /** The metric names, in column order. */
  public List<String> metrics() {
    return metrics;
  }

  /** The number of cycles. */
  public int cycles() {
    return cycles;
  }

  /** The value of metric number {@code metric} after cycle {@code cycle}. */
  public double value(int cycle, int metric) {
    Checks.argument(cycle >= 0 && cycle < cycles, "cycle (" + cycle + ") must be in [0, " + cycles + ")");
    Checks.argument(metric >= 0 && metric < metrics.size(),
        "metric (" + metric + ") must be in [0, " + metrics.size() + ")");
    return values[cycle * metrics.size() + metric];
  }

  /** The value of {@code metric} after cycle {@code cycle}. */
  public double value(int cycle, String metric) {
    return value(cycle, indexOf(metric));
  }

  /** The value of {@code metric} after the last cycle. */
  public double last(String metric) {
    return value(cycles - 1, indexOf(metric));
  }

  /** The mean of {@code metric} over all cycles. */
  public double mean(String metric) {
    int m = indexOf(metric);
    double s = 0;
    for (int c = 0; c < cycles; c++) {
      s += values[c * metrics.size() + m];
    }
    return s / cycles;
  }

  /** The position of {@code metric} among {@link #metrics()}. */
  public int indexOf(String metric) {
    int i = metrics.indexOf(metric);
    Checks.argument(i >= 0, "metric (" + metric + ") is not one of " + metrics);
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunResult && seed == ((RunResult) o).seed && metrics.equals(((RunResult) o).metrics)
        && Arrays.equals(values, ((RunResult) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seed) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "RunResult[seed " + seed + ", " + cycles + " cycles, metrics " + metrics + "]";
  }
}
