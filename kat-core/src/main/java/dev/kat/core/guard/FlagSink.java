package dev.kat.core.guard;

/** Where a guardrail reports what it finds; rows are batch row indices. */
public interface FlagSink {

  /**
   * Reports a flag on {@code rows}.
   *
   * @param severity how serious
   * @param action what to do with the rows
   * @param factor the multiplier for {@link Action#DAMPEN} in [0, 1] (ignored for other actions)
   * @param rows the batch rows concerned (may be empty for a contributor-level note)
   * @param contributors contributor indices concerned
   * @param evidence what triggered the flag, in words a contributor can act on
   */
  void flag(Severity severity, Action action, double factor, int[] rows, int[] contributors, String evidence);
}
