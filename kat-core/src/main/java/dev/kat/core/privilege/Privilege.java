package dev.kat.core.privilege;

import dev.kat.core.internal.Checks;

/**
 * Something a contributor unlocks: a privilege (what they may do) or a badge (how they are recognised).
 *
 * @param id a stable id such as {@code priority-scheduling}, not blank, without spaces
 * @param kind privilege or badge
 * @param description words a contributor can read, not blank
 */
public record Privilege(String id, Kind kind, String description) {

  /** Whether a grant is a privilege or a badge. */
  public enum Kind {
    /** Something the holder may do. */
    PRIVILEGE,
    /** Public recognition. */
    BADGE
  }

  /** Validates the fields. */
  public Privilege {
    Checks.notBlank(id, "id");
    Checks.argument(id.indexOf(' ') < 0, "privilege id (" + id + ") must not contain spaces");
    Checks.notNull(kind, "kind");
    Checks.notBlank(description, "description");
  }
}
