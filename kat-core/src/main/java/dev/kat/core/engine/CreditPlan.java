package dev.kat.core.engine;

import dev.kat.core.internal.DoubleColumn;
import dev.kat.core.internal.Fixed;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The policy's credit formula compiled to primitive tables, and its evaluation for one row.
 *
 * <p>Modifiers are resolved per category and credit adjustments per (category, role, working group)
 * combination once per batch, so the per-row work is a few array reads and multiplications. The same
 * method computes a row's credit and, on demand, the steps that explain it, so an explanation can never
 * disagree with the figure.
 */
final class CreditPlan {
  private final Policy policy;
  private final String[] categoryIds;
  private final double[] base;
  private final Unit[] unit;
  private final AttributeModifier[] modifiers;
  private final int[][] modifiersByCategory;
  private final String[] roleIds;
  private final double[] roleWeight;
  private final CreditAdjustment[] adjustments;

  CreditPlan(Policy policy) {
    this.policy = policy;
    List<CategorySpec> cats = new ArrayList<>(policy.categories().values());
    int k = cats.size();
    categoryIds = new String[k];
    base = new double[k];
    unit = new Unit[k];
    modifiers = policy.modifiers().toArray(new AttributeModifier[0]);
    modifiersByCategory = new int[k][];
    for (int c = 0; c < k; c++) {
      CategorySpec spec = cats.get(c);
      categoryIds[c] = spec.id();
      base[c] = spec.baseCredit();
      unit[c] = spec.unit();
      int[] idx = new int[modifiers.length];
      int n = 0;
      for (int m = 0; m < modifiers.length; m++) {
        if (modifiers[m].appliesTo(spec.id())) {
          idx[n++] = m;
        }
      }
      modifiersByCategory[c] = Arrays.copyOf(idx, n);
    }
    roleIds = policy.roles().keySet().toArray(new String[0]);
    roleWeight = new double[roleIds.length];
    for (int r = 0; r < roleIds.length; r++) {
      roleWeight[r] = policy.roles().get(roleIds[r]).weight();
    }
    adjustments = policy.adjustments().toArray(new CreditAdjustment[0]);
  }

  /** Rows per block of {@link Bound#creditAll()}: the block's columns stay in the first-level caches. */
  static final int BLOCK = 1024;

  /** Rows per parallel task of {@link Bound#creditAll()}. */
  static final int CHUNK = 64 * BLOCK;

  /** Per-batch tables: which adjustments apply to each (category, role, working group). */
  final class Bound {
    private final ContributionBatch batch;
    private final int roles;
    private final int groups;
    private final int[][] adjustmentsByKey;
    /** Per category, the adjustments that apply under some (role, working group) of it, in policy order. */
    private final int[][] adjustmentsOfCategory;
    /** Per adjustment, whether it applies under each (category, role, working group) key. */
    private final boolean[][] appliesAt;
    private final DoubleColumn[] modifierColumns;
    private final DoubleColumn[] quantityColumns;
    private final DoubleColumn[] adjustmentColumns;
    private final byte[][] modifierCodes;
    private final double[][] modifierTables;
    private final byte[][] adjustmentCodes;
    private final double[][] adjustmentTables;
    private final byte[][] quantityCodes;
    private final double[][] quantityTables;
    /** Whether category {@code c}'s quantity and modifier columns are byte-coded (see {@link #creditCoded}). */
    private final boolean[] coded;

