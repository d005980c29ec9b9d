package dev.kat.rules.compare;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.metrics.Concentration;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Framework;
import dev.kat.rules.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Several DAOs' results of one cycle under one framework, side by side: for every category, each DAO's
 * credit per record and per hour and its configured base credit; each DAO's KAT Gini coefficient; and a
 * flag wherever a DAO's value is more than {@code threshold} times the median of the DAOs that recognise the
 * category. Immutable; the same results give the same comparison in any order.
 *
 * <pre>{@code
 * CohortComparison c = CohortComparison.of(framework, List.of(exchange, tokenomics, creative), 1.5);
 * c.flags();        // e.g. cultural-creative-dao pays documentation 2.0x the cohort median per record
 * c.render();       // a Markdown report
 * }</pre>
 */
public final class CohortComparison {
  private final String framework;
  private final double threshold;
  private final List<CategoryRate> rates;
  private final SortedMap<String, Double> gini;
  private final List<GenerosityFlag> flags;

  private CohortComparison(String framework, double threshold, List<CategoryRate> rates,
      SortedMap<String, Double> gini, List<GenerosityFlag> flags) {
    this.framework = framework;
    this.threshold = threshold;
    this.rates = List.copyOf(rates);
    this.gini = Collections.unmodifiableSortedMap(gini);
    this.flags = List.copyOf(flags);
  }

