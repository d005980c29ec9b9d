package dev.kat.cli.report;

import java.util.List;

/**
 * Inline SVG charts: horizontal bar charts and a Lorenz curve. Pure functions of their data; coordinates
 * are written with at most two decimals so that the same data gives the same bytes.
 */
final class Svg {
  private Svg() {}

  /**
   * One bar.
   *
   * @param label the label on the left
   * @param value the bar's length in any unit (&gt;= 0)
   * @param text the value as shown at the bar's end
   * @param kind a CSS class suffix choosing the colour ({@code a}, {@code b})
   */
  record Bar(String label, double value, String text, String kind) {}

  private static final int ROW = 22;

  /** A horizontal bar chart 640 units wide; {@code name} becomes the {@code data-chart} attribute. */
  static String bars(String name, String title, List<Bar> bars) {
    return bars(name, title, bars, 640, 190, 90);
  }

  /**
   * A horizontal bar chart {@code width} units wide, with {@code labelWidth} units for the labels and
   * {@code valueWidth} for the values; {@code name} becomes the {@code data-chart} attribute.
   */
  static String bars(String name, String title, List<Bar> bars, int width, int labelWidth, int valueWidth) {
    double max = 0;
    for (Bar b : bars) {
      max = Math.max(max, b.value());
    }
    int height = Math.max(1, bars.size()) * ROW + 8;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart bars\" data-chart=\"").append(Html.esc(name)).append("\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"").append(Html.esc(title))
        .append("\" preserveAspectRatio=\"xMinYMin meet\"><title>").append(Html.esc(title)).append("</title>");
    double span = width - labelWidth - valueWidth;
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = 4 + i * ROW;
      double w = max <= 0 ? 0 : Math.max(b.value() > 0 ? 1 : 0, span * b.value() / max);
      String label = b.label().length() > 28 ? b.label().substring(0, 27) + "…" : b.label();
      sb.append("<g><title>").append(Html.esc(b.label() + ": " + b.text())).append("</title>");
      sb.append("<text class=\"label\" x=\"").append(labelWidth - 8).append("\" y=\"").append(Html.num(y + 15))
          .append("\" text-anchor=\"end\">").append(Html.esc(label)).append("</text>");
      sb.append("<rect class=\"bar bar-").append(b.kind()).append("\" x=\"").append(labelWidth).append("\" y=\"")
          .append(Html.num(y + 3)).append("\" width=\"").append(Html.num(w)).append("\" height=\"").append(ROW - 6)
          .append("\" rx=\"2\"/>");
      sb.append("<text class=\"value\" x=\"").append(Html.num(labelWidth + w + 6)).append("\" y=\"").append(Html.num(y + 15))
          .append("\">").append(Html.esc(b.text())).append("</text></g>");
    }
    sb.append("</svg>");
    return sb.toString();
  }

  /**
   * The Lorenz curve of {@code amounts} (the share of the total held by the poorest p of holders, for
   * every p), with the line of equality; {@code gini} is printed inside.
   */
  static String lorenz(String name, String title, long[] amounts, double gini) {
    long[] x = amounts.clone();
    java.util.Arrays.sort(x);
    double total = 0;
    for (long v : x) {
      total += v;
    }
    int size = 300;
    int pad = 40;
    int full = size + 2 * pad;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart lorenz\" data-chart=\"").append(Html.esc(name)).append("\" viewBox=\"0 0 ")
        .append(full).append(' ').append(full).append("\" role=\"img\" aria-label=\"").append(Html.esc(title))
        .append("\"><title>").append(Html.esc(title)).append("</title>");
    sb.append("<rect class=\"frame\" x=\"").append(pad).append("\" y=\"").append(pad).append("\" width=\"").append(size)
        .append("\" height=\"").append(size).append("\"/>");
    for (int k = 1; k < 4; k++) {
      double g = pad + size * k / 4.0;
      sb.append("<line class=\"grid\" x1=\"").append(Html.num(g)).append("\" y1=\"").append(pad).append("\" x2=\"")
          .append(Html.num(g)).append("\" y2=\"").append(pad + size).append("\"/>");
      sb.append("<line class=\"grid\" x1=\"").append(pad).append("\" y1=\"").append(Html.num(g)).append("\" x2=\"")
          .append(pad + size).append("\" y2=\"").append(Html.num(g)).append("\"/>");
    }
    StringBuilder pts = new StringBuilder();
    pts.append(pad).append(',').append(pad + size);
    double cum = 0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      cum += x[i];
      double px = pad + size * (i + 1) / (double) n;
      double py = pad + size - (total == 0 ? 0 : size * cum / total);
      pts.append(' ').append(Html.num(px)).append(',').append(Html.num(py));
    }
    sb.append("<polygon class=\"gap\" points=\"").append(pts).append(' ').append(pad + size).append(',').append(pad)
        .append("\"/>");
    sb.append("<line class=\"equality\" x1=\"").append(pad).append("\" y1=\"").append(pad + size).append("\" x2=\"")
        .append(pad + size).append("\" y2=\"").append(pad).append("\"/>");
    sb.append("<polyline class=\"curve\" points=\"").append(pts).append("\"/>");
    sb.append("<text class=\"axis\" x=\"").append(pad + size / 2).append("\" y=\"").append(full - 8)
        .append("\" text-anchor=\"middle\">share of contributors (poorest first)</text>");
    sb.append("<text class=\"axis\" transform=\"rotate(-90)\" x=\"").append(-(pad + size / 2)).append("\" y=\"16\"")
        .append(" text-anchor=\"middle\">share of KAT</text>");
    sb.append("<text class=\"axis\" x=\"").append(pad).append("\" y=\"").append(pad + size + 14)
        .append("\" text-anchor=\"middle\">0</text>");
    sb.append("<text class=\"axis\" x=\"").append(pad + size).append("\" y=\"").append(pad + size + 14)
        .append("\" text-anchor=\"middle\">100%</text>");
    sb.append("<text class=\"axis\" x=\"").append(pad - 4).append("\" y=\"").append(pad + 4)
        .append("\" text-anchor=\"end\">100%</text>");
    sb.append("<text class=\"gini\" x=\"").append(pad + 14).append("\" y=\"").append(pad + 28).append("\">Gini ")
        .append(String.format(java.util.Locale.ROOT, "%.3f", gini)).append("</text>");
    sb.append("</svg>");
    return sb.toString();
  }

  /** A progress bar of {@code value / target}, capped at full. */
  static String progress(String name, String title, double value, double target) {
    double share = target <= 0 ? 0 : Math.min(1, value / target);
    int w = 400;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart progress\" data-chart=\"").append(Html.esc(name)).append("\" viewBox=\"0 0 ")
        .append(w).append(" 16\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\"><title>")
        .append(Html.esc(title)).append("</title><rect class=\"track\" x=\"0\" y=\"2\" width=\"").append(w)
        .append("\" height=\"12\" rx=\"6\"/><rect class=\"fill\" x=\"0\" y=\"2\" width=\"").append(Html.num(w * share))
        .append("\" height=\"12\" rx=\"6\"/></svg>");
    return sb.toString();
  }
}
