package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import java.time.Instant;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Holds bursts for human review: more records by one contributor inside a sliding time window than a
 * person could plausibly do. The records are not punished: held records earn nothing this cycle and are
 * listed for reviewers, who can release them.
 *
 * <pre>
 *   for each contributor, records sorted by time t1 &lt;= t2 &lt;= …
 *   a burst is a run t_i … t_j with t_j − t_i &lt; windowSeconds and j − i + 1 &gt; maxRecords
 *   every record in some burst is held (one flag per contributor)
 * </pre>
 *
 * Times are sorted as packed {@code (contributor, seconds since cycle start)} longs, so the work is one
 * sort of the batch.
 */
public final class VelocityGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "velocity";

  private final long windowSeconds;
  private final int maxRecords;

  /**
   * A burst detector.
   *
   * @param windowSeconds the sliding window, in seconds, in [1, 31 days]
   * @param maxRecords the most records one person may plausibly have in one window, &gt;= 1
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public VelocityGuardrail(long windowSeconds, int maxRecords) {
    Checks.argument(windowSeconds >= 1 && windowSeconds <= 31L * 86_400,
        "windowSeconds (" + windowSeconds + ") must be in [1, 2678400]");
    Checks.argument(maxRecords >= 1, "maxRecords (" + maxRecords + ") must be >= 1");
    this.windowSeconds = windowSeconds;
    this.maxRecords = maxRecords;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("maxRecords", Integer.toString(maxRecords));
    p.put("windowSeconds", Long.toString(windowSeconds));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int n = b.rows();
    if (n <= maxRecords) {
      return;
    }
    long start = context.cycle().start().getEpochSecond();
    // The keys (contributor, time offset) sorted: a counting sort by contributor, then a sort of each
    // contributor's few keys; the same array a full sort gives, without a second array of keys.
    int people = b.people();
    int[] from = new int[people + 1];
    for (int r = 0; r < n; r++) {
      from[b.contributor(r) + 1]++;
    }
    for (int c = 0; c < people; c++) {
      from[c + 1] += from[c];
    }
    int[] fill = Arrays.copyOf(from, people);
    long[] keys = new long[n];
    for (int r = 0; r < n; r++) {
      long offset = Math.max(0, Math.min(0xFFFF_FFFFL, b.epochSecond(r) - start));
      int c = b.contributor(r);
      keys[fill[c]++] = ((long) c << 32) | offset;
    }
    fill = null;
    for (int c = 0; c < people; c++) {
      if (from[c + 1] - from[c] > 1) {
        Arrays.sort(keys, from[c], from[c + 1]);
      }
    }
    // Mark bursting contributors and the time span of their bursts.
    boolean[] bursting = new boolean[b.people()];
    boolean any = false;
    for (int i = 0; i + maxRecords < n; i++) {
      long a = keys[i];
      long z = keys[i + maxRecords];
      if ((a >>> 32) == (z >>> 32) && (z & 0xFFFF_FFFFL) - (a & 0xFFFF_FFFFL) < windowSeconds) {
        bursting[(int) (a >>> 32)] = true;
        any = true;
      }
    }
    if (!any) {
      return;
    }
    // Collect the bursting contributors' rows as (contributor, time, row) and mark those inside a burst.
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (bursting[b.contributor(r)]) {
        m++;
      }
    }
    long[] times = new long[m];
    int[] rows = new int[m];
    Integer[] order = new Integer[m];
    int j = 0;
    for (int r = 0; r < n; r++) {
      if (bursting[b.contributor(r)]) {
        rows[j] = r;
        order[j] = j;
        j++;
      }
    }
    Arrays.sort(order, (x, y) -> {
      int c = Integer.compare(b.contributor(rows[x]), b.contributor(rows[y]));
      return c != 0 ? c : Rows.compare(b, rows[x], rows[y]);
    });
    int[] sortedRows = new int[m];
    for (int i = 0; i < m; i++) {
      sortedRows[i] = rows[order[i]];
      times[i] = b.epochSecond(sortedRows[i]);
    }
    boolean[] held = new boolean[m];
    for (int i = 0; i + maxRecords < m; i++) {
      int k = i + maxRecords;
      if (b.contributor(sortedRows[i]) == b.contributor(sortedRows[k]) && times[k] - times[i] < windowSeconds) {
        for (int x = i; x <= k; x++) {
          held[x] = true;
        }
      }
    }
    for (int s = 0; s < m; ) {
      int c = b.contributor(sortedRows[s]);
      int t = s;
      int count = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      while (t < m && b.contributor(sortedRows[t]) == c) {
        if (held[t]) {
          count++;
          first = Math.min(first, times[t]);
          last = Math.max(last, times[t]);
        }
        t++;
      }
      int[] mine = new int[count];
      int q = 0;
      for (int i = s; i < t; i++) {
        if (held[i]) {
          mine[q++] = sortedRows[i];
        }
      }
      String evidence = count + " records of " + b.personId(c) + " between " + Instant.ofEpochSecond(first) + " and "
          + Instant.ofEpochSecond(last) + " come faster than " + maxRecords + " per " + window()
          + "; they are held for a reviewer to confirm, not rejected. Until released they earn nothing this cycle;"
          + " add the dates and evidence each piece of work really had if they were bulk-entered.";
      sink.flag(Severity.MEDIUM, Action.HOLD, 0.0, mine, new int[] {c}, evidence);
      s = t;
    }
  }

  private String window() {
    if (windowSeconds % 86_400 == 0) {
      return windowSeconds / 86_400 + " day(s)";
    }
    if (windowSeconds % 3600 == 0) {
      return windowSeconds / 3600 + " hour(s)";
    }
    return windowSeconds + " seconds";
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
