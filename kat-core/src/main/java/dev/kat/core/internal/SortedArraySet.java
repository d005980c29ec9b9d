package dev.kat.core.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * An immutable sorted set of strings in natural order over a sorted array without repeats: a lookup is a
 * binary search, iteration walks the array, and a new set that adds keys to it is one merge. It holds a
 * reference per element where a {@code TreeSet} holds a tree node. Value types that copy their sets
 * defensively keep an instance of this class as it is, so a large set (e.g. the evidence recognised so
 * far) passes from one cycle's state to the next without a copy per value. Mutators throw
 * {@link UnsupportedOperationException}, like an unmodifiable view; {@code equals}, {@code hashCode} and
 * {@code toString} are those of every {@code Set}.
 */
public final class SortedArraySet extends AbstractSet<String> implements SortedSet<String> {
  private static final SortedArraySet EMPTY = new SortedArraySet(new String[0], 0, 0);

  private final String[] keys;
  private final int from;
  private final int to;

  private SortedArraySet(String[] keys, int from, int to) {
    this.keys = keys;
    this.from = from;
    this.to = to;
  }

  /** The empty set. */
  public static SortedArraySet empty() {
    return EMPTY;
  }

  /**
   * The union of {@code base} (in natural order) and {@code added} (any order, repeats allowed). When
   * nothing is new, {@code base} itself if it is such a set.
   */
  public static SortedArraySet union(SortedSet<String> base, String[] added) {
    Checks.argument(base.comparator() == null, "base must be in natural order");
    String[] b = Arrays.copyOf(added, added.length);
    Arrays.sort(b);
    String[] a = base instanceof SortedArraySet ? null : base.toArray(new String[0]);
    SortedArraySet sa = base instanceof SortedArraySet ? (SortedArraySet) base : null;
    int na = sa != null ? sa.size() : a.length;
    String[] out = new String[na + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < na || j < b.length) {
      String x = i < na ? (sa != null ? sa.keys[sa.from + i] : a[i]) : null;
      String y = j < b.length ? b[j] : null;
      String next;
      if (y == null || (x != null && x.compareTo(y) <= 0)) {
        next = x;
        i++;
      } else {
        next = y;
        j++;
      }
      if (n == 0 || !out[n - 1].equals(next)) {
        out[n++] = next;
      }
    }
    if (sa != null && n == na) {
      return sa;
    }
    return n == 0 ? EMPTY : new SortedArraySet(n == out.length ? out : Arrays.copyOf(out, n), 0, n);
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public boolean contains(Object o) {
    return Arrays.binarySearch(keys, from, to, (String) o) >= 0;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public String next() {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        return keys[next++];
      }
    };
  }

  @Override
  public boolean add(String e) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public boolean remove(Object o) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public boolean addAll(Collection<? extends String> c) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public boolean removeIf(Predicate<? super String> filter) {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("the set is immutable");
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedSet<String> subSet(String fromElement, String toElement) {
    Checks.argument(fromElement.compareTo(toElement) <= 0,
        "fromElement (" + fromElement + ") must not be after toElement (" + toElement + ")");
    return new SortedArraySet(keys, position(fromElement), Math.max(position(fromElement), position(toElement)));
  }

  @Override
  public SortedSet<String> headSet(String toElement) {
    return new SortedArraySet(keys, from, position(toElement));
  }

  @Override
  public SortedSet<String> tailSet(String fromElement) {
    return new SortedArraySet(keys, position(fromElement), to);
  }

  /** The index of the first key at or after {@code key}, within this range. */
  private int position(String key) {
    int i = Arrays.binarySearch(keys, from, to, Checks.notNull(key, "key"));
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public String first() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[from];
  }

  @Override
  public String last() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return keys[to - 1];
  }
}
