package dev.kat.core.sim;

/**
 * Derives per-run seeds from one master seed.
 *
 * <p>The seed of run {@code r} (0-based) is the {@code r}-th value of the SplitMix64 sequence started at
 * the master seed, exactly what {@code new SplittableRandom(master).nextLong()} returns on its
 * {@code (r+1)}-th call:
 *
 * <pre>
 *   seed(r) = mix64(master + (r + 1) · 0x9E3779B97F4A7C15)
 *   mix64(z) = z ← (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9;  z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB;  z ⊕ (z ≫ 31)
 * </pre>
 *
 * (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014.) Computing it
 * directly lets any run be replayed alone, on any thread, in any order. The same run index gets the same
 * seed at every grid point and in every variant, so comparisons between policies are paired (common
 * random numbers): a difference between them comes from the policy, not from the draw.
 */
public final class Seeds {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The seed of run {@code run} (0-based) under {@code masterSeed}. */
  public static long forRun(long masterSeed, int run) {
    if (run < 0) {
      throw new IllegalArgumentException("run (" + run + ") must be >= 0");
    }
    return mix64(masterSeed + (run + 1L) * GOLDEN_GAMMA);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
