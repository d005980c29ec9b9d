package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

  @Test
  void apportion_classicHamiltonCase44Seats() {
    long[] seats = LargestRemainder.apportion(44, new long[] {21878, 9713, 4167, 3252, 1065});
    assertArrayEquals(new long[] {24, 11, 5, 3, 1}, seats);
  }

  @Test
  void apportion_classicHamiltonCase43Seats() {
    long[] seats = LargestRemainder.apportion(43, new long[] {21878, 9713, 4167, 3252, 1065});
    assertArrayEquals(new long[] {24, 10, 4, 4, 1}, seats);
  }

  @Test
  void apportion_weightsSummingBeyondALong_splitExactly() {
    // total 2^64: each large quota is 5 - 10/2^64, so both get 4 plus one of the two units left
    assertArrayEquals(new long[] {5, 5, 0}, LargestRemainder.apportion(10, new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 2}));
  }

  @Test
  void apportion_budgetThatDoesNotDivide_tiesGoToLowerIndex() {
    assertArrayEquals(new long[] {4, 3, 3}, LargestRemainder.apportion(10, new long[] {1, 1, 1}));
  }

  @Test
  void apportion_tieOnRemainder_largerWeightFirst() {
    // quotas 2.5 and 1.5 -> remainders equal; weight 5 beats weight 3
    assertArrayEquals(new long[] {3, 1}, LargestRemainder.apportion(4, new long[] {5, 3}));
  }

  @Test
  void apportion_hugeValues_noOverflow() {
    long[] parts = LargestRemainder.apportion(Long.MAX_VALUE, new long[] {Long.MAX_VALUE / 2, Long.MAX_VALUE / 2});
    assertArrayEquals(new long[] {Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2}, parts);
  }

  @Test
  void apportion_allZeroWeights_fails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LargestRemainder.apportion(10, new long[] {0, 0}));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("weights"));
  }

  @Test
  void apportion_budgetsThatDoNotDivide() {
    assertArrayEquals(new long[] {3, 2, 2}, LargestRemainder.apportion(7, new long[] {1, 1, 1}));
    // quotas 3.5, 2.1, 1.4: floors 3, 2, 1 and one unit left for the largest remainder (0.5)
    assertArrayEquals(new long[] {4, 2, 1}, LargestRemainder.apportion(7, new long[] {50, 30, 20}));
    // quotas 0.7, 0.7, 0.6: two units go to the larger remainders, the first two by index
    assertArrayEquals(new long[] {1, 1, 0}, LargestRemainder.apportion(2, new long[] {7, 7, 6}));
  }

  @Test
  void apportion_tieOnRemainderAndWeight_lowerIndexFirst() {
    assertArrayEquals(new long[] {1, 1, 0, 0}, LargestRemainder.apportion(2, new long[] {3, 3, 3, 3}));
  }

  @Test
  void apportion_largerRemainderBeatsLargerWeight() {
    // quotas 1.4 (weight 7) and 0.6 (weight 3): the smaller weight has the larger remainder
    assertArrayEquals(new long[] {1, 1}, LargestRemainder.apportion(2, new long[] {7, 3}));
  }

  @Test
  void apportion_zeroBudgetOrZeroWeights() {
    assertArrayEquals(new long[] {0, 0}, LargestRemainder.apportion(0, new long[] {5, 3}));
    assertArrayEquals(new long[] {0, 9, 0}, LargestRemainder.apportion(9, new long[] {0, 4, 0}));
    assertArrayEquals(new long[] {12}, LargestRemainder.apportion(12, new long[] {1}));
  }

  @Test
  void apportion_badArguments_failNamingThem() {
    org.junit.jupiter.api.Assertions.assertEquals("budget (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> LargestRemainder.apportion(-1, new long[] {1})).getMessage());
    org.junit.jupiter.api.Assertions.assertEquals("weights[1] (-2) must be >= 0", assertThrows(
        IllegalArgumentException.class, () -> LargestRemainder.apportion(1, new long[] {1, -2})).getMessage());
    org.junit.jupiter.api.Assertions.assertEquals("weights must not all be zero (total weight is 0)", assertThrows(
        IllegalArgumentException.class, () -> LargestRemainder.apportion(1, new long[0])).getMessage());
  }

  /**
   * Remainders that agree in their top 63 bits are still told apart exactly. With T = 3·2^100 and a budget
   * of 3: a = T/2 + 1 has floor 1 and remainder T/2 + 3; b = T/6 + 2 has floor 0 and remainder T/2 + 6;
   * c = 2^100 - 3 has floor 0 and remainder T - 9. Two units are left: c, then b (the larger remainder),
   * not a (the larger weight).
   */
  @Test
  void apportion_remaindersEqualInTheirHighBits_largerRemainderStillFirst() {
    BigInteger half = BigInteger.ONE.shiftLeft(99);
    BigInteger a = half.multiply(BigInteger.valueOf(3)).add(BigInteger.ONE);
    BigInteger b = half.add(BigInteger.TWO);
    BigInteger c = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.valueOf(3));
    assertArrayEquals(new long[] {1, 1, 1}, LargestRemainder.apportion(3, new BigInteger[] {a, b, c}));
  }
}
