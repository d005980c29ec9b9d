package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

  private static Long[] box(long[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Long[]::new);
  }
}
