package dev.kat.core.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable sorted map over a private copy that nobody can change: what
 * {@code Collections.unmodifiableSortedMap(new TreeMap<>(map))} gives, with a type that says so. Value
 * types that copy their maps defensively keep an instance of this class as it is instead of copying it
 * again, so a map can be shared from one immutable value to the next (e.g. a contributor's activity carried
 * into the next cycle's state) without a copy per value. Every method, including {@code equals},
 * {@code hashCode} and {@code toString}, is the unmodifiable view's.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class FrozenSortedMap<K, V> implements SortedMap<K, V> {
  private static final FrozenSortedMap<?, ?> EMPTY = new FrozenSortedMap<>(new TreeMap<>());

  private final SortedMap<K, V> view;

  private FrozenSortedMap(TreeMap<K, V> owned) {
    this.view = Collections.unmodifiableSortedMap(owned);
  }

  /**
   * An unmodifiable map over {@code owned}, which the caller hands over: it must not keep or change it.
   */
  public static <K, V> FrozenSortedMap<K, V> own(TreeMap<K, V> owned) {
    return new FrozenSortedMap<>(Checks.notNull(owned, "owned"));
  }

  /** {@code map} itself when it is already frozen, otherwise a frozen copy in {@code map}'s order. */
  public static <K, V> SortedMap<K, V> copyOf(SortedMap<K, V> map) {
    if (map instanceof FrozenSortedMap) {
      return map;
    }
    return new FrozenSortedMap<>(new TreeMap<>(map));
  }

  /** The empty map in natural order. */
  @SuppressWarnings("unchecked")
  public static <K, V> FrozenSortedMap<K, V> empty() {
    return (FrozenSortedMap<K, V>) EMPTY;
  }

  @Override
  public Comparator<? super K> comparator() {
    return view.comparator();
  }

  @Override
  public SortedMap<K, V> subMap(K fromKey, K toKey) {
    return view.subMap(fromKey, toKey);
  }

  @Override
  public SortedMap<K, V> headMap(K toKey) {
    return view.headMap(toKey);
  }

  @Override
  public SortedMap<K, V> tailMap(K fromKey) {
    return view.tailMap(fromKey);
  }

  @Override
  public K firstKey() {
    return view.firstKey();
  }

  @Override
  public K lastKey() {
    return view.lastKey();
  }

  @Override
  public int size() {
    return view.size();
  }

  @Override
  public boolean isEmpty() {
    return view.isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return view.containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return view.containsValue(value);
  }

  @Override
  public V get(Object key) {
    return view.get(key);
  }

  @Override
  public V put(K key, V value) {
    return view.put(key, value);
  }

  @Override
  public V remove(Object key) {
    return view.remove(key);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> m) {
    view.putAll(m);
  }

  @Override
  public void clear() {
    view.clear();
  }

  @Override
  public Set<K> keySet() {
    return view.keySet();
  }

  @Override
  public Collection<V> values() {
    return view.values();
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return view.entrySet();
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    return view.getOrDefault(key, defaultValue);
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    view.forEach(action);
  }

  @Override
  public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
    view.replaceAll(function);
  }

  @Override
  public V putIfAbsent(K key, V value) {
    return view.putIfAbsent(key, value);
  }

  @Override
  public boolean remove(Object key, Object value) {
    return view.remove(key, value);
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    return view.replace(key, oldValue, newValue);
  }

  @Override
  public V replace(K key, V value) {
    return view.replace(key, value);
  }

  @Override
  public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
    return view.computeIfAbsent(key, mappingFunction);
  }

  @Override
  public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    return view.computeIfPresent(key, remappingFunction);
  }

  @Override
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
    return view.compute(key, remappingFunction);
  }

  @Override
  public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
    return view.merge(key, value, remappingFunction);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || view.equals(o);
  }

  @Override
  public int hashCode() {
    return view.hashCode();
  }

  @Override
  public String toString() {
    return view.toString();
  }
}
