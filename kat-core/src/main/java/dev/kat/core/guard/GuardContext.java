package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.PriorState;
import dev.kat.core.engine.Rejection;
import dev.kat.core.model.Cycle;
import java.util.List;

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

  /**
   * The records admission rejected, in canonical order; reviewer-scoring detectors read their reviews
   * (a reviewer who approved a record the others rejected). Empty by default.
   */
  default List<Rejection> rejections() {
    return List.of();
  }
}
