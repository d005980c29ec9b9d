package dev.kat.core.model;

import dev.kat.core.internal.Checks;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * One recognition period: records whose time falls in {@code [start, end)} belong to it.
 *
 * @param id a label such as {@code 2026-10}, not blank
 * @param sequence the cycle's position in the DAO's history (0, 1, 2 …); karma decays by the
 *     difference of sequences
 * @param start first instant of the cycle, inclusive
 * @param end first instant after the cycle, exclusive; after {@code start}
 */
public record Cycle(String id, long sequence, Instant start, Instant end) {

  /** Validates the fields. */
  public Cycle {
    Checks.notBlank(id, "id");
    Checks.nonNegative(sequence, "sequence");
    Checks.notNull(start, "start");
    Checks.notNull(end, "end");
    Checks.argument(end.isAfter(start), "end (" + end + ") must be after start (" + start + ")");
  }

  /** The calendar month {@code month} in UTC, labelled {@code yyyy-MM}. */
  public static Cycle ofMonth(YearMonth month, long sequence) {
    Checks.notNull(month, "month");
    Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Cycle(month.toString(), sequence, start, end);
  }

  /** Whether {@code t} falls inside this cycle. */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** The number of UTC days the cycle touches (at least 1). */
  public int days() {
    long first = Math.floorDiv(start.getEpochSecond(), 86_400L);
    long last = Math.floorDiv(end.getEpochSecond() - 1, 86_400L);
    return (int) (last - first + 1);
  }
}
