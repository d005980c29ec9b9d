package dev.kat.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Attributes} behaves as an unmodifiable {@link TreeMap} of the same entries. */
class AttributesTest {
  /** A name and a value put, in order (names repeat, so that a later put replaces an earlier one). */
  record Put(String name, double value) {}

  @Provide
  Arbitrary<List<Put>> puts() {
    Arbitrary<String> names = Arbitraries.of("a", "b", "amount", "durationMinutes", "zeta", "Z", "é", "a_1", "quality");
    Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.doubles().between(-1e9, 1e9),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300));
    return Combinators.combine(names, values).as(Put::new).list().ofMaxSize(12);
  }

  @Property
  void builder_isTheTreeMapOfThePuts(@ForAll("puts") List<Put> puts, @ForAll("probes") List<String> probes) {
    TreeMap<String, Double> expected = new TreeMap<>();
    Attributes.Builder b = Attributes.builder();
    for (Put p : puts) {
      expected.put(p.name(), p.value());
      b.put(p.name(), p.value());
    }
    assertSameMap(expected, b.build(), probes);
    // the builder is reusable: build leaves it as it was, clear empties it
    assertEquals(expected, b.build());
    b.clear();
    assertSame(Attributes.of(), b.build());
  }

  /** More puts than the builder sorts by insertion, names repeated, so the other sort keeps last-wins too. */
  @Provide
  Arbitrary<List<Put>> manyPuts() {
    Arbitrary<String> names = Arbitraries.integers().between(0, 120).map(i -> "a" + i);
    return Combinators.combine(names, Arbitraries.integers().between(-1000, 1000).map(i -> i / 8.0)).as(Put::new)
        .list().ofMinSize(33).ofMaxSize(300);
  }

  @Property(tries = 200)
  void builder_manyPuts_isTheTreeMapOfThePuts(@ForAll("manyPuts") List<Put> puts) {
    TreeMap<String, Double> expected = new TreeMap<>();
    Attributes.Builder b = Attributes.builder();
    for (Put p : puts) {
      expected.put(p.name(), p.value());
      b.put(p.name(), p.value());
    }
    assertSameMap(expected, b.build(), List.of("a0", "a57", "a120", "b"));
  }

  @Property
  void copyOf_anyMap_isTheTreeMapOfIt(@ForAll("puts") List<Put> puts, @ForAll("probes") List<String> probes) {
    Map<String, Double> source = new LinkedHashMap<>();
    for (Put p : puts) {
      source.put(p.name(), p.value());
    }
    Attributes copy = Attributes.copyOf(source);
    assertSameMap(new TreeMap<>(source), copy, probes);
    assertSame(copy, Attributes.copyOf(copy), "an Attributes map is not copied again");
  }

  @Provide
  Arbitrary<List<String>> probes() {
    return Arbitraries.of("", "a", "a_0", "am", "amount", "b", "c", "durationMinutes", "q", "quality", "zeta", "zz", "Z",
        "é").list().ofMaxSize(6);
  }

  private static void assertSameMap(TreeMap<String, Double> expected, Attributes actual, List<String> probes) {
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
    assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(actual.values()));
    assertEquals(expected.size(), actual.size());
    List<String> seen = new ArrayList<>();
    actual.forEach((k, v) -> seen.add(k + "=" + v));
    List<String> wanted = new ArrayList<>();
    expected.forEach((k, v) -> wanted.add(k + "=" + v));
    assertEquals(wanted, seen);
    for (int i = 0; i < actual.size(); i++) {
      assertEquals(expected.get(actual.name(i)), actual.value(i));
    }
    if (expected.isEmpty()) {
      assertThrows(NoSuchElementException.class, actual::firstKey);
      assertThrows(NoSuchElementException.class, actual::lastKey);
    } else {
      assertEquals(expected.firstKey(), actual.firstKey());
      assertEquals(expected.lastKey(), actual.lastKey());
    }
    for (String p : probes) {
      assertEquals(expected.get(p), actual.get(p), p);
      assertEquals(expected.containsKey(p), actual.containsKey(p), p);
      double fallback = -42.5;
      assertEquals(expected.getOrDefault(p, fallback), actual.value(p, fallback), p);
      assertEquals(expected.headMap(p), actual.headMap(p), "headMap " + p);
      assertEquals(expected.tailMap(p), actual.tailMap(p), "tailMap " + p);
      for (String q : probes) {
        if (p.compareTo(q) <= 0) {
          assertEquals(expected.subMap(p, q), actual.subMap(p, q), "subMap " + p + ", " + q);
        } else {
          assertThrows(IllegalArgumentException.class, () -> actual.subMap(p, q));
        }
      }
    }
    assertEquals(null, actual.get(1));
  }

  @Test
  void mutators_fail() {
    Attributes a = Attributes.builder().put("amount", 3).build();
    assertThrows(UnsupportedOperationException.class, () -> a.put("x", 1.0));
    assertThrows(UnsupportedOperationException.class, () -> a.remove("amount"));
    assertThrows(UnsupportedOperationException.class, a::clear);
    assertThrows(UnsupportedOperationException.class, () -> a.entrySet().iterator().next().setValue(2.0));
    assertThrows(UnsupportedOperationException.class, () -> a.keySet().remove("amount"));
    assertEquals(Map.of("amount", 3.0), a);
  }

  @Test
  void badNamesAndValues_failNamingThem() {
    Attributes.Builder b = Attributes.builder();
    assertEquals("attribute name must not be null",
        assertThrows(NullPointerException.class, () -> b.put(null, 1)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.put(" ", 1)).getMessage()
        .startsWith("attribute name"));
    Map<String, Double> nullValue = new HashMap<>();
    nullValue.put("amount", null);
    assertEquals("attribute amount must not be null",
        assertThrows(NullPointerException.class, () -> Attributes.copyOf(nullValue)).getMessage());
    assertEquals("attributes must not be null",
        assertThrows(NullPointerException.class, () -> Attributes.copyOf(null)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Attributes.copyOf(Map.of("a\uD800", 1.0)))
        .getMessage().contains("unpaired surrogate"));
  }

  @Test
  void contribution_keepsItsAttributesSortedAndImmutable() {
    TreeMap<String, Double> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.put("a", 1.0);
    reversed.put("b", 2.0);
    Contribution c = new Contribution("r1", "ana", "", "", "docs", Roles.DAO_MEMBER,
        Instant.parse("2026-10-02T09:00:00Z"), reversed, List.of(), List.of(), List.of(), null);
    SortedMap<String, Double> attributes = c.attributes();
    assertEquals(List.of("a", "b"), new ArrayList<>(attributes.keySet()));
    assertEquals(null, attributes.comparator(), "natural order whatever the map given");
    assertEquals(2.0, c.attribute("b", 0));
    assertEquals(-1.0, c.attribute("c", -1));
    reversed.put("c", 3.0);
    assertEquals(2, c.attributes().size(), "a copy, not a view of the map given");
  }
}
