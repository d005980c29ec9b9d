package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void forRun_equalsSplittableRandomSequence() {
    SplittableRandom r = new SplittableRandom(42);
    for (int run = 0; run < 100; run++) {
      assertEquals(r.nextLong(), Seeds.forRun(42, run));
    }
  }

  @Test
  void forRun_negativeRun_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.forRun(1, -1));
    assertEquals("run (-1) must be >= 0", e.getMessage());
  }
}
