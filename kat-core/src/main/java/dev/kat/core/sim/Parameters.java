package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One point of a parameter grid: named values in the grid's declared order. Values are kept in a
 * canonical text form (numbers as plain decimals without trailing zeros, so {@code 5.0} is {@code 5}),
 * which is what the CSV shows. Immutable.
 */
public final class Parameters {
  private static final Parameters NONE = new Parameters(List.of(), List.of());

  private final List<String> names;
  private final List<String> values;

  private Parameters(List<String> names, List<String> values) {
    this.names = List.copyOf(names);
    this.values = List.copyOf(values);
  }

  /** No parameters. */
  public static Parameters none() {
    return NONE;
  }

  /** A copy with {@code name} set to the text {@code value} (appended, or replaced in place). */
  public Parameters with(String name, String value) {
    Checks.notBlank(name, "name");
    Checks.notNull(value, "value");
    Checks.argument(name.indexOf('=') < 0 && name.indexOf(';') < 0 && name.indexOf(',') < 0,
        "name (" + name + ") must not contain '=', ';' or ','");
    Checks.argument(value.indexOf(';') < 0 && value.indexOf(',') < 0, "value (" + value + ") must not contain ';' or ','");
    List<String> n = new ArrayList<>(names);
    List<String> v = new ArrayList<>(values);
    int i = n.indexOf(name);
    if (i >= 0) {
      v.set(i, value);
    } else {
      n.add(name);
      v.add(value);
    }
    return new Parameters(n, v);
  }

  /** A copy with {@code name} set to the number {@code value}. */
  public Parameters with(String name, double value) {
    return with(name, format(value));
  }

  /** The names, in declared order. */
  public List<String> names() {
    return names;
  }

  /** Whether {@code name} is set. */
  public boolean has(String name) {
    return names.contains(name);
  }

  /** The text of {@code name}. */
  public String text(String name) {
    int i = names.indexOf(name);
    Checks.argument(i >= 0, "parameter (" + name + ") is not set; set are " + names);
    return values.get(i);
  }

  /** The text of {@code name}, or {@code fallback} when unset. */
  public String text(String name, String fallback) {
    int i = names.indexOf(name);
    return i >= 0 ? values.get(i) : fallback;
  }

  /** The number of {@code name}. */
  public double number(String name) {
    String t = text(name);
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter " + name + " (" + t + ") is not a number", e);
    }
  }

  /** The number of {@code name}, or {@code fallback} when unset. */
  public double number(String name, double fallback) {
    return has(name) ? number(name) : fallback;
  }

  /** The integer of {@code name}. */
  public int integer(String name) {
    double d = number(name);
    Checks.argument(d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE,
        "parameter " + name + " (" + text(name) + ") is not an integer");
    return (int) d;
  }

  /** The integer of {@code name}, or {@code fallback} when unset. */
  public int integer(String name, int fallback) {
    return has(name) ? integer(name) : fallback;
  }

  /** The canonical text form of a number: a plain decimal without trailing zeros ({@code 5}, {@code 0.25}). */
  public static String format(double value) {
    Checks.finite(value, "value");
    if (value == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** {@code name=value;name=value} in declared order; empty for no parameters. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(';');
      }
      sb.append(names.get(i)).append('=').append(values.get(i));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters && names.equals(((Parameters) o).names) && values.equals(((Parameters) o).values);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + values.hashCode();
  }
}
