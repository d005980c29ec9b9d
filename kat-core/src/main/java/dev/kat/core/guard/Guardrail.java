package dev.kat.core.guard;

import java.util.SortedMap;

/**
 * A detector of gaming that runs in the cycle's guard stage and reports {@link Flag}s with actions.
 *
 * <p>Implementations must be deterministic and independent of row order: the same multiset of records
 * must yield the same flags. They run after the credit stage and before caps.
 */
public interface Guardrail {

  /** A short stable id, e.g. {@code evidence-reuse}. */
  String id();

  /** The detector's settings in canonical form (for the content hash and reports). */
  SortedMap<String, String> parameters();

  /** Inspects the batch and reports flags to {@code sink}. */
  void inspect(GuardContext context, FlagSink sink);
}
