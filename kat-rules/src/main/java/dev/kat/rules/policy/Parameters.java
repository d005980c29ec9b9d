package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings of one configurable component (a guardrail, an allocation policy) as written in a policy
 * document: named JSON scalars or lists of them. Typed getters fail with an {@link IllegalArgumentException}
 * naming the parameter; the reader turns that into a problem located at the parameter. The reader also
 * reports every parameter a factory did not ask for as unknown.
 *
 * <p>Values are {@link String}, {@link BigDecimal}, {@link Boolean} or {@link List} of those.
 */
public final class Parameters {
  private final SortedMap<String, Object> values;
  private final SortedSet<String> read = new TreeSet<>();

  private Parameters(SortedMap<String, Object> values) {
    this.values = values;
  }

  /**
   * Parameters with the given values.
   *
   * @param values values that are String, Number, Boolean or List of those; not null
   * @throws IllegalArgumentException if a value has another type
   */
  public static Parameters of(Map<String, ?> values) {
    Checks.notNull(values, "values");
    SortedMap<String, Object> m = new TreeMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      m.put(Checks.notBlank(e.getKey(), "parameter name"), normalise(e.getKey(), e.getValue()));
    }
    return new Parameters(Collections.unmodifiableSortedMap(m));
  }

  /** No parameters. */
  public static Parameters empty() {
    return new Parameters(Collections.emptySortedMap());
  }

  private static Object normalise(String name, Object v) {
    if (v instanceof String || v instanceof Boolean || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(normalise(name, o));
      }
      return List.copyOf(out);
    }
    throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be a string, number, boolean or list");
  }

  /** The parameter names, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(values.keySet()));
  }

  /** Whether {@code name} is set. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The raw values, sorted by name. */
  public SortedMap<String, Object> values() {
    return values;
  }

  /**
   * A number parameter, or {@code dflt} when absent.
   *
   * @throws IllegalArgumentException if the value is not a finite number
   */
  public double number(String name, double dflt) {
    Object v = get(name);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof BigDecimal)) {
      throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be a number");
    }
    double d = ((BigDecimal) v).doubleValue();
    return Checks.finite(d, "parameter " + name);
  }

  /**
   * An integer parameter, or {@code dflt} when absent.
   *
   * @throws IllegalArgumentException if the value is not an integer that fits a long
   */
  public long integer(String name, long dflt) {
    Object v = get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return ((BigDecimal) v).longValueExact();
    } catch (ClassCastException | ArithmeticException e) {
      throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be an integer", e);
    }
  }

  /**
   * A boolean parameter, or {@code dflt} when absent.
   *
   * @throws IllegalArgumentException if the value is not a boolean
   */
  public boolean bool(String name, boolean dflt) {
    Object v = get(name);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Boolean)) {
      throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be true or false");
    }
    return (Boolean) v;
  }

  /**
   * A string parameter, or {@code dflt} when absent.
   *
   * @throws IllegalArgumentException if the value is not a string
   */
  public String string(String name, String dflt) {
    Object v = get(name);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof String)) {
      throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be a string");
    }
    return (String) v;
  }

  /**
   * A list-of-strings parameter, or an empty list when absent.
   *
   * @throws IllegalArgumentException if the value is not a list of strings
   */
  public List<String> strings(String name) {
    Object v = get(name);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<?>) v) {
        if (!(o instanceof String)) {
          throw new IllegalArgumentException("parameter " + name + " must be a list of strings, found " + o);
        }
        out.add((String) o);
      }
      return List.copyOf(out);
    }
    throw new IllegalArgumentException("parameter " + name + " (" + v + ") must be a list of strings");
  }

  /** The names that no getter has asked for (the reader reports them as unknown). */
  public SortedSet<String> unread() {
    TreeSet<String> out = new TreeSet<>(values.keySet());
    out.removeAll(read);
    return out;
  }

  private Object get(String name) {
    Checks.notNull(name, "name");
    read.add(name);
    return values.get(name);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
