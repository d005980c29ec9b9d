package dev.kat.core.policy;

import dev.kat.core.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * A bounded piecewise-linear function: linear between its points, flat (clamped) outside them.
 *
 * <p>Because the curve is flat beyond its first and last point, its value is always between its
 * smallest and largest {@code y}; a modifier can never run away with an extreme attribute value.
 */
public final class Curve {
  private final double[] xs;
  private final double[] ys;

  private Curve(double[] xs, double[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  /**
   * A curve through {@code points}, given as {@code x0, y0, x1, y1, …} with strictly increasing x.
   *
   * @throws IllegalArgumentException if there are no points, an odd count, a non-finite value, a
   *     negative y, or x values that do not strictly increase
   */
  public static Curve of(double... points) {
    Checks.notNull(points, "points");
    Checks.argument(points.length >= 2 && points.length % 2 == 0,
        "points (" + points.length + " values) must be non-empty x,y pairs");
    int n = points.length / 2;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = Checks.finite(points[2 * i], "x[" + i + "]");
      ys[i] = Checks.nonNegative(points[2 * i + 1], "y[" + i + "]");
      if (i > 0) {
        Checks.argument(xs[i] > xs[i - 1],
            "x[" + i + "] (" + xs[i] + ") must be greater than x[" + (i - 1) + "] (" + xs[i - 1] + ")");
      }
    }
    return new Curve(xs, ys);
  }

  /** A constant curve. */
  public static Curve constant(double y) {
    return of(0.0, y);
  }

  /** The curve's value at {@code x}. */
  public double apply(double x) {
    if (x <= xs[0]) {
      return ys[0];
    }
    int last = xs.length - 1;
    if (x >= xs[last]) {
      return ys[last];
    }
    int hi;
    if (last < 8) {
      // Policies' curves have a handful of points: a scan beats the binary search and finds the same segment.
      hi = 1;
      while (xs[hi] < x) {
        hi++;
      }
      if (xs[hi] == x) {
        return ys[hi];
      }
    } else {
      int i = Arrays.binarySearch(xs, x);
      if (i >= 0) {
        return ys[i];
      }
      hi = -i - 1;
    }
    int lo = hi - 1;
    double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
    return ys[lo] + t * (ys[hi] - ys[lo]);
  }

  /** The smallest value the curve takes. */
  public double min() {
    return Arrays.stream(ys).min().orElseThrow();
  }

  /** The largest value the curve takes. */
  public double max() {
    return Arrays.stream(ys).max().orElseThrow();
  }

  /** The points as {@code [x, y]} pairs. */
  public List<double[]> points() {
    double[][] pts = new double[xs.length][];
    for (int i = 0; i < xs.length; i++) {
      pts[i] = new double[] {xs[i], ys[i]};
    }
    return List.of(pts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Curve && Arrays.equals(xs, ((Curve) o).xs) && Arrays.equals(ys, ((Curve) o).ys);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Curve[");
    for (int i = 0; i < xs.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('(').append(xs[i]).append(", ").append(ys[i]).append(')');
    }
    return sb.append(']').toString();
  }
}
