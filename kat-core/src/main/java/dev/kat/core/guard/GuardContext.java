package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Cycle;

/** What a guardrail sees: the accepted rows of a batch, their credit so far, and the prior state. */
public interface GuardContext {

  /** The cycle. */
  Cycle cycle();

  /** The accepted records, in columns. */
  BatchView batch();

  /** The credit of {@code row} after the credit stage, in micro-units. */
  long credit(int row);

  /** The state carried from earlier cycles. */
  PriorState prior();
}
