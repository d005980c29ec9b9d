package dev.kat.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CycleTest {

  @Test
  void ofMonth_isTheUtcCalendarMonth() {
    Cycle c = Cycle.ofMonth(YearMonth.of(2026, 2), 4);
    assertEquals("2026-02", c.id());
    assertEquals(4, c.sequence());
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), c.start());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), c.end());
    assertEquals(28, c.days());
    assertEquals(29, Cycle.ofMonth(YearMonth.of(2028, 2), 0).days());
    assertEquals(31, Cycle.ofMonth(YearMonth.of(2026, 12), 0).days());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), Cycle.ofMonth(YearMonth.of(2026, 12), 0).end());
  }

  @Test
  void contains_startInclusiveEndExclusive() {
    Cycle c = Cycle.ofMonth(YearMonth.of(2026, 10), 0);
    assertTrue(c.contains(c.start()));
    assertTrue(c.contains(c.end().minusNanos(1)));
    assertFalse(c.contains(c.end()));
    assertFalse(c.contains(c.start().minusNanos(1)));
  }

  @Test
  void days_countsTouchedUtcDays() {
    Cycle c = new Cycle("w", 0, Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-03T00:00:01Z"));
    assertEquals(3, c.days());
    Cycle tiny = new Cycle("t", 0, Instant.parse("2026-10-01T12:00:00Z"), Instant.parse("2026-10-01T12:00:01Z"));
    assertEquals(1, tiny.days());
  }

  @Test
  void constructor_badArguments_failNamingThem() {
    Instant t = Instant.parse("2026-10-01T00:00:00Z");
    assertEquals("end (2026-10-01T00:00:00Z) must be after start (2026-10-01T00:00:00Z)",
        assertThrows(IllegalArgumentException.class, () -> new Cycle("c", 0, t, t)).getMessage());
    assertEquals("sequence (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new Cycle("c", -1, t, t.plusSeconds(1))).getMessage());
    assertEquals("id (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new Cycle("", 0, t, t.plusSeconds(1))).getMessage());
    assertEquals("month must not be null",
        assertThrows(NullPointerException.class, () -> Cycle.ofMonth(null, 0)).getMessage());
  }

  @Test
  void equalsHashCodeToString() {
    Cycle a = Cycle.ofMonth(YearMonth.of(2026, 10), 1);
    Cycle b = new Cycle("2026-10", 1, a.start(), a.end());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("Cycle[id=2026-10, sequence=1, start=2026-10-01T00:00:00Z, end=2026-11-01T00:00:00Z]", a.toString());
  }
}
