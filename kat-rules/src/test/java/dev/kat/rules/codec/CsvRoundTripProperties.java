package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever text the fields hold, what CsvWriter writes the reader reads back, row by row, byte for byte. */
class CsvRoundTripProperties {

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withChars("abcXYZ019,;:\"'\n\r\t é–漢|")
        .ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.strip().isEmpty() && s.strip().equals(s) && s.indexOf(';') < 0);
  }

  @Property(tries = 200)
  void writtenRows_readBackUnchanged(@ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.From("text") String> values)
      throws IOException {
    StringWriter w = new StringWriter();
    CsvWriter csv = new CsvWriter(w);
    csv.row("id", "contributor", "category", "role", "occurredAt", "note");
    for (int i = 0; i < values.size(); i++) {
      csv.row("r" + i, values.get(i), values.get((i + 1) % values.size()), "dao_member", "2026-10-05T10:00:00Z",
          values.get(values.size() - 1 - i));
    }
    byte[] bytes = w.toString().getBytes(StandardCharsets.UTF_8);
    Collect c = Collect.read(InputFormat.CSV, bytes);
    assertEquals(List.of(), c.malformed);
    assertEquals(values.size(), c.records.size());
    for (int i = 0; i < values.size(); i++) {
      Contribution r = c.records.get(i);
      assertEquals("r" + i, r.id());
      assertEquals(values.get(i), r.contributor());
      assertEquals(values.get((i + 1) % values.size()), r.category());
    }
    int at = (int) c.summary.headerEnd();
    for (RowLocation l : c.locations) {
      assertEquals(at, l.start(), "rows are contiguous");
      at = (int) l.end();
    }
    assertEquals(bytes.length, at, "every byte belongs to the header or a row");
    StringWriter one = new StringWriter();
    new CsvWriter(one).row("r0", values.get(0), values.get(1 % values.size()), "dao_member", "2026-10-05T10:00:00Z",
        values.get(values.size() - 1));
    RowLocation first = c.locations.get(0);
    assertArrayEquals(one.toString().getBytes(StandardCharsets.UTF_8),
        Arrays.copyOfRange(bytes, (int) first.start(), (int) first.end()));
  }
}
