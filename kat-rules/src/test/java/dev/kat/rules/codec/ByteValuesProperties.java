package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte-level parsers give exactly what the text-level ones give, or decline. */
class ByteValuesProperties {

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(20);
    return net.jqwik.api.Combinators.combine(Arbitraries.of("", "-", "+"), digits, Arbitraries.of("", "."), digits)
        .as((sign, whole, point, fraction) -> sign + whole + point + (point.isEmpty() ? "" : fraction));
  }

  /** Every text of the form [sign] digits [. digits] with a digit is taken, bit for bit as parseDouble reads it. */
  @Property(tries = 3000)
  void number_isParseDoubleBitForBitOnEveryDecimal(@ForAll("decimals") String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    double fast = ByteValues.number(b, 0, b.length);
    if (!text.matches("[+-]?\\.?")) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(fast), text);
    } else {
      assertEquals(Double.NaN, fast, text);
    }
  }

  @Example
  void number_commonFormsAreTaken() {
    for (String t : new String[] {"90", "-1.5", "0.73", "+5", "5.", ".5", "-0", "9007199254740992", "0.1",
        "9007199254740993", "1234567890123456789", "0.9199999999999999", "-0.00000000000000000000001",
        "123456789012345678901234567890.5"}) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t)),
          Double.doubleToRawLongBits(ByteValues.number(b, 0, b.length)), t);
    }
    for (String t : new String[] {"", "-", ".", "1e3", "1.2.3", "0x1", "1-", "+.", "1 2"}) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Double.NaN, ByteValues.number(b, 0, b.length), t);
    }
  }

  @Property(tries = 3000)
  void instant_isTheCalendarsSecondOrDeclines(@ForAll("times") String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    long fast = ByteValues.instant(b, 0, b.length);
    Instant expected;
    try {
      expected = Values.instant("t", text);
    } catch (BadValue e) {
      assertEquals(Long.MIN_VALUE, fast, text);
      return;
    }
    if (fast != Long.MIN_VALUE) {
      assertEquals(expected.getEpochSecond(), fast, text);
    }
  }

  @Provide
  Arbitrary<String> times() {
    Arbitrary<Integer> year = Arbitraries.integers().between(0, 9999);
    Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
    Arbitrary<Integer> day = Arbitraries.integers().between(0, 32);
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, 25);
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 60);
    return net.jqwik.api.Combinators.combine(year, month, day, hour, minute, minute)
        .as((y, mo, d, h, mi, s) -> String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ",
            y, mo, d, h, mi, s));
  }

  @Example
  void instant_leapDaysAndEpochDays() {
    for (String t : new String[] {"2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z",
        "0000-03-01T12:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z"}) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(LocalDateTime.parse(t.substring(0, 19)).toEpochSecond(ZoneOffset.UTC), ByteValues.instant(b, 0, b.length), t);
    }
    for (String t : new String[] {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-10-05T24:00:00Z",
        "2026-10-05t14:30:00Z", "2026-10-05T14:30:00z", "2026-10-05 14:30:00Z", "2026-10-05"}) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertEquals(Long.MIN_VALUE, ByteValues.instant(b, 0, b.length), t);
    }
  }
}
