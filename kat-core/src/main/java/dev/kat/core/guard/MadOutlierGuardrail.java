package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Holds robust statistical outliers for human review: contributors whose credit this cycle lies far above
 * everyone else's, measured with the median absolute deviation (MAD), which a few extreme values cannot
 * move. Holding is not punishing: reviewers release what is genuine.
 *
 * <pre>
 *   x_i      log(credit_i) of each contributor with positive credit (credit so far this cycle)
 *   MAD      median |x_i − median(x)|
 *   z_i      0.6745 · (x_i − median(x)) / MAD          (Iglewicz and Hoaglin's modified z-score)
 *            when MAD = 0: (x_i − median(x)) / (1.253314 · mean |x_i − median(x)|)
 *   held     every record of a contributor with z_i &gt; threshold, when at least minPopulation
 *            contributors have credit
 * </pre>
 *
 * Credit is compared on a log scale because honest credit is right-skewed: a very active honest member is
 * a few times the median, a farmer is orders of magnitude above it.
 */
public final class MadOutlierGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "mad-outlier";

  private final double threshold;
  private final int minPopulation;

  /**
   * An outlier detector.
   *
   * @param threshold the modified z-score above which a contributor is held, finite and &gt; 0
   * @param minPopulation contributors with credit needed before anyone is judged, &gt;= 3
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public MadOutlierGuardrail(double threshold, int minPopulation) {
    this.threshold = Checks.positive(threshold, "threshold");
    Checks.argument(minPopulation >= 3, "minPopulation (" + minPopulation + ") must be >= 3");
    this.minPopulation = minPopulation;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("minPopulation", Integer.toString(minPopulation));
    p.put("threshold", Rows.num(threshold));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int n = b.rows();
    long[] credit = new long[b.people()];
    boolean[] contributes = new boolean[b.people()];
    for (int r = 0; r < n; r++) {
      credit[b.contributor(r)] += Math.max(0, context.credit(r));
      contributes[b.contributor(r)] = true;
    }
    int m = 0;
    for (int x = 0; x < credit.length; x++) {
      if (contributes[x] && credit[x] > 0) {
        m++;
      }
    }
    if (m < minPopulation) {
      return;
    }
    double[] values = new double[m];
    int j = 0;
    for (int x = 0; x < credit.length; x++) {
      if (contributes[x] && credit[x] > 0) {
        values[j++] = Math.log(credit[x]);
      }
    }
    Arrays.sort(values);
    double median = median(values);
    double[] dev = new double[m];
    double sum = 0;
    for (int i = 0; i < m; i++) {
      dev[i] = Math.abs(values[i] - median);
    }
    Arrays.sort(dev);
    for (double d : dev) {
      sum += d;
    }
    double mad = median(dev);
    double scale = mad > 0 ? mad / 0.6745 : 1.253314 * sum / m;
    if (!(scale > 0)) {
      return;
    }
    long medianCredit = Math.round(Math.exp(median));
    boolean[] held = new boolean[b.people()];
    double[] z = new double[b.people()];
    boolean any = false;
    for (int x = 0; x < credit.length; x++) {
      if (contributes[x] && credit[x] > 0) {
        z[x] = (Math.log(credit[x]) - median) / scale;
        if (z[x] > threshold) {
          held[x] = true;
          any = true;
        }
      }
    }
    if (!any) {
      return;
    }
    long[] keys = new long[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (held[b.contributor(r)]) {
        keys[k++] = ((long) b.contributor(r) << 32) | r;
      }
    }
    Arrays.sort(keys, 0, k);
    for (int s = 0; s < k; ) {
      int c = (int) (keys[s] >>> 32);
      int t = s;
      while (t < k && (int) (keys[t] >>> 32) == c) {
        t++;
      }
      int[] rows = new int[t - s];
      for (int i = s; i < t; i++) {
        rows[i - s] = (int) keys[i];
      }
      String evidence = b.personId(c) + " earned " + Fixed.format(credit[c], 2) + " credit this cycle, far above the "
          + "typical " + Fixed.format(medianCredit, 2) + " (robust z-score " + String.format(java.util.Locale.ROOT, "%.1f", z[c])
          + " above the limit " + Rows.num(threshold) + "); the " + rows.length + " record(s) are held for a reviewer"
          + " to confirm, not rejected. Until released they earn nothing this cycle.";
      sink.flag(Severity.LOW, Action.HOLD, 0.0, rows, new int[] {c}, evidence);
      s = t;
    }
  }

  private static double median(double[] sorted) {
    int m = sorted.length;
    return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
