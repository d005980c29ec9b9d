package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;

/**
 * A privilege held by a contributor after a cycle, or one that changed in it.
 *
 * @param contributor the holder
 * @param privilege the privilege's id
 * @param since the sequence of the cycle from which it has been held without a break
 * @param change whether it was gained, kept or lost (expired) in this cycle
 */
public record PrivilegeGrant(String contributor, String privilege, long since, Change change) {

  /** How a privilege changed in a cycle. */
  public enum Change {
    /** Newly granted this cycle. */
    GAINED,
    /** Held before and still held. */
    KEPT,
    /** Held before; its condition lapsed this cycle, so it expired. */
    LOST
  }

  /** Validates the fields. */
  public PrivilegeGrant {
    Checks.notBlank(contributor, "contributor");
    Checks.notBlank(privilege, "privilege");
    Checks.nonNegative(since, "since");
    Checks.notNull(change, "change");
  }
}
