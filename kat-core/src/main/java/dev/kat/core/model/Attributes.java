package dev.kat.core.model;

import dev.kat.core.internal.Checks;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * A record's attributes: named numbers, sorted by name (natural {@link String} order), immutable. This is
 * the map every {@link Contribution#attributes()} returns.
 *
 * <p>It is a {@link SortedMap} like any other (equal to a {@link java.util.TreeMap} with the same entries,
 * with the same hash code and string form), but held as two arrays: a record's handful of attributes cost
 * two small objects instead of a tree of entries, and reading one is a search of a short sorted array.
 * The views ({@link #headMap}, {@link #subMap}, {@link #tailMap}) are immutable copies, which for an
 * immutable map is the same thing. Mutators throw {@link UnsupportedOperationException}.
 *
 * <p>Build one with {@link #copyOf(Map)} or, row after row, with a reusable {@link Builder}.
 */
public final class Attributes extends AbstractMap<String, Double> implements SortedMap<String, Double> {
  private static final Attributes EMPTY = new Attributes(new String[0], new double[0]);
  /** Above this many attributes a builder sorts in O(n log n) instead of by insertion. */
  private static final int INSERTION_SORT_MAX = 32;

  /** Names in ascending order, distinct and non-blank. */
  private final String[] names;
  private final double[] values;

  private Attributes(String[] names, double[] values) {
    this.names = names;
    this.values = values;
  }

  /** The empty map. */
  public static Attributes of() {
    return EMPTY;
  }

  /**
   * The attributes of {@code map}, sorted by name: {@code map} itself when it is already an
   * {@code Attributes}.
   *
   * @throws NullPointerException if {@code map}, a name or a value is null
   * @throws IllegalArgumentException if a name is blank or not well-formed Unicode
   */
  public static Attributes copyOf(Map<String, ? extends Double> map) {
    if (map instanceof Attributes) {
      return (Attributes) map;
    }
    Checks.notNull(map, "attributes");
    Builder b = new Builder(Math.max(1, map.size()));
    for (Map.Entry<String, ? extends Double> e : map.entrySet()) {
      String name = e.getKey();
      Checks.text(name, "attribute name");
      Double v = e.getValue();
      if (v == null) {
        throw new NullPointerException("attribute " + name + " must not be null");
      }
      b.add(name, v);
    }
    return b.build();
  }

  /** A builder, reusable after {@link Builder#build} through {@link Builder#clear}. */
  public static Builder builder() {
    return new Builder(8);
  }

  /**
   * Collects attributes; a name put twice keeps its last value, as a map would. Not thread-safe; reusable:
   * {@link #build} leaves the builder as it was, {@link #clear} empties it.
   */
  public static final class Builder {
    private String[] names;
    private double[] values;
    private int size;

    private Builder(int capacity) {
      names = new String[capacity];
      values = new double[capacity];
    }

    /**
     * Sets attribute {@code name} to {@code value}.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank or not well-formed Unicode
     */
    public Builder put(String name, double value) {
      Checks.text(name, "attribute name");
      add(name, value);
      return this;
    }

    private void add(String name, double value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
    }

    /** The number of values put since the last {@link #clear} (a name put twice counts twice). */
    public int size() {
      return size;
    }

    /** Removes every attribute. */
    public Builder clear() {
      Arrays.fill(names, 0, size, null);
      size = 0;
      return this;
    }

    /** The attributes put so far, sorted by name. */
    public Attributes build() {
      int n = size;
      if (n == 0) {
        return EMPTY;
      }
      String[] k = Arrays.copyOf(names, n);
      double[] v = Arrays.copyOf(values, n);
      if (n <= INSERTION_SORT_MAX) {
        // insertion sort, stable: a record has a handful of attributes, usually already in order
        for (int i = 1; i < n; i++) {
          String key = k[i];
          double val = v[i];
          int j = i - 1;
          while (j >= 0 && k[j].compareTo(key) > 0) {
            k[j + 1] = k[j];
            v[j + 1] = v[j];
            j--;
          }
          k[j + 1] = key;
          v[j + 1] = val;
        }
      } else {
        // many attributes (a crafted row may carry thousands): a stable O(n log n) sort of the positions
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        String[] names0 = k.clone();
        double[] values0 = v.clone();
        Arrays.sort(order, (x, y) -> names0[x].compareTo(names0[y]));
        for (int i = 0; i < n; i++) {
          k[i] = names0[order[i]];
          v[i] = values0[order[i]];
        }
      }
      // a name put twice: the last value put wins (the sort is stable, so it is the last of its run)
      int w = 0;
      for (int i = 0; i < n; i++) {
        if (i + 1 < n && k[i + 1].equals(k[i])) {
          continue;
        }
        k[w] = k[i];
        v[w] = v[i];
        w++;
      }
      return w == n ? new Attributes(k, v) : new Attributes(Arrays.copyOf(k, w), Arrays.copyOf(v, w));
    }
  }

  private int indexOf(Object name) {
    if (!(name instanceof String)) {
      return -1;
    }
    String s = (String) name;
    int lo = 0;
    int hi = names.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = names[mid].compareTo(s);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** The value of attribute {@code name}, or {@code fallback} when there is none; no boxing. */
  public double value(String name, double fallback) {
    int i = indexOf(name);
    return i >= 0 ? values[i] : fallback;
  }

  /** The name at {@code index} in ascending order. */
  public String name(int index) {
    Objects.checkIndex(index, names.length);
    return names[index];
  }

  /** The value at {@code index} (the value of {@link #name(int) name(index)}). */
  public double value(int index) {
    Objects.checkIndex(index, values.length);
    return values[index];
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean isEmpty() {
    return names.length == 0;
  }

  @Override
  public Double get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Double> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  /** Null: names are in their natural order. */
  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, Double> subMap(String fromKey, String toKey) {
    Objects.requireNonNull(fromKey, "fromKey");
    Objects.requireNonNull(toKey, "toKey");
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey (" + fromKey + ") is after toKey (" + toKey + ")");
    }
    return range(insertionPoint(fromKey), insertionPoint(toKey));
  }

  @Override
  public SortedMap<String, Double> headMap(String toKey) {
    Objects.requireNonNull(toKey, "toKey");
    return range(0, insertionPoint(toKey));
  }

  @Override
  public SortedMap<String, Double> tailMap(String fromKey) {
    Objects.requireNonNull(fromKey, "fromKey");
    return range(insertionPoint(fromKey), names.length);
  }

  /** The index of the first name not before {@code key}. */
  private int insertionPoint(String key) {
    int i = indexOf(key);
    return i >= 0 ? i : -(i + 1);
  }

  private Attributes range(int from, int to) {
    if (from == 0 && to == names.length) {
      return this;
    }
    return from >= to ? EMPTY
        : new Attributes(Arrays.copyOfRange(names, from, to), Arrays.copyOfRange(values, from, to));
  }

  @Override
  public String firstKey() {
    if (names.length == 0) {
      throw new NoSuchElementException("no attributes");
    }
    return names[0];
  }

  @Override
  public String lastKey() {
    if (names.length == 0) {
      throw new NoSuchElementException("no attributes");
    }
    return names[names.length - 1];
  }
}
