package dev.kat.cli.report;

import dev.kat.core.engine.Rejection;
import dev.kat.rules.codec.RowLocation;

/**
 * A record admission rejected, with the row it came from.
 *
 * @param rejection the rejection
 * @param location the row in its input file, or null when the record did not come from a file
 */
public record LocatedRejection(Rejection rejection, RowLocation location) {

  /** Validates the fields. */
  public LocatedRejection {
    if (rejection == null) {
      throw new IllegalArgumentException("rejection must not be null");
    }
  }

  /** {@code source:line} or {@code -}. */
  public String where() {
    return location == null ? "-" : location.toString();
  }
}
