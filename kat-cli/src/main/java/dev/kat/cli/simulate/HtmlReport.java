package dev.kat.cli.simulate;

import dev.kat.core.sim.Experiment;
import dev.kat.core.sim.Parameters;
import dev.kat.core.sim.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML summary of an experiment: settings, then for each chosen metric a chart of the
 * metric over cycles (mean across runs, with the 10th–90th percentile band) per grid point, a chart of
 * its final value against the swept parameter (one line per combination of the other parameters), and a
 * table of final values. Charts are inline SVG; the page loads nothing.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String render(ExperimentDocument doc, Summary summary, String csvName) {
    Experiment e = doc.experiment();
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(SvgPlot.esc(e.name())).append(" — KAT simulation</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}figure{margin:1em 0}</style>\n")
        .append("</head>\n<body>\n<h1>").append(SvgPlot.esc(e.name())).append("</h1>\n");
    if (!doc.description().isEmpty()) {
      sb.append("<p>").append(SvgPlot.esc(doc.description())).append("</p>\n");
    }
    List<Parameters> points = summary.points();
    int cycles = points.isEmpty() ? 0 : summary.cycles(points.get(0));
    sb.append("<p>").append(e.runs()).append(" runs per grid point × ").append(points.size()).append(" grid points × ")
        .append(cycles).append(" cycles; master seed ").append(e.masterSeed())
        .append(". Lines are means across runs; shaded bands span the 10th to 90th percentile. Every value is in <a href=\"")
        .append(SvgPlot.esc(csvName)).append("\">").append(SvgPlot.esc(csvName)).append("</a>.</p>\n");
    for (String metric : doc.metrics()) {
      sb.append("<h2>").append(SvgPlot.esc(metric)).append("</h2>\n");
      List<SvgPlot.Series> over = new ArrayList<>();
      for (Parameters p : points) {
        double[] x = new double[cycles];
        double[] y = new double[cycles];
        double[] lo = new double[cycles];
        double[] hi = new double[cycles];
        for (int c = 0; c < cycles; c++) {
          x[c] = c;
          y[c] = summary.mean(p, metric, c);
          lo[c] = summary.quantile(p, metric, c, 0.1);
          hi[c] = summary.quantile(p, metric, c, 0.9);
        }
        over.add(new SvgPlot.Series(p.names().isEmpty() ? "all runs" : p.toString(), x, y, lo, hi));
      }
      sb.append("<figure>").append(SvgPlot.render(metric + " over cycles", "cycle", metric, over, false))
          .append("</figure>\n");
      if (doc.x() != null) {
        sb.append("<figure>").append(SvgPlot.render(metric + " in the last cycle against " + doc.x(), doc.x(), metric,
            finalSeries(summary, metric, doc.x(), cycles - 1), true)).append("</figure>\n");
      }
      sb.append("<table>\n<tr><th>grid point</th><th>mean (last cycle)</th><th>p10</th><th>p90</th>"
          + "<th>mean over cycles</th></tr>\n");
      for (Parameters p : points) {
        sb.append("<tr><td>").append(SvgPlot.esc(p.names().isEmpty() ? "all runs" : p.toString())).append("</td><td>")
            .append(SvgPlot.label(summary.mean(p, metric, cycles - 1))).append("</td><td>")
            .append(SvgPlot.label(summary.quantile(p, metric, cycles - 1, 0.1))).append("</td><td>")
            .append(SvgPlot.label(summary.quantile(p, metric, cycles - 1, 0.9))).append("</td><td>")
            .append(SvgPlot.label(summary.meanOverCycles(p, metric))).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** Final values against parameter {@code x}: one series per combination of the other parameters. */
  static List<SvgPlot.Series> finalSeries(Summary summary, String metric, String x, int cycle) {
    Map<String, List<Parameters>> groups = new LinkedHashMap<>();
    for (Parameters p : summary.points()) {
      StringBuilder key = new StringBuilder();
      for (String n : p.names()) {
        if (!n.equals(x)) {
          key.append(key.length() == 0 ? "" : ";").append(n).append('=').append(p.text(n));
        }
      }
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(p);
    }
    List<SvgPlot.Series> out = new ArrayList<>();
    for (Map.Entry<String, List<Parameters>> g : groups.entrySet()) {
      List<Parameters> ps = new ArrayList<>(g.getValue());
      ps.sort((a, b) -> Double.compare(a.number(x), b.number(x)));
      int n = ps.size();
      double[] xs = new double[n];
      double[] y = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        Parameters p = ps.get(i);
        xs[i] = p.number(x);
        y[i] = summary.mean(p, metric, cycle);
        lo[i] = summary.quantile(p, metric, cycle, 0.1);
        hi[i] = summary.quantile(p, metric, cycle, 0.9);
      }
      out.add(new SvgPlot.Series(g.getKey().isEmpty() ? metric : g.getKey(), xs, y, lo, hi));
    }
    return out;
  }

  /** The chart of the final value of {@code metric} against {@code x}, as standalone SVG. */
  static String finalChart(Summary summary, String title, String metric, String x) {
    Parameters first = summary.points().get(0);
    return SvgPlot.render(title, x, metric, finalSeries(summary, metric, x, summary.cycles(first) - 1), true);
  }
}
