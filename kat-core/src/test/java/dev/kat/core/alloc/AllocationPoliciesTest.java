package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationPoliciesTest {
  private static final long C = 1_000_000L;

  /** Input with credit = weight; lifetime credit and KAT from earlier cycles; decayed credit given. */
  private static AllocationInput input(long[] credit, long[] lifetimeCredit, long[] lifetimeKat, long[] decayed) {
    int n = credit.length;
    List<String> ids = List.of("a", "b", "c", "d").subList(0, n);
    return new AllocationInput(ids, credit, credit, new long[n], lifetimeCredit, lifetimeKat, decayed);
  }

  @Test
  void immediate_splitsByThisCycleCredit() {
    AllocationInput in = input(new long[] {30 * C, 10 * C}, new long[2], new long[2], new long[2]);
    assertArrayEquals(new long[] {75, 25}, Allocations.immediate().allocate(in, 100));
  }

  @Test
  void recent_splitsByDecayedCredit() {
    // decayed credit 146 and 54 (e.g. 100, 50, 20 at d = 0.1 is 81 + 45 + 20 = 146)
    AllocationInput in = input(new long[] {20 * C, 54 * C}, new long[2], new long[2], new long[] {146 * C, 54 * C});
    assertArrayEquals(new long[] {730, 270}, Allocations.recent().allocate(in, 1000));
  }

  @Test
  void recent_noDecayedCredit_allocatesNothing() {
    AllocationInput in = input(new long[2], new long[2], new long[2], new long[2]);
    assertArrayEquals(new long[] {0, 0}, Allocations.recent().allocate(in, 1000));
  }

  @Test
  void balanced_paysUnderpaidTowardsLifetimeShare() {
    // L = 60, 40; paid 100, 0; budget 100 -> targets 120, 80 -> underpaid 20, 80
    AllocationInput in = input(new long[] {0, 0}, new long[] {60 * C, 40 * C}, new long[] {100, 0}, new long[2]);
    assertArrayEquals(new long[] {20, 80}, Allocations.balanced().allocate(in, 100));
  }

  @Test
  void balanced_overpaidContributor_getsNothing() {
    // L = 50, 50; paid 150, 0; budget 100 -> targets 125, 125 -> underpaid 0, 125 -> all 100 to b
    AllocationInput in = input(new long[] {10 * C, 10 * C}, new long[] {40 * C, 40 * C}, new long[] {150, 0},
        new long[2]);
    assertArrayEquals(new long[] {0, 100}, Allocations.balanced().allocate(in, 100));
  }

  @Test
  void balanced_underpaymentAboveBudget_splitsProportionally() {
    // L = 3, 1, 0 (this cycle's credit counts); paid 0, 0, 0; P + B = 10 -> targets 7.5, 2.5, 0
    AllocationInput in = input(new long[] {2 * C, 0, 0}, new long[] {1 * C, 1 * C, 0}, new long[3], new long[3]);
    assertArrayEquals(new long[] {8, 2, 0}, Allocations.balanced().allocate(in, 10));
  }

  @Test
  void balanced_noCreditAtAll_allocatesNothing() {
    AllocationInput in = input(new long[2], new long[2], new long[] {5, 5}, new long[2]);
    assertArrayEquals(new long[] {0, 0}, Allocations.balanced().allocate(in, 10));
  }

  @Test
  void fixedRate_belowCeiling_paysRateAndLeavesRest() {
    AllocationInput in = input(new long[] {10_500_000L, 20 * C}, new long[2], new long[2], new long[2]);
    assertArrayEquals(new long[] {21, 40}, Allocations.fixedRate(2).allocate(in, 100));
  }

  @Test
  void fixedRate_aboveCeiling_splitsCeilingByCredit() {
    // demand 21 + 40 = 61 > 50: 50 x 10.5/30.5 = 17.21, 50 x 20/30.5 = 32.79 -> 17, 33
    AllocationInput in = input(new long[] {10_500_000L, 20 * C}, new long[2], new long[2], new long[2]);
    assertArrayEquals(new long[] {17, 33}, Allocations.fixedRate(2).allocate(in, 50));
  }

  @Test
  void fixedRate_fractionalCredit_roundsDown() {
    AllocationInput in = input(new long[] {999_999L}, new long[1], new long[1], new long[1]);
    assertArrayEquals(new long[] {2}, Allocations.fixedRate(3).allocate(in, 100));
  }

  @Test
  void fixedRate_nonPositiveRate_fails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Allocations.fixedRate(0));
    assertEquals("katPerCredit (0) must be > 0", e.getMessage());
  }

  @Test
  void fixedRate_parametersAndEquality() {
    assertEquals("{katPerCredit=7}", Allocations.fixedRate(7).parameters().toString());
    assertEquals(Allocations.fixedRate(7), Allocations.fixedRate(7));
    assertEquals(Allocations.fixedRate(7).hashCode(), Allocations.fixedRate(7).hashCode());
    assertEquals("fixed-rate(7 per credit)", Allocations.fixedRate(7).toString());
  }

  @Test
  void apportionBig_matchesLongVersion() {
    long[] w = {21878, 9713, 4167, 3252, 1065};
    BigInteger[] big = new BigInteger[w.length];
    for (int i = 0; i < w.length; i++) {
      big[i] = BigInteger.valueOf(w[i]).shiftLeft(100);
    }
    assertArrayEquals(LargestRemainder.apportion(44, w), LargestRemainder.apportion(44, big));
    assertArrayEquals(new long[] {4, 3, 3}, LargestRemainder.apportion(10,
        new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ONE}));
  }

  @Test
  void apportionBig_negativeWeight_fails() {
    assertThrows(IllegalArgumentException.class,
        () -> LargestRemainder.apportion(10, new BigInteger[] {BigInteger.ONE.negate(), BigInteger.TEN}));
  }
}
