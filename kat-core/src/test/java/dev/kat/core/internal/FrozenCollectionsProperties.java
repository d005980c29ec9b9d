package dev.kat.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class FrozenCollectionsProperties {

  @Property(tries = 300)
  void union_behavesLikeATreeSet(@ForAll @Size(max = 20) List<@AlphaChars @StringLength(max = 3) String> base,
      @ForAll @Size(max = 20) List<@AlphaChars @StringLength(max = 3) String> added,
      @ForAll @AlphaChars @StringLength(max = 3) String probe) {
    TreeSet<String> expected = new TreeSet<>(base);
    expected.addAll(added);
    SortedSet<String> once = SortedArraySet.union(new TreeSet<>(base), new String[0]);
    SortedArraySet actual = SortedArraySet.union(once, added.toArray(new String[0]));
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    assertEquals(new ArrayList<>(expected), new ArrayList<>(actual));
    assertEquals(expected.contains(probe), actual.contains(probe));
    assertEquals(expected.headSet(probe), actual.headSet(probe));
    assertEquals(expected.tailSet(probe), actual.tailSet(probe));
    assertEquals(new ArrayList<>(expected.tailSet(probe)), new ArrayList<>(actual.tailSet(probe)));
    if (!expected.isEmpty()) {
      assertEquals(expected.first(), actual.first());
      assertEquals(expected.last(), actual.last());
      String lo = expected.first().compareTo(probe) <= 0 ? expected.first() : probe;
      String hi = lo.equals(probe) ? expected.first() : probe;
      assertEquals(expected.subSet(lo, hi), actual.subSet(lo, hi));
    }
  }

  @Example
  void union_nothingNew_returnsTheSameSet() {
    SortedArraySet a = SortedArraySet.union(new TreeSet<>(List.of("b", "a")), new String[] {"c"});
    assertSame(a, SortedArraySet.union(a, new String[] {"a", "c"}));
  }

  @Example
  void sortedArraySet_mutators_throw() {
    SortedArraySet a = SortedArraySet.union(new TreeSet<>(), new String[] {"x"});
    assertThrows(UnsupportedOperationException.class, () -> a.add("y"));
    assertThrows(UnsupportedOperationException.class, () -> a.remove("x"));
    assertThrows(UnsupportedOperationException.class, a::clear);
    assertThrows(UnsupportedOperationException.class, () -> a.iterator().remove());
  }

  @Example
  void frozenSortedMap_copyOfFrozen_returnsItAndRefusesChanges() {
    TreeMap<String, Long> m = new TreeMap<>();
    m.put("a", 1L);
    SortedMap<String, Long> frozen = FrozenSortedMap.copyOf(m);
    assertSame(frozen, FrozenSortedMap.copyOf(frozen));
    m.put("b", 2L);
    assertEquals("{a=1}", frozen.toString());
    assertEquals(new TreeMap<>(java.util.Map.of("a", 1L)), frozen);
    assertThrows(UnsupportedOperationException.class, () -> frozen.put("c", 3L));
    assertThrows(UnsupportedOperationException.class, () -> frozen.putIfAbsent("a", 3L));
    assertThrows(UnsupportedOperationException.class, () -> frozen.merge("a", 3L, Long::sum));
  }
}
