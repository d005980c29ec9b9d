package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import dev.kat.core.policy.CapSpec;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Caps one contributor's credit in one category on one UTC day, with the same soft and hard bounds and
 * diminishing curves as the policy's caps ({@link CapSpec}): the finer-grained volume brake that
 * {@link dev.kat.core.policy.Caps} (per day over all categories, per category over the cycle, per cycle)
 * does not offer.
 *
 * <pre>
 *   group   (contributor, category, UTC day), for the configured category or, with "*", every category
 *   sum     the group's credit so far (micro-units)
 *   factor  micros(cap.apply(sum)) / sum, applied to every record of the group when below 1
 * </pre>
 *
 * The groups are found by sorting packed {@code (contributor, category, day)} keys. Runs in the guard
 * stage, before the policy's caps, and reports each capped group as a dampening flag so the statement
 * shows it.
 */
public final class CategoryDayCapGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "category-day-cap";
  /** The category value that caps every category separately. */
  public static final String EVERY_CATEGORY = "*";

  private final String category;
  private final CapSpec cap;

  /**
   * A per-category-per-day cap.
   *
   * @param category the category id, or {@link #EVERY_CATEGORY} for each category separately
   * @param cap the cap; must limit something
   * @throws IllegalArgumentException if {@code category} is blank or {@code cap} is unlimited
   */
  public CategoryDayCapGuardrail(String category, CapSpec cap) {
    this.category = Checks.notBlank(category, "category");
    Checks.notNull(cap, "cap");
    Checks.argument(!cap.isNone(), "cap (" + cap + ") must limit something");
    this.cap = cap;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("category", category);
    p.put("curve", cap.curve().name());
    p.put("hard", Rows.num(cap.hard()));
    p.put("soft", Rows.num(cap.soft()));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int only = -1;
    if (!category.equals(EVERY_CATEGORY)) {
      for (int c = 0; c < b.categories(); c++) {
        if (b.categoryId(c).equals(category)) {
          only = c;
        }
      }
      if (only < 0) {
        return;
      }
    }
    int n = b.rows();
    long firstDay = Math.floorDiv(context.cycle().start().getEpochSecond(), 86_400L);
    long[] keys = new long[n];
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (only < 0 || b.category(r) == only) {
        keys[m++] = key(b, r, firstDay);
      }
    }
    if (m == 0) {
      return;
    }
    long[] groups = Arrays.copyOf(keys, m);
    Arrays.sort(groups);
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (u == 0 || groups[u - 1] != groups[i]) {
        groups[u++] = groups[i];
      }
    }
    long[] sum = new long[u];
    int[] size = new int[u];
    int[] groupOf = new int[n];
    Arrays.fill(groupOf, -1);
    for (int r = 0; r < n; r++) {
      if (only < 0 || b.category(r) == only) {
        int g = Arrays.binarySearch(groups, 0, u, key(b, r, firstDay));
        groupOf[r] = g;
        sum[g] += Math.max(0, context.credit(r));
        size[g]++;
      }
    }
    double[] factor = new double[u];
    int capped = 0;
    for (int g = 0; g < u; g++) {
      factor[g] = 1.0;
      if (sum[g] > 0) {
        long allowed = Fixed.toMicros(cap.apply(Fixed.toDouble(sum[g])));
        if (allowed < sum[g]) {
          factor[g] = allowed / (double) sum[g];
          capped++;
        }
      }
    }
    if (capped == 0) {
      return;
    }
    int[][] rows = new int[u][];
    int[] fill = new int[u];
    for (int r = 0; r < n; r++) {
      int g = groupOf[r];
      if (g >= 0 && factor[g] < 1.0) {
        if (rows[g] == null) {
          rows[g] = new int[size[g]];
        }
        rows[g][fill[g]++] = r;
      }
    }
    for (int g = 0; g < u; g++) {
      if (factor[g] >= 1.0) {
        continue;
      }
      int person = (int) (groups[g] >>> 32);
      int cat = (int) ((groups[g] >>> 16) & 0xFFFF);
      LocalDate day = LocalDate.ofEpochDay(firstDay + (groups[g] & 0xFFFF));
      String evidence = b.personId(person) + " earned " + Fixed.format(sum[g], 2) + " credit in "
          + b.categoryId(cat) + " on " + day + ", above the daily cap for that category (soft " + Rows.num(cap.soft())
          + ", hard " + Rows.num(cap.hard()) + ", " + cap.curve().name().toLowerCase(java.util.Locale.ROOT)
          + "); that day's " + size[g] + " record(s) there count " + Fixed.formatFactor(factor[g])
          + " of their credit. Spreading work over days or categories keeps full credit.";
      sink.flag(Severity.INFO, Action.DAMPEN, factor[g], rows[g], new int[] {person}, evidence);
    }
  }

  private static long key(BatchView b, int row, long firstDay) {
    long day = Math.floorDiv(b.epochSecond(row), 86_400L) - firstDay;
    return ((long) b.contributor(row) << 32) | ((long) b.category(row) << 16) | (Math.max(0, Math.min(0xFFFF, day)));
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
