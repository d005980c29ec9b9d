package dev.kat.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConcentrationTest {

  @Test
  void gini_publishedVectorFiveToOne_is0_26667() {
    assertEquals(0.26667, Concentration.gini(5, 4, 3, 2, 1), 5e-6);
  }

  @Test
  void gini_publishedVectorEightValues_is0_67792() {
    assertEquals(0.67792, Concentration.gini(368, 156, 20, 7, 10, 49, 22, 1), 5e-6);
  }

  @Test
  void gini_equalAmounts_isZero() {
    assertEquals(0.0, Concentration.gini(7, 7, 7, 7), 1e-12);
  }

  @Test
  void gini_oneHolderOfFour_isThreeQuarters() {
    assertEquals(0.75, Concentration.gini(0, 0, 0, 10), 1e-12);
  }

  @Test
  void gini_emptyOrZero_isZero() {
    assertEquals(0.0, Concentration.gini());
    assertEquals(0.0, Concentration.gini(0, 0));
  }

  @Test
  void gini_negativeAmount_namesIndex() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concentration.gini(1, -2));
    assertEquals("amounts[1] (-2) must be >= 0", e.getMessage());
  }

  @Test
  void nakamoto_threeTwoOne_isOne() {
    assertEquals(1, Concentration.nakamoto(0.5, 3, 2, 1));
  }

  @Test
  void nakamoto_threeTwoAndFourOnes_isTwo() {
    assertEquals(2, Concentration.nakamoto(0.5, 3, 2, 1, 1, 1, 1));
  }

  @Test
  void nakamoto_orderDoesNotMatter() {
    assertEquals(2, Concentration.nakamoto(0.5, 1, 1, 2, 1, 3, 1));
  }

  @Test
  void nakamoto_zeroTotal_isZero() {
    assertEquals(0, Concentration.nakamoto(0.5, 0, 0));
  }

  @Test
  void nakamoto_badThreshold_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concentration.nakamoto(1.5, 1));
    assertEquals("threshold (1.5) must be in (0, 1]", e.getMessage());
  }

  @Test
  void hhi_tenEqualShares_is1000() {
    assertEquals(1000.0, Concentration.hhi(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 1e-9);
  }

  @Test
  void hhi_eightSixThreeThree_is2950() {
    assertEquals(2950.0, Concentration.hhi(8, 6, 3, 3), 1e-9);
  }

  @Test
  void hhi_monopoly_is10000() {
    assertEquals(10000.0, Concentration.hhi(0, 42, 0), 1e-9);
  }

  @Test
  void shares_twoGroups_splitTotal() {
    assertArrayEquals(new double[] {0.25, 0.75, 0.0},
        Concentration.shares(new long[] {1, 3, 0}, new int[] {0, 1, 1}, 3), 1e-12);
  }

  @Test
  void shares_groupOutOfRange_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Concentration.shares(new long[] {1}, new int[] {2}, 2));
    assertEquals("group[0] (2) must be in [0, 2)", e.getMessage());
  }
}
