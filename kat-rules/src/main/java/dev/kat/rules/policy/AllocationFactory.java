package dev.kat.rules.policy;

import dev.kat.core.alloc.AllocationPolicy;

/**
 * Creates an {@link AllocationPolicy} from the settings a policy document gives in one {@code allocation}
 * entry.
 *
 * <p><b>Stability:</b> evolving. Implementations may be registered with {@link java.util.ServiceLoader}.
 */
public interface AllocationFactory {

  /** The allocation policy name this factory answers to, e.g. {@code immediate}. */
  String name();

  /**
   * An allocation policy configured by {@code parameters}.
   *
   * @throws IllegalArgumentException naming the parameter, if a parameter is missing or out of range
   */
  AllocationPolicy create(Parameters parameters);
}
