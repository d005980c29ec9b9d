package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The CSV reader reads a plain line (buffered whole, no quote, within the row limit) at once, splitting its
 * fields eight bytes at a time; it must give exactly what reading the same bytes one by one gives: the
 * same records, fields, offsets, line numbers, problems and overflows, for any bytes at all.
 */
class PlainLineProperties {

  /** Bytes from an alphabet of the characters that matter to the reader and their neighbours, some in long runs. */
  @Provide
  Arbitrary<byte[]> text() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("a", "b", ",", "\"", "\r", "\n", "\r\n", " ", "\u00e9", "\"\"", ",,", "\t", "\0", ",-", "\n\u000b",
            "\"#"),
        // '-', '#' and VT are one more than ',', '"' and LF: a byte-equality test with a borrow across
        // bytes would take them for the character below them
        Arbitraries.strings().withChars("abc,-#\u000b;:|").ofMinLength(8).ofMaxLength(40),
        Arbitraries.strings().withChars("x").ofMinLength(1).ofMaxLength(70));
    return piece.list().ofMaxSize(60).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 1000)
  void plainLines_readAtOnce_asReadByteByByte(@ForAll("text") byte[] text, @ForAll @IntRange(min = 0, max = 5) int skip,
      @ForAll("limits") int maxRowBytes) throws IOException {
    int from = Math.min(skip, text.length);
    assertSame(text, from, text.length, maxRowBytes);
    assertSame(text, from, Math.max(from, text.length - skip), maxRowBytes);
  }

  /**
   * Finding a cell's separator eight bytes at a time gives the first one, as a byte-by-byte search does,
   * in any range of any bytes, up to and at the array's end (where the last word cannot be read whole).
   */
  @Property(tries = 1000)
  void indexOf_eightBytesAtATime_asByteByByte(@ForAll("text") byte[] text, @ForAll @IntRange(min = 0, max = 70) int a,
      @ForAll @IntRange(min = 0, max = 70) int b) {
    int from = Math.min(Math.min(a, b), text.length);
    int to = Math.min(Math.max(a, b), text.length);
    for (char c : new char[] {',', ';', ':', '|', '"', '-'}) {
      int expected = to;
      for (int i = from; i < to; i++) {
        if (text[i] == c) {
          expected = i;
          break;
        }
      }
      assertEquals(expected, CsvContributions.indexOf(text, c, from, to), "'" + c + "' in [" + from + ", " + to + ")");
    }
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 48), Arbitraries.just(1 << 20));
  }

  @Example
  void examples() throws IOException {
    for (String s : new String[] {"", "\n", "\n\n", "a,b,c\n", "a,b,c", "abcdefgh,ijklmnop,qrstuvwx\r\n",
        "12345678\n", "1234567\r\n", "abc\rdef\r\r\n,,,,,,,,,,,,,,,,\n", "\"q\",x\nplain,line,of,text\n",
        "a,b\nlong long long long line,with,\"quote\" late\n"}) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      for (int max : new int[] {1, 7, 8, 9, 16, 1 << 20}) {
        assertSame(b, 0, b.length, max);
      }
    }
  }

  private static void assertSame(byte[] text, int from, int to, int maxRowBytes) throws IOException {
    List<String> byBytes = CsvContributions.records(text, from, to, maxRowBytes, false);
    List<String> atOnce = CsvContributions.records(text, from, to, maxRowBytes, true);
    assertEquals(byBytes, atOnce, () -> "max " + maxRowBytes + ", text: "
        + new String(text, from, to - from, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n"));
  }
}
