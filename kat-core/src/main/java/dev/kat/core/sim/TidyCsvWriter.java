package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Streams runs to CSV in tidy form, one observation per line:
 *
 * <pre>
 * experiment,parameters,run,cycle,metric,value
 * ring-size,ringSize=4;guardrails=off,0,0,gini,0.412345
 * </pre>
 *
 * <p>{@code parameters} is the grid point as {@code name=value;name=value}; {@code run} and {@code cycle}
 * are 0-based; {@code value} is a plain decimal rounded half-even to six fractional digits with trailing
 * zeros removed ({@code 12}, {@code 0.25}), the same in every locale. Each run is written as soon as it is
 * handed over, so nothing accumulates in memory. The writer is not closed by this class.
 */
public final class TidyCsvWriter implements ResultSink, Flushable {
  /** The header line, without the line break. */
  public static final String HEADER = "experiment,parameters,run,cycle,metric,value";

  private final Writer out;
  private final StringBuilder line = new StringBuilder(128);
  private boolean headerWritten;

  /** A sink writing to {@code out}; the header is written with the first run. */
  public TidyCsvWriter(Writer out) {
    this.out = Checks.notNull(out, "out");
  }

  @Override
  public void accept(String experiment, Parameters parameters, int run, RunResult result) {
    try {
      if (!headerWritten) {
        out.write(HEADER);
        out.write('\n');
        headerWritten = true;
      }
      String prefix = experiment + "," + parameters + "," + run + ",";
      for (int c = 0; c < result.cycles(); c++) {
        for (int m = 0; m < result.metrics().size(); m++) {
          line.setLength(0);
          line.append(prefix).append(c).append(',').append(result.metrics().get(m)).append(',')
              .append(format(result.value(c, m))).append('\n');
          out.append(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write CSV row: " + e.getMessage(), e);
    }
  }

  /** Writes the header if no run was written (an experiment with no output still gets a valid file). */
  @Override
  public void flush() throws IOException {
    if (!headerWritten) {
      out.write(HEADER);
      out.write('\n');
      headerWritten = true;
    }
    out.flush();
  }

  /** The CSV text of a value: half-even to six fractional digits, trailing zeros removed. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal d = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
