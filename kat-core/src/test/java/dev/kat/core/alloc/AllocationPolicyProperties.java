package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The allocation contract, checked on every built-in policy with random inputs. */
class AllocationPolicyProperties {
  private static final List<AllocationPolicy> POLICIES = List.of(Allocations.immediate(), Allocations.recent(),
      Allocations.balanced(), Allocations.fixedRate(1), Allocations.fixedRate(1_000_000));

  @Provide
  Arbitrary<AllocationInput> inputs() {
    Arbitrary<Integer> size = Arbitraries.integers().between(0, 12);
    return size.flatMap(n -> {
      Arbitrary<long[]> credit = Arbitraries.longs().between(0, 50_000_000L).array(long[].class).ofSize(n);
      Arbitrary<long[]> lifetime = Arbitraries.longs().between(0, 500_000_000L).array(long[].class).ofSize(n);
      Arbitrary<long[]> paid = Arbitraries.longs().between(0, 100_000L).array(long[].class).ofSize(n);
      Arbitrary<long[]> decayed = Arbitraries.longs().between(0, 90_000_000L).array(long[].class).ofSize(n);
      return Combinators.combine(credit, lifetime, paid, decayed).as((c, l, p, d) -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          ids.add(String.format(java.util.Locale.ROOT, "c%02d", i));
        }
        long[] dec = new long[n];
        for (int i = 0; i < n; i++) {
          dec[i] = c[i] + d[i];
        }
        return new AllocationInput(ids, c, c, new long[n], l, p, dec);
      });
    });
  }

  /** Inputs whose figures range from small to large enough that their products or sums overflow a long. */
  @Provide
  Arbitrary<AllocationInput> wideInputs() {
    Arbitrary<Long> figure = Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000_000L),
        Arbitraries.longs().between(0, 3_000_000_000_000L), Arbitraries.longs().between(0, Long.MAX_VALUE / 16));
    return Arbitraries.integers().between(1, 8).flatMap(n -> Combinators.combine(
        figure.array(long[].class).ofSize(n), figure.array(long[].class).ofSize(n),
        figure.array(long[].class).ofSize(n)).as((c, l, p) -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            ids.add(String.format(java.util.Locale.ROOT, "c%02d", i));
          }
          return new AllocationInput(ids, c, c, new long[n], l, p, c);
        }));
  }

  @Property(tries = 400)
  void balanced_computedInLongs_splitsExactlyAsInBigIntegers(@ForAll("wideInputs") AllocationInput in,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long budget) {
    assertArrayEquals(BalancedAllocation.exact(in, budget), Allocations.balanced().allocate(in, budget));
  }

  @Property(tries = 150)
  void everyPolicy_paysNonNegativeParts_neverAboveBudget(@ForAll("inputs") AllocationInput in,
      @ForAll @LongRange(min = 0, max = 1_000_000) long budget) {
    for (AllocationPolicy p : POLICIES) {
      long[] parts = p.allocate(in, budget);
      assertEquals(in.size(), parts.length, p.name());
      long sum = 0;
      for (long x : parts) {
        assertTrue(x >= 0, p.name());
        sum += x;
      }
      assertTrue(sum <= budget, p + " paid " + sum + " of " + budget);
      boolean anyCredit = java.util.Arrays.stream(in.credit()).anyMatch(x -> x > 0);
      if (!(p instanceof FixedRateAllocation) && anyCredit && budget > 0) {
        assertEquals(budget, sum, p.name() + " must split the whole budget when anyone has credit");
      }
    }
  }

  @Property(tries = 150)
  void balanced_neverPaysAnyoneAboveTheirTarget(@ForAll("inputs") AllocationInput in,
      @ForAll @LongRange(min = 1, max = 1_000_000) long budget) {
    long[] parts = Allocations.balanced().allocate(in, budget);
    BigInteger total = BigInteger.ZERO;
    BigInteger paid = BigInteger.valueOf(budget);
    for (int i = 0; i < in.size(); i++) {
      total = total.add(BigInteger.valueOf(in.lifetimeCredit()[i] + in.credit()[i]));
      paid = paid.add(BigInteger.valueOf(in.lifetimeKat()[i]));
    }
    if (total.signum() == 0) {
      return;
    }
    for (int i = 0; i < in.size(); i++) {
      // (Pᵢ + KATᵢ − 1)·L < Lᵢ·(P + B): at most one unit of rounding above the exact target
      BigInteger after = BigInteger.valueOf(in.lifetimeKat()[i] + parts[i] - 1).max(BigInteger.ZERO);
      BigInteger target = BigInteger.valueOf(in.lifetimeCredit()[i] + in.credit()[i]).multiply(paid);
      assertTrue(parts[i] == 0 || after.multiply(total).compareTo(target) < 0, "contributor " + i);
    }
  }

  @Property(tries = 150)
  void fixedRate_paysExactlyTheRateBelowTheCeiling(@ForAll("inputs") AllocationInput in,
      @ForAll @LongRange(min = 1, max = 50) long rate) {
    long[] parts = Allocations.fixedRate(rate).allocate(in, Long.MAX_VALUE / 4);
    for (int i = 0; i < in.size(); i++) {
      assertEquals(in.weight()[i] * rate / 1_000_000L, parts[i]);
    }
  }
}