  /**
   * Compares {@code results}, one per DAO (the DAO is each result's policy's {@code dao}, or its id).
   *
   * @param framework the framework the DAOs share
   * @param results one result per DAO, of the same cycle
   * @param threshold how many times the cohort median counts as far more generous, &gt; 1
   * @throws IllegalArgumentException if the threshold is not above 1, there is no result, or two results
   *     belong to one DAO
   */
  public static CohortComparison of(Framework framework, List<CycleResult> results, double threshold) {
    Checks.notNull(framework, "framework");
    Checks.notNull(results, "results");
    Checks.argument(threshold > 1 && Double.isFinite(threshold), "threshold (" + threshold + ") must be > 1");
    Checks.argument(!results.isEmpty(), "results must not be empty");
    TreeMap<String, CycleResult> byDao = new TreeMap<>();
    for (CycleResult r : results) {
      String dao = r.policy().dao().isEmpty() ? r.policy().id() : r.policy().dao();
      Checks.argument(byDao.put(dao, r) == null, "two results for DAO " + dao);
    }
    List<CategoryRate> rates = new ArrayList<>();
    TreeMap<String, Double> gini = new TreeMap<>();
    for (Map.Entry<String, CycleResult> e : byDao.entrySet()) {
      rates.addAll(rates(e.getKey(), e.getValue()));
      long[] kat = e.getValue().allocations().values().stream().mapToLong(Long::longValue).toArray();
      gini.put(e.getKey(), kat.length == 0 ? 0.0 : Concentration.gini(kat));
    }
    rates.sort((a, b) -> a.category().equals(b.category()) ? a.dao().compareTo(b.dao())
        : a.category().compareTo(b.category()));
    List<GenerosityFlag> flags = new ArrayList<>();
    TreeMap<String, List<CategoryRate>> byCategory = new TreeMap<>();
    rates.forEach(r -> byCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r));
    for (List<CategoryRate> same : byCategory.values()) {
      flag(flags, same, "credit per record", r -> r.records() == 0 ? Double.NaN : r.creditPerRecord(), threshold);
      flag(flags, same, "credit per hour", CategoryRate::creditPerHour, threshold);
      TreeMap<String, List<CategoryRate>> byUnit = new TreeMap<>();
      same.forEach(r -> byUnit.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r));
      for (List<CategoryRate> sameUnit : byUnit.values()) {
        flag(flags, sameUnit, "base credit", CategoryRate::baseCredit, threshold);
      }
    }
    return new CohortComparison(framework.id(), threshold, rates, gini, flags);
  }

  private static List<CategoryRate> rates(String dao, CycleResult r) {
    ContributionBatch b = r.batch();
    long[] credit = r.rowCredits();
    TreeMap<String, long[]> counts = new TreeMap<>();
    TreeMap<String, double[]> hours = new TreeMap<>();
    for (int row = 0; row < b.rows(); row++) {
      String c = b.categoryId(b.category(row));
      long[] v = counts.computeIfAbsent(c, k -> new long[3]);
      v[0]++;
      v[1] += credit[row];
      double minutes = b.attribute(row, "durationMinutes", Double.NaN);
      if (!Double.isNaN(minutes)) {
        hours.computeIfAbsent(c, k -> new double[1])[0] += minutes / 60.0;
        v[2] += credit[row];
      }
    }
    List<CategoryRate> out = new ArrayList<>();
    for (CategorySpec spec : r.policy().categories().values()) {
      long[] v = counts.getOrDefault(spec.id(), new long[3]);
      double h = hours.containsKey(spec.id()) ? hours.get(spec.id())[0] : 0;
      out.add(new CategoryRate(dao, spec.id(), spec.unit().name().toLowerCase(Locale.ROOT), spec.baseCredit(), v[0], h,
          v[1], v[0] == 0 ? 0 : v[1] / 1e6 / v[0], h > 0 ? v[2] / 1e6 / h : Double.NaN));
    }
    return out;
  }

  private static void flag(List<GenerosityFlag> out, List<CategoryRate> same, String measure,
      ToDoubleFunction<CategoryRate> value, double threshold) {
    double[] values = same.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (values.length < 2) {
      return;
    }
    double median = median(values);
    if (!(median > 0)) {
      return;
    }
    for (CategoryRate r : same) {
      double v = value.applyAsDouble(r);
      if (!Double.isNaN(v) && v > threshold * median) {
        out.add(new GenerosityFlag(r.dao(), r.category(), measure, v, median, v / median));
      }
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The framework's id. */
  public String framework() {
    return framework;
  }

  /** Every DAO's rate for every category it declares, by category then DAO. */
  public List<CategoryRate> rates() {
    return rates;
  }

  /** The Gini coefficient of each DAO's KAT this cycle (0 = equal, towards 1 = concentrated). */
  public SortedMap<String, Double> gini() {
    return gini;
  }

  /** Where a DAO is far more generous than the cohort median, by category, measure and DAO. */
  public List<GenerosityFlag> flags() {
    return flags;
  }

  /** A Markdown report: rates per category, KAT Gini per DAO and the flags. The same text in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Cohort comparison under ").append(framework).append("\n\n");
    sb.append("| category | DAO | unit | base credit | records | hours | credit | credit/record | credit/hour |\n");
    sb.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (CategoryRate r : rates) {
      sb.append("| ").append(r.category()).append(" | ").append(r.dao()).append(" | ").append(r.unit())
          .append(" | ").append(num(r.baseCredit())).append(" | ").append(r.records()).append(" | ")
          .append(num(r.hours())).append(" | ").append(num(r.credit() / 1e6)).append(" | ")
          .append(num(r.creditPerRecord())).append(" | ").append(num(r.creditPerHour())).append(" |\n");
    }
    sb.append("\n| DAO | KAT Gini |\n| --- | ---: |\n");
    gini.forEach((dao, g) -> sb.append("| ").append(dao).append(" | ").append(num(g)).append(" |\n"));
    sb.append("\nFlags (more than ").append(num(threshold)).append("x the cohort median):\n\n");
    if (flags.isEmpty()) {
      sb.append("- none\n");
    }
    for (GenerosityFlag f : flags) {
      sb.append("- ").append(f.dao()).append(": ").append(f.category()).append(' ').append(f.measure()).append(' ')
          .append(num(f.value())).append(" is ").append(num(f.ratio())).append("x the cohort median ")
          .append(num(f.cohortMedian())).append('\n');
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  @Override
  public String toString() {
    return "CohortComparison[" + framework + ", " + gini.size() + " DAOs, " + flags.size() + " flags, rates "
        + Arrays.toString(rates.stream().map(CategoryRate::category).distinct().toArray()) + "]";
  }
}
