package dev.kat.cli.simulate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A small line chart as inline SVG: one or more series, each a line through its points with an optional
 * shaded band (e.g. the 10th–90th percentile across runs) and optional point markers. Numbers are
 * written the same in every locale, so a chart's bytes depend only on its data.
 */
final class SvgPlot {
  static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac"};

  private static final int WIDTH = 720;
  private static final int HEIGHT = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 200;
  private static final int TOP = 36;
  private static final int BOTTOM = 50;

  /**
   * One series.
   *
   * @param name the legend label
   * @param x the x values, increasing
   * @param y the y values
   * @param lo the band's lower edge per point, or null for no band
   * @param hi the band's upper edge per point, or null
   */
  record Series(String name, double[] x, double[] y, double[] lo, double[] hi) {}

  private SvgPlot() {}

  /** The chart as an {@code <svg>} element. */
  static String render(String title, String xLabel, String yLabel, List<Series> series, boolean markers) {
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        xmin = Math.min(xmin, s.x()[i]);
        xmax = Math.max(xmax, s.x()[i]);
        ymin = Math.min(ymin, s.lo() != null ? s.lo()[i] : s.y()[i]);
        ymax = Math.max(ymax, s.hi() != null ? s.hi()[i] : s.y()[i]);
      }
    }
    if (!(xmin <= xmax)) {
      xmin = 0;
      xmax = 1;
    }
    if (!(ymin <= ymax)) {
      ymin = 0;
      ymax = 1;
    }
    ymin = Math.min(ymin, 0);
    if (xmax == xmin) {
      xmax = xmin + 1;
    }
    if (ymax == ymin) {
      ymax = ymin + 1;
    }
    double[] yt = ticks(ymin, ymax);
    ymin = Math.min(ymin, yt[0]);
    ymax = Math.max(ymax, yt[yt.length - 1]);
    double[] xt = ticks(xmin, xmax);
    double x0 = xmin;
    double x1 = xmax;
    double y0 = ymin;
    double y1 = ymax;
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v - x0) / (x1 - x0) * pw;
    java.util.function.DoubleUnaryOperator sy = v -> TOP + ph - (v - y0) / (y1 - y0) * ph;

    StringBuilder sb = new StringBuilder(4096);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append("<text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(esc(title))
        .append("</text>\n");
    for (double t : yt) {
      if (t < y0 || t > y1) {
        continue;
      }
      String y = num(sy.applyAsDouble(t));
      sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"").append(y)
          .append("\" y2=\"").append(y).append("\" stroke=\"#e0e0e0\"/>\n");
      sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\" text-anchor=\"end\" dy=\"4\">")
          .append(label(t)).append("</text>\n");
    }
    for (double t : xt) {
      if (t < x0 || t > x1) {
        continue;
      }
      String x = num(sx.applyAsDouble(t));
      sb.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(TOP + ph)
          .append("\" y2=\"").append(TOP + ph + 5).append("\" stroke=\"#444\"/>\n");
      sb.append("<text x=\"").append(x).append("\" y=\"").append(TOP + ph + 18).append("\" text-anchor=\"middle\">")
          .append(label(t)).append("</text>\n");
    }
    sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(pw)
        .append("\" height=\"").append(ph).append("\" fill=\"none\" stroke=\"#444\"/>\n");
    sb.append("<text x=\"").append(LEFT + pw / 2).append("\" y=\"").append(HEIGHT - 10)
        .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>\n");
    sb.append("<text transform=\"translate(16 ").append(TOP + ph / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(esc(yLabel)).append("</text>\n");
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      String color = COLORS[k % COLORS.length];
      int n = s.x().length;
      if (s.lo() != null && s.hi() != null && n > 0) {
        List<String> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          pts.add(num(sx.applyAsDouble(s.x()[i])) + "," + num(sy.applyAsDouble(s.hi()[i])));
        }
        for (int i = n - 1; i >= 0; i--) {
          pts.add(num(sx.applyAsDouble(s.x()[i])) + "," + num(sy.applyAsDouble(s.lo()[i])));
        }
        sb.append("<polygon points=\"").append(String.join(" ", pts)).append("\" fill=\"").append(color)
            .append("\" fill-opacity=\"0.18\" stroke=\"none\"/>\n");
      }
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          line.append(' ');
        }
        line.append(num(sx.applyAsDouble(s.x()[i]))).append(',').append(num(sy.applyAsDouble(s.y()[i])));
      }
      sb.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"").append(color)
          .append("\" stroke-width=\"2\"/>\n");
      if (markers) {
        for (int i = 0; i < n; i++) {
          sb.append("<circle cx=\"").append(num(sx.applyAsDouble(s.x()[i]))).append("\" cy=\"")
              .append(num(sy.applyAsDouble(s.y()[i]))).append("\" r=\"3\" fill=\"").append(color).append("\"/>\n");
        }
      }
      int ly = TOP + 8 + k * 18;
      sb.append("<rect x=\"").append(LEFT + pw + 12).append("\" y=\"").append(ly - 6).append("\" width=\"14\" height=\"4\" fill=\"")
          .append(color).append("\"/>\n");
      sb.append("<text x=\"").append(LEFT + pw + 32).append("\" y=\"").append(ly).append("\">").append(esc(s.name()))
          .append("</text>\n");
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  /** About six round tick values covering [lo, hi]. */
  static double[] ticks(double lo, double hi) {
    double span = hi - lo;
    double raw = span / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / mag;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    double first = Math.floor(lo / step) * step;
    double last = Math.ceil(hi / step) * step;
    int n = (int) Math.round((last - first) / step) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = first + i * step;
    }
    return t;
  }

  /** A tick label: up to six significant digits, no exponent, trailing zeros removed. */
  static String label(double v) {
    if (Math.abs(v) < 1e-12) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** A coordinate with one decimal. */
  static String num(double v) {
    return new BigDecimal(v).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
