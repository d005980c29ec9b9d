package dev.kat.core.alloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocation policies reproduce the published results of SourceCred's own allocation tests
 * ({@code grainAllocation.test.js}: immediate, recent and balanced policies) where the policies are
 * comparable. SourceCred's identities carry a cred history per interval and the grain paid so far; here a
 * history {@code [c₀, …, cₙ]} becomes {@code lifetimeCredit = c₀ + … + cₙ₋₁}, {@code credit = cₙ} and
 * {@code decayedCredit = Σ cₖ·(1−d)^(n−k)}.
 */
class SourceCredParityTest {

  private static final long MICRO = 1_000_000L;

  private static AllocationInput input(long[][] history, long[] paid, double discount) {
    int n = history.length;
    long[] credit = new long[n];
    long[] lifetime = new long[n];
    long[] decayed = new long[n];
    for (int i = 0; i < n; i++) {
      long[] h = history[i];
      double d = 0;
      for (int k = 0; k < h.length; k++) {
        d = d * (1 - discount) + h[k];
        if (k < h.length - 1) {
          lifetime[i] += h[k] * MICRO;
        }
      }
      credit[i] = h[h.length - 1] * MICRO;
      decayed[i] = Math.round(d * MICRO);
    }
    List<String> ids = n == 2 ? List.of("i1", "i2") : List.of("i1", "i2", "i3");
    return new AllocationInput(ids, credit, credit.clone(), new long[n], lifetime, paid, decayed);
  }

  @Test
  void immediate_splitsOnMostRecentCredOnly() {
    // SourceCred: immediate(10), i1 = aid(100, [10, 2]), i2 = aid(0, [0, 3]) -> 4, 6
    AllocationInput in = input(new long[][] {{10, 2}, {0, 3}}, new long[] {100, 0}, 0);
    assertArrayEquals(new long[] {4, 6}, Allocations.immediate().allocate(in, 10));
  }

  @Test
  void recent_splitsOnDiscountedCred() {
    // SourceCred: recent(100, 0.1), [0,0,100], [100,0,0] (paid 100), [100,0,0] -> 38, 31, 31
    AllocationInput in = input(new long[][] {{0, 0, 100}, {100, 0, 0}, {100, 0, 0}}, new long[] {0, 100, 0}, 0.1);
    assertArrayEquals(new long[] {38, 31, 31}, Allocations.recent().allocate(in, 100));
  }

  @Test
  void recent_isNotInfluencedByGrainPaid() {
    // SourceCred: recent(100, 0.1), aid(0, [100,100,100]), aid(100, [100,100,100]) -> 50, 50
    AllocationInput in = input(new long[][] {{100, 100, 100}, {100, 100, 100}}, new long[] {0, 100}, 0.1);
    assertArrayEquals(new long[] {50, 50}, Allocations.recent().allocate(in, 100));
  }

  @Test
  void balanced_splitsOnLifetimeCredWhenNothingWasPaid() {
    // SourceCred: balanced(100), aid(0, [1, 1]), aid(0, [3, 0]) -> 40, 60
    AllocationInput in = input(new long[][] {{1, 1}, {3, 0}}, new long[] {0, 0}, 0);
    assertArrayEquals(new long[] {40, 60}, Allocations.balanced().allocate(in, 100));
  }

  @Test
  void balanced_takesPastPaymentIntoAccount() {
    // SourceCred: balanced(20), aid(0, [1, 1]), aid(30, [3, 0]) -> 20, 0
    AllocationInput in = input(new long[][] {{1, 1}, {3, 0}}, new long[] {0, 30}, 0);
    assertArrayEquals(new long[] {20, 0}, Allocations.balanced().allocate(in, 20));
  }

  @Test
  void balanced_zeroBudget_paysNothing() {
    // SourceCred: balanced(0), aid(30, [1, 1]), aid(0, [3, 0]) -> 0, 0
    AllocationInput in = input(new long[][] {{1, 1}, {3, 0}}, new long[] {30, 0}, 0);
    assertArrayEquals(new long[] {0, 0}, Allocations.balanced().allocate(in, 0));
  }
}