    Bound(ContributionBatch batch) {
      this.batch = batch;
      this.roles = roleIds.length;
      this.groups = Math.max(1, batch.workingGroups());
      int keys = categoryIds.length * roles * groups;
      adjustmentsByKey = new int[keys][];
      int[] none = new int[0];
      for (int c = 0; c < categoryIds.length; c++) {
        for (int r = 0; r < roles; r++) {
          for (int g = 0; g < groups; g++) {
            String wg = batch.workingGroups() == 0 ? "" : batch.workingGroupId(g);
            int[] idx = new int[adjustments.length];
            int n = 0;
            for (int a = 0; a < adjustments.length; a++) {
              if (adjustments[a].matchesKey(categoryIds[c], roleIds[r], wg)) {
                idx[n++] = a;
              }
            }
            adjustmentsByKey[(c * roles + r) * groups + g] = n == 0 ? none : Arrays.copyOf(idx, n);
          }
        }
      }
      appliesAt = new boolean[adjustments.length][keys];
      adjustmentsOfCategory = new int[categoryIds.length][];
      for (int c = 0; c < categoryIds.length; c++) {
        boolean[] used = new boolean[adjustments.length];
        for (int key = c * roles * groups; key < (c + 1) * roles * groups; key++) {
          for (int a : adjustmentsByKey[key]) {
            appliesAt[a][key] = true;
            used[a] = true;
          }
        }
        int[] idx = new int[adjustments.length];
        int n = 0;
        for (int a = 0; a < adjustments.length; a++) {
          if (used[a]) {
            idx[n++] = a;
          }
        }
        adjustmentsOfCategory[c] = Arrays.copyOf(idx, n);
      }
      modifierColumns = new DoubleColumn[modifiers.length];
      for (int m = 0; m < modifiers.length; m++) {
        modifierColumns[m] = batch.attributeColumn(modifiers[m].attribute());
      }
      quantityColumns = new DoubleColumn[categoryIds.length];
      for (int c = 0; c < categoryIds.length; c++) {
        String q = unit[c].quantityAttribute();
        quantityColumns[c] = q == null ? null : batch.attributeColumn(q);
      }
      adjustmentColumns = new DoubleColumn[adjustments.length];
      for (int a = 0; a < adjustments.length; a++) {
        String name = adjustments[a].attribute();
        adjustmentColumns[a] = name == null ? null : batch.attributeColumn(name);
      }
      // Byte-coded columns hold at most 255 distinct values: each factor is computed once per code (the
      // same function of the same value, so the same double) and rows then read it from a table.
      modifierCodes = new byte[modifiers.length][];
      modifierTables = new double[modifiers.length][];
      for (int m = 0; m < modifiers.length; m++) {
        byte[] codes = modifierColumns[m].byteCodes();
        if (codes != null) {
          double[] t = new double[256];
          for (int code = 0; code < 256; code++) {
            double x = modifierColumns[m].byteCodeValue(code);
            t[code] = modifiers[m].curve().apply(Double.isNaN(x) ? modifiers[m].defaultValue() : x);
          }
          modifierCodes[m] = codes;
          modifierTables[m] = t;
        }
      }
      adjustmentCodes = new byte[adjustments.length][];
      adjustmentTables = new double[adjustments.length][];
      for (int a = 0; a < adjustments.length; a++) {
        DoubleColumn col = adjustmentColumns[a];
        if (col == null) {
          continue;
        }
        byte[] codes = col.byteCodes();
        if (codes == null) {
          continue;
        }
        // An adjustment that does not match leaves the credit as it is: a factor of exactly 1.0.
        double[] t = new double[256];
        for (int code = 0; code < 256; code++) {
          double x = col.byteCodeValue(code);
          t[code] = !Double.isNaN(x) && adjustments[a].matchesAttribute(x) ? adjustments[a].factor() : 1.0;
        }
        adjustmentCodes[a] = codes;
        adjustmentTables[a] = t;
      }
      quantityCodes = new byte[categoryIds.length][];
      quantityTables = new double[categoryIds.length][];
      coded = new boolean[categoryIds.length];
      for (int c = 0; c < categoryIds.length; c++) {
        boolean ok = true;
        DoubleColumn qc = quantityColumns[c];
        if (qc != null) {
          byte[] codes = qc.byteCodes();
          if (codes == null) {
            ok = false;
          } else {
            double[] t = new double[256];
            for (int code = 0; code < 256; code++) {
              t[code] = unit[c].quantity(qc.byteCodeValue(code));
            }
            quantityCodes[c] = codes;
            quantityTables[c] = t;
          }
        }
        for (int m : modifiersByCategory[c]) {
          ok &= modifierCodes[m] != null;
        }
        coded[c] = ok;
      }
    }

    /**
     * Every row's credit in micro-units, indexed by row: the same figures as {@link #credit(int, List)}
     * row by row, bit for bit.
     *
     * <p>Rows are taken in blocks of {@value #BLOCK}; within a block they are bucketed by category and each
     * bucket is evaluated with that category's quantity column and modifiers fixed. The per-row formula and
     * the order of its multiplications are exactly those of {@code credit(row, null)}; only the order in
     * which rows are visited changes, which keeps the category-dependent branches predictable (categories
     * usually alternate from row to row). A batch of more than {@value #CHUNK} rows is split into chunks
     * evaluated in parallel by the calling thread and the common fork-join pool (a parallel stream; on a
     * JVM with one processor, e.g. {@code -XX:ActiveProcessorCount=1}, it stays on the calling thread);
     * the figures do not depend on the thread count.
     */
    long[] creditAll() {
      return creditAll(CHUNK);
    }

