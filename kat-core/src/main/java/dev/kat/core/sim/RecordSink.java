package dev.kat.core.sim;

import dev.kat.core.model.Contribution;

/** Where a strategy puts what its agent does in a cycle. */
public interface RecordSink {

  /** Submits a record to the cycle's batch (admission may still reject it). */
  void submit(Contribution record);

  /**
   * Declares {@code hours} of work the agent actually did this cycle (not what it claims): the
   * denominator of "honest KAT per hour of honest work".
   *
   * @param hours finite and &gt;= 0
   */
  void work(double hours);
}
