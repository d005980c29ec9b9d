package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import java.time.Instant;
import java.util.Arrays;

/** Helpers shared by the detectors: the canonical order of rows and readable descriptions. */
final class Rows {
  private Rows() {}

  /**
   * Compares two rows in the canonical order "earlier first": by time, then by record id, then by the
   * record's content hash. Record ids are unique in a batch, so the order is total and does not depend
   * on arrival order.
   */
  static int compare(BatchView b, int x, int y) {
    int c = Long.compare(b.epochSecond(x), b.epochSecond(y));
    if (c != 0 || x == y) {
      return c;
    }
    c = b.recordId(x).compareTo(b.recordId(y));
    return c != 0 ? c : Long.compare(b.contentHash(x), b.contentHash(y));
  }

  /** The canonically first row of {@code rows[from, to)}. */
  static int first(BatchView b, int[] rows, int from, int to) {
    int best = rows[from];
    for (int i = from + 1; i < to; i++) {
      if (compare(b, rows[i], best) < 0) {
        best = rows[i];
      }
    }
    return best;
  }

  /** "record r1 (2026-10-03T10:00:00Z)". */
  static String describe(BatchView b, int row) {
    return "record " + b.recordId(row) + " (" + Instant.ofEpochSecond(b.epochSecond(row)) + ")";
  }

  /** The ids of {@code people}, sorted, comma-separated. */
  static String names(BatchView b, int[] people) {
    String[] ids = new String[people.length];
    for (int i = 0; i < people.length; i++) {
      ids[i] = b.personId(people[i]);
    }
    Arrays.sort(ids);
    return String.join(", ", ids);
  }

  /** A share in [0, 1] as a whole percentage, locale-independent. */
  static String percent(double share) {
    return Math.round(share * 100.0) + "%";
  }

  /** A double for parameters and texts: Java's locale-independent shortest form. */
  static String num(double v) {
    return Double.toString(v);
  }
}
