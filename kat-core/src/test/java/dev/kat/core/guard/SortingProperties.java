package dev.kat.core.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The bucketed sort gives exactly what the library sort gives, in place and as a copy. */
class SortingProperties {

  @Property(tries = 30)
  void sortAndSortedCopy_equalArraysSort(@ForAll @IntRange(min = 0, max = 20_000) int n, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int spread) {
    Random rnd = new Random(seed);
    long[] a = new long[n + 6];
    for (int i = 0; i < a.length; i++) {
      // Full-range hashes, small keys with many ties, or one repeated value.
      a[i] = spread == 0 ? rnd.nextLong() : spread == 1 ? rnd.nextInt(50) - 25 : spread == 2 ? 7 : rnd.nextLong() >> 20;
    }
    long[] expected = a.clone();
    Arrays.sort(expected, 3, 3 + n);
    long[] original = a.clone();
    assertArrayEquals(Arrays.copyOfRange(expected, 3, 3 + n), Sorting.sortedCopy(a, 3, 3 + n));
    assertArrayEquals(original, a, "sortedCopy leaves its input alone");
    Sorting.sort(a, 3, 3 + n);
    assertArrayEquals(expected, a);
  }
}
