package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
