package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;

/**
 * The fact a pair rule sees: two contributors whose records this cycle name each other as counterparts
 * (e.g. a Guide and the Explorer of their sessions), aggregated. Pair rules are evaluated once per pair per
 * cycle.
 *
 * <p>Rule files may read {@code first}, {@code second} (the two ids, in order), {@code records},
 * {@code credit} and {@code reciprocal}; a consequence may call {@link #flag(String)}.
 *
 * <p><b>Stability:</b> evolving; the fields rule files read are stable.
 */
public final class Pair {
  private final Recorder recorder;
  private final String first;
  private final String second;
  private final int records;
  private final double credit;
  private final boolean reciprocal;

  Pair(Recorder recorder, String first, String second, int records, double credit, boolean reciprocal) {
    this.recorder = recorder;
    this.first = first;
    this.second = second;
    this.records = records;
    this.credit = credit;
    this.reciprocal = reciprocal;
  }

  /** The smaller of the two contributor ids. */
  public String getFirst() {
    return first;
  }

  /** The larger of the two contributor ids. */
  public String getSecond() {
    return second;
  }

  /** Accepted records this cycle in which one of the two names the other as counterpart. */
  public int getRecords() {
    return records;
  }

  /** The credit of those records, in credit units. */
  public double getCredit() {
    return credit;
  }

  /** Whether each of the two has such a record naming the other. */
  public boolean isReciprocal() {
    return reciprocal;
  }

  /**
   * Flags the pair for reviewers (no change to credit).
   *
   * @throws IllegalArgumentException if the reason is blank
   */
  public void flag(String reason) {
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.FLAG, "pair " + first + " + " + second, "", 1, "", reason);
  }

  @Override
  public String toString() {
    return "Pair[" + first + ", " + second + ", records=" + records + "]";
  }
}
