package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.PriorState;
import dev.kat.core.engine.Rejection;
import dev.kat.core.model.Cycle;
import java.util.List;
import java.util.function.Supplier;

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

  /**
   * A value computed once per guard stage and shared by every guardrail that asks for it under the same
   * key (the engine keeps it for the stage; this default computes it on every call). The value must be a
   * pure function of the batch, never of the credit so far, so that sharing it cannot change a result.
   *
   * @param key names the value, e.g. {@code pair-graph:true:true}
   * @param type the value's type
   * @param compute computes the value
   * @param <T> the value's type
   * @return the shared value
   */
  default <T> T shared(String key, Class<T> type, Supplier<T> compute) {
    return type.cast(compute.get());
  }
}
