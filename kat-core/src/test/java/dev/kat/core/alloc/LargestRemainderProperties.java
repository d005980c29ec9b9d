package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LargestRemainderProperties {

  private static long[] toArray(List<Long> weights) {
    return weights.stream().mapToLong(Long::longValue).toArray();
  }

  @Property
  void parts_sumToBudget_andEachIsFloorOrCeilingOfQuota(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long budget,
      @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = Long.MAX_VALUE / 64) Long> weights) {
    long[] w = toArray(weights);
    BigInteger total = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
    if (total.signum() == 0) {
      w[0] = 1;
      total = BigInteger.ONE;
    }
    long[] parts = LargestRemainder.apportion(budget, w);
    long sum = 0;
    for (int i = 0; i < w.length; i++) {
      BigInteger floor = BigInteger.valueOf(budget).multiply(BigInteger.valueOf(w[i])).divide(total);
      long d = parts[i] - floor.longValueExact();
      assertTrue(d == 0 || d == 1, "part " + i + " is " + parts[i] + ", quota floor " + floor);
      if (w[i] == 0) {
        assertEquals(0, parts[i]);
      }
      sum += parts[i];
    }
    assertEquals(budget, sum);
  }

  @Property
  void largerWeight_neverGetsFewerUnits(
      @ForAll @LongRange(min = 0, max = 1_000_000) long budget,
      @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 1, max = 1_000_000_000L) Long> weights) {
    long[] w = toArray(weights);
    long[] parts = LargestRemainder.apportion(budget, w);
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        if (w[i] > w[j]) {
          assertTrue(parts[i] >= parts[j], "weight " + w[i] + " got " + parts[i] + " < " + parts[j]);
        }
        if (w[i] == w[j]) {
          assertTrue(Math.abs(parts[i] - parts[j]) <= 1);
        }
      }
    }
  }

  @Property
  void bigIntegerVersion_agreesWithLongVersion(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long budget,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 1_000_000_000_000L) Long> weights) {
    long[] w = toArray(weights);
    BigInteger[] big = weights.stream().map(BigInteger::valueOf).toArray(BigInteger[]::new);
    assertEquals(List.of(box(LargestRemainder.apportion(budget, w))), List.of(box(LargestRemainder.apportion(budget, big))));
  }

  /**
   * Both forms against a plain reference (every positive weight's index sorted by the tie order, the
   * first {@code left} given a unit), on sizes past the insertion-sort cut-off and weights drawn from a
   * few values so that remainders and weights tie often. The large weights share their high bits and
   * differ below bit 64, so their remainders' top 63 bits tie too and the exact comparison decides.
   */
  @Property(tries = 300)
  void unitsLeftOver_goByRemainderThenWeightThenIndex(
      @ForAll @LongRange(min = 1, max = 5_000) long budget,
      @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 7) Integer> picks,
      @ForAll boolean large) {
    long[] w = new long[picks.size()];
    BigInteger[] big = new BigInteger[picks.size()];
    BigInteger high = BigInteger.ONE.shiftLeft(90);
    for (int i = 0; i < w.length; i++) {
      w[i] = picks.get(i) == 0 ? 0 : 1L + picks.get(i) * 3L;
      big[i] = w[i] == 0 ? BigInteger.ZERO : high.add(BigInteger.valueOf(w[i]));
    }
    if (w[0] == 0) {
      w[0] = 4;
      big[0] = high.add(BigInteger.valueOf(4));
    }
    if (large) {
      assertArrayEquals(reference(budget, big), LargestRemainder.apportion(budget, big));
    } else {
      assertArrayEquals(reference(budget, wide(w)), LargestRemainder.apportion(budget, w));
      assertArrayEquals(reference(budget, wide(w)), LargestRemainder.apportion(budget, wide(w)));
    }
  }

  private static BigInteger[] wide(long[] w) {
    return java.util.Arrays.stream(w).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
  }

  private static long[] reference(long budget, BigInteger[] w) {
    BigInteger total = java.util.Arrays.stream(w).reduce(BigInteger.ZERO, BigInteger::add);
    long[] parts = new long[w.length];
    BigInteger[] rem = new BigInteger[w.length];
    long assigned = 0;
    List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      BigInteger[] qr = BigInteger.valueOf(budget).multiply(w[i]).divideAndRemainder(total);
      parts[i] = qr[0].longValueExact();
      rem[i] = qr[1];
      assigned += parts[i];
      if (w[i].signum() > 0) {
        order.add(i);
      }
    }
    order.sort(java.util.Comparator.<Integer, BigInteger>comparing(i -> rem[i]).reversed()
        .thenComparing(java.util.Comparator.<Integer, BigInteger>comparing(i -> w[i]).reversed())
        .thenComparing(i -> i));
    for (int k = 0; k < budget - assigned; k++) {
      parts[order.get(k)]++;
    }
    return parts;
  }

  private static Long[] box(long[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Long[]::new);
  }
}
