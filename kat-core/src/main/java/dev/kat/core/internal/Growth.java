package dev.kat.core.internal;

/** How growable arrays grow: by half again, so a growth step briefly needs 2.5 times, not 3 times, the data. */
public final class Growth {
  private Growth() {}

  /** The capacity to grow an array of {@code capacity} to so that it holds at least {@code needed}. */
  public static int capacity(int capacity, int needed) {
    long want = Math.max((long) needed, capacity + (capacity >> 1) + 16L);
    if (want > Integer.MAX_VALUE - 16) {
      Checks.state(needed <= Integer.MAX_VALUE - 16, "an array of " + needed + " elements is too large; split the batch");
      want = Integer.MAX_VALUE - 16;
    }
    return (int) want;
  }
}