    /** {@link #creditAll()} with {@code chunk} rows per parallel task (a multiple of {@link #BLOCK}). */
    long[] creditAll(int chunk) {
      int n = batch.rows();
      long[] out = new long[n];
      int chunks = (n + chunk - 1) / chunk;
      if (chunks > 1 && Runtime.getRuntime().availableProcessors() > 1) {
        // Rows are independent and each chunk writes only its own rows, so the result is the same for any
        // thread count or schedule.
        IntStream.range(0, chunks).parallel().forEach(k -> creditRange(k * chunk, Math.min(n, (k + 1) * chunk), out));
      } else {
        creditRange(0, n, out);
      }
      return out;
    }

    /** {@code credit(row, null)} into {@code out[row]} for the rows {@code [from, to)}. */
    private void creditRange(int from, int to, long[] out) {
      int k = categoryIds.length;
      int[] start = new int[k + 1];
      int[] fill = new int[k + 1];
      int size = Math.min(BLOCK, Math.max(to - from, 1));
      int[] bucket = new int[size];
      double[] value = new double[size];
      int[] key = new int[size];
      boolean quality = policy.reviewQualityWeighting();
      for (int lo = from; lo < to; lo += BLOCK) {
        int hi = Math.min(to, lo + BLOCK);
        Arrays.fill(start, 0);
        for (int row = lo; row < hi; row++) {
          start[batch.category(row) + 1]++;
        }
        for (int c = 0; c < k; c++) {
          start[c + 1] += start[c];
        }
        System.arraycopy(start, 0, fill, 0, k + 1);
        for (int row = lo; row < hi; row++) {
          bucket[fill[batch.category(row)]++] = row;
        }
        for (int c = 0; c < k; c++) {
          if (start[c] < start[c + 1]) {
            if (coded[c]) {
              creditCoded(c, bucket, start[c], start[c + 1], quality, value, key, out);
            } else {
              creditBucket(c, bucket, start[c], start[c + 1], quality, out);
            }
          }
        }
      }
    }

    /**
     * {@link #creditBucket} when category {@code c}'s quantity and modifier columns are byte-coded: the
     * quantity, each modifier's factor and each attribute adjustment's factor (where its column is
     * byte-coded too) are read from per-code tables.
     *
     * <p>The bucket is evaluated one factor at a time over all its rows ({@code value} holds each row's
     * running product, {@code key} its (category, role, working group) key), so each pass is a short loop
     * with no inner loop of varying length, and the rows' independent chains of multiplications overlap. A
     * row still takes its factors in the formula's order; an adjustment that does not apply under the row's
     * key, or whose condition the row does not meet, multiplies by exactly 1.0, which leaves every double
     * (NaN included) as it is, so the figures are those of {@code credit(row, null)} bit for bit.
     */
    private void creditCoded(int c, int[] bucket, int from, int to, boolean quality, double[] value, int[] key,
        long[] out) {
      int n = to - from;
      double b = base[c];
      byte[] qCodes = quantityCodes[c];
      if (qCodes != null) {
        double[] qTable = quantityTables[c];
        for (int i = 0; i < n; i++) {
          value[i] = b * qTable[qCodes[bucket[from + i]] & 0xFF];
        }
      } else {
        Arrays.fill(value, 0, n, b);
      }
      for (int m : modifiersByCategory[c]) {
        byte[] codes = modifierCodes[m];
        double[] table = modifierTables[m];
        for (int i = 0; i < n; i++) {
          value[i] *= table[codes[bucket[from + i]] & 0xFF];
        }
      }
      int[] adjusting = adjustmentsOfCategory[c];
      if (adjusting.length > 0) {
        int keyBase = c * roles * groups;
        for (int i = 0; i < n; i++) {
          int row = bucket[from + i];
          key[i] = keyBase + batch.role(row) * groups + batch.workingGroup(row);
        }
        for (int a : adjusting) {
          boolean[] applies = appliesAt[a];
          byte[] codes = adjustmentCodes[a];
          if (codes != null) {
            double[] table = adjustmentTables[a];
            for (int i = 0; i < n; i++) {
              value[i] *= applies[key[i]] ? table[codes[bucket[from + i]] & 0xFF] : 1.0;
            }
          } else if (adjustmentColumns[a] == null) {
            double f = adjustments[a].factor();
            for (int i = 0; i < n; i++) {
              value[i] *= applies[key[i]] ? f : 1.0;
            }
          } else {
            DoubleColumn col = adjustmentColumns[a];
            CreditAdjustment adj = adjustments[a];
            for (int i = 0; i < n; i++) {
              if (applies[key[i]]) {
                double x = col.get(bucket[from + i]);
                if (!Double.isNaN(x) && adj.matchesAttribute(x)) {
                  value[i] *= adj.factor();
                }
              }
            }
          }
        }
      }
      for (int i = 0; i < n; i++) {
        int row = bucket[from + i];
        double v = value[i] * roleWeight[batch.role(row)];
        if (quality) {
          double q = batch.approvalQuality(row);
          if (!Double.isNaN(q)) {
            v *= q;
          }
        }
        out[row] = Fixed.toMicros(v);
      }
    }

    /**
     * The rest of {@code credit(row, null)} after the quantity and modifiers gave {@code v}: the
     * adjustments of the row's (category, role, working group) key in policy order (from the per-code
     * table where the adjustment's column has one: the same factor), the role weight and the review quality.
     */
    private long rest(int row, int keyBase, double v, boolean quality) {
      int r = batch.role(row);
      for (int a : adjustmentsByKey[keyBase + r * groups + batch.workingGroup(row)]) {
        byte[] codes = adjustmentCodes[a];
        if (codes != null) {
          v *= adjustmentTables[a][codes[row] & 0xFF];
        } else if (adjustmentColumns[a] == null) {
          v *= adjustments[a].factor();
        } else {
          double x = adjustmentColumns[a].get(row);
          if (!Double.isNaN(x) && adjustments[a].matchesAttribute(x)) {
            v *= adjustments[a].factor();
          }
        }
      }
      v *= roleWeight[r];
      if (quality) {
        double q = batch.approvalQuality(row);
        if (!Double.isNaN(q)) {
          v *= q;
        }
      }
      return Fixed.toMicros(v);
    }

    /** {@code credit(row, null)} for the rows {@code bucket[from, to)}, all of category {@code c}. */
    private void creditBucket(int c, int[] bucket, int from, int to, boolean quality, long[] out) {
      double b = base[c];
      DoubleColumn qc = quantityColumns[c];
      Unit u = unit[c];
      int[] mods = modifiersByCategory[c];
      int keyBase = c * roles * groups;
      for (int i = from; i < to; i++) {
        int row = bucket[i];
        double v = b;
        if (qc != null) {
          v *= u.quantity(qc.get(row));
        }
        for (int m : mods) {
          double x = modifierColumns[m].get(row);
          if (Double.isNaN(x)) {
            x = modifiers[m].defaultValue();
          }
          v *= modifiers[m].curve().apply(x);
        }
        out[row] = rest(row, keyBase, v, quality);
      }
    }

    /** The row's credit in micro-units; when {@code steps} is not null, the steps that produce it. */
    long credit(int row, List<Step> steps) {
      int c = batch.category(row);
      int r = batch.role(row);
      int g = batch.workingGroup(row);
      double v = base[c];
      if (steps != null) {
        steps.add(new Step("credit", "base:" + categoryIds[c], base[c],
            "base credit of category " + categoryIds[c] + " " + unitWords(unit[c])));
      }
      if (quantityColumns[c] != null) {
        double raw = quantityColumns[c].get(row);
        double q = unit[c].quantity(raw);
        v *= q;
        if (steps != null) {
          steps.add(new Step("credit", "quantity", q, unit[c].quantityAttribute() + " = "
              + Fixed.formatFactor(raw)));
        }
      }
      for (int m : modifiersByCategory[c]) {
        double x = modifierColumns[m].get(row);
        if (Double.isNaN(x)) {
          x = modifiers[m].defaultValue();
        }
        double f = modifiers[m].curve().apply(x);
        v *= f;
        if (steps != null) {
          steps.add(new Step("credit", modifiers[m].id(), f, modifiers[m].attribute() + " = " + Fixed.formatFactor(x)));
        }
      }
      for (int a : adjustmentsByKey[(c * roles + r) * groups + g]) {
        DoubleColumn col = adjustmentColumns[a];
        if (col != null) {
          double x = col.get(row);
          if (Double.isNaN(x) || !adjustments[a].matchesAttribute(x)) {
            continue;
          }
        }
        v *= adjustments[a].factor();
        if (steps != null) {
          steps.add(new Step("credit", adjustments[a].ruleId(), adjustments[a].factor(), adjustments[a].reason()));
        }
      }
      v *= roleWeight[r];
      if (steps != null) {
        steps.add(new Step("credit", "role:" + roleIds[r], roleWeight[r], "weight of role " + roleIds[r]));
      }
      if (policy.reviewQualityWeighting()) {
        double q = batch.approvalQuality(row);
        if (!Double.isNaN(q)) {
          v *= q;
          if (steps != null) {
            steps.add(new Step("credit", "review-quality", q, "median quality score of approving reviews"));
          }
        }
      }
      return Fixed.toMicros(v);
    }
  }

  private static String unitWords(Unit u) {
    switch (u) {
      case PER_HOUR:
        return "per hour";
      case PER_CURRENCY_UNIT:
        return "per currency unit";
      default:
        return "per record";
    }
  }
}
