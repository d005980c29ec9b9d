package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
  private static final String HEADER =
      "id,contributor,workingGroup,category,role,occurredAt,durationMinutes,counterparts,evidence,reviews,note\n";

  @Test
  void read_fullRow_mapsEveryColumn() {
    Collect c = Collect.csv(HEADER
        + "s-1,mai,sdf,session_hosting,dao_member,2026-10-05T14:30:00Z,45,explorer-7,"
        + "https://logs/s-1|abc123;https://drive/s-1,kenji:approve:0.8;ana:approve,\"a note, with comma\"\n");
    assertEquals(List.of(), c.malformed);
    Contribution r = c.records.get(0);
    assertEquals("s-1", r.id());
    assertEquals("mai", r.contributor());
    assertEquals("sdf", r.workingGroup());
    assertEquals(Instant.parse("2026-10-05T14:30:00Z"), r.occurredAt());
    assertEquals(45.0, r.attribute("durationMinutes", -1));
    assertEquals(List.of("explorer-7"), r.counterparts());
    assertEquals(List.of(Evidence.of("https://drive/s-1"), new Evidence("https://logs/s-1", "abc123")), r.evidence());
    assertEquals(List.of(Review.approve("ana"), Review.approve("kenji", 0.8)), r.reviews());
    assertEquals(new ReadSummary("in", InputFormat.CSV, 1, 1, 0, HEADER.length(), List.of()), c.summary);
  }

  @Test
  void read_cellsInLessCommonForms_readAsTheCommonForms() {
    Collect c = Collect.csv(HEADER
        + "s-1,mai,sdf,session_hosting,dao_member,2026-10-05T14:30:00Z,45,explorer-7;ana,"
        + "https://logs/s-1|abc123;https://drive/s-1,kenji:approve:0.8;ana:approve,\n"
        + " s-1 , mai ,sdf , session_hosting,dao_member , 2026-10-05T14:30:00Z , 45.0 , ana ; explorer-7 ,"
        + " https://drive/s-1 ; https://logs/s-1 | abc123 , ANA:Approve ; kenji : approve : 0.80 ,\n"
        + "s-2,Jos\u00e9,sdf,session_hosting,dao_member,2026-10-05T16:30:00+02:00,+45,,,k:dismiss;j:reject:1,\n");
    assertEquals(List.of(), c.malformed);
    Contribution first = c.records.get(0);
    Contribution second = c.records.get(1);
    assertEquals(first.withReviews(List.of(Review.approve("ANA"), Review.approve("kenji", 0.8))), second);
    Contribution third = c.records.get(2);
    assertEquals("Jos\u00e9", third.contributor());
    assertEquals(first.occurredAt(), third.occurredAt());
    assertEquals(45.0, third.attribute("durationMinutes", -1));
    assertEquals(List.of(new Review("j", Verdict.REJECT, OptionalDouble.of(1.0), null), Review.dismiss("k")),
        third.reviews());
  }

  @Test
  void read_timeForms_allMeanTheSameInstant() {
    Collect c = Collect.csv(HEADER
        + "a,x,,docs,dao_member,2026-10-05T14:30:00Z,,,,,\n"
        + "b,x,,docs,dao_member,2026-10-05T16:30:00+02:00,,,,,\n"
        + "c,x,,docs,dao_member,2026-10-05T14:30:00.000Z,,,,,\n"
        + "d,x,,docs,dao_member,2026-10-05,,,,,\n"
        + "e,x,,docs,dao_member,2026-02-30,,,,,\n"
        + "f,x,,docs,dao_member,2026-10-05T24:30:00Z,,,,,\n");
    Instant t = Instant.parse("2026-10-05T14:30:00Z");
    assertEquals(List.of(t, t, t, Instant.parse("2026-10-05T00:00:00Z")),
        c.records.stream().map(Contribution::occurredAt).toList());
    assertEquals(List.of("in:6:6", "in:7:6"), c.malformed.stream()
        .map(m -> m.location() + ":" + m.column()).toList());
  }

  @Test
  void read_quotedFieldsWithNewlinesAndQuotes_keepLinesAndBytes() {
    String row1 = "a,x,,docs,dao_member,2026-10-01,,,,,\"line one\nline \"\"two\"\"\"\r\n";
    String row2 = "b,y,,docs,dao_member,2026-10-02,,,,,plain\r\n";
    Collect c = Collect.csv(HEADER + row1 + "\n" + row2);
    assertEquals(2, c.records.size());
    assertEquals(2, c.locations.get(0).line());
    assertEquals(5, c.locations.get(1).line());
    long start = HEADER.length();
    assertEquals(new RowLocation("in", 1, 2, start, start + row1.length()), c.locations.get(0));
    assertEquals(new RowLocation("in", 2, 5, start + row1.length() + 1, start + row1.length() + 1 + row2.length()),
        c.locations.get(1));
  }

  @Test
  void read_badValues_reportLineColumnFieldAndReason() {
    Collect c = Collect.csv(HEADER
        + "a,x,,docs,dao_member,yesterday,,,,,\n"
        + "b,x,,docs,dao_member,2026-10-01,ninety,,,,\n"
        + "c,x,,docs,dao_member,2026-10-01,,,,kenji:approve:1.5,\n"
        + "d,x,,docs,dao_member,2026-10-01,,,,kenji:maybe,\n"
        + "e,,,docs,dao_member,2026-10-01,,,,,\n"
        + "f,x,,docs,dao_member,2026-10-01,,a;;b,,,\n"
        + "g,x,,docs,dao_member,2026-10-01,,,\n"
        + "h,x,,docs,dao_member,2026-10-01,1,,,,\n");
    assertEquals(1, c.records.size());
    List<String> got = c.malformed.stream().map(MalformedRow::toString).toList();
    assertEquals(List.of(
        "in:2:6: occurredAt: 'yesterday' is not a time; expected ISO-8601 such as 2026-10-05T14:30:00Z, "
            + "2026-10-05T16:30:00+02:00 or 2026-10-05",
        "in:3:7: durationMinutes: 'ninety' is not a decimal number",
        "in:4:10: reviews: quality 1.5 of reviewer 'kenji' must be in [0, 1]",
        "in:5:10: reviews: verdict 'maybe' is not approve, reject, dismiss or duplicate",
        "in:6:2: contributor: is missing; every record needs one",
        "in:7:8: counterparts: item 2 of 'a;;b' is empty (items are separated by ';')",
        "in:8:0: the row has 9 fields but the header has 11 (is a comma missing, extra or unquoted?)"), got);
    assertEquals(8, c.summary.rows());
    assertEquals(c.summary.rows(), c.summary.parsed() + c.summary.malformed());
  }

  @Test
  void read_wrongEncodingInField_isMalformedRowNamingTheByte() {
    byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "a,Jos\u00e9,,docs,dao_member,2026-10-01,,,,,\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = "b,Jos\u00e9,,docs,dao_member,2026-10-01,,,,,\n".getBytes(StandardCharsets.UTF_8);
    Collect c = Collect.read(InputFormat.CSV, concat(head, latin1, good));
    assertEquals(1, c.records.size());
    assertEquals("Jos\u00e9", c.records.get(0).contributor());
    assertEquals("in:2:2: contributor: is not valid UTF-8 (byte 0xE9 at byte 4 of the field); "
        + "the file must be saved as UTF-8", c.malformed.get(0).toString());
  }

  @Test
  void read_utf16File_isFileProblemWithNoRows() {
    byte[] utf16 = (HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_16);
    Collect c = Collect.read(InputFormat.CSV, utf16);
    assertEquals(0, c.summary.rows());
    assertEquals(1, c.summary.fileProblems().size());
    assertTrue(c.summary.fileProblems().get(0).reason().contains("UTF-16"), c.summary.fileProblems().toString());
  }

  @Test
  void read_utf16WithoutByteOrderMark_isFileProblem() {
    byte[] utf16 = (HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_16LE);
    Collect c = Collect.read(InputFormat.CSV, utf16);
    assertTrue(c.summary.fileProblems().get(0).reason().contains("UTF-16"), c.summary.fileProblems().toString());
    assertEquals(c.summary.rows(), c.summary.malformed());
  }

  @Test
  void read_utf8ByteOrderMark_isSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Collect c = Collect.read(InputFormat.CSV,
        concat(bom, (HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, c.records.size());
    assertEquals(HEADER.length() + 3, c.summary.headerEnd());
  }

  @Test
  void read_missingHeader_reportsItAndRejectsEveryRow() {
    Collect c = Collect.csv("a,x,,docs,dao_member,2026-10-01,,,,,\nb,x,,docs,dao_member,2026-10-01,,,,,\n");
    assertEquals(0, c.records.size());
    assertEquals(1, c.summary.rows());
    assertEquals(1, c.malformed.size());
    FileProblem last = c.summary.fileProblems().get(c.summary.fileProblems().size() - 1);
    assertEquals("in:1:0: the header lacks required columns id, contributor, category, role, occurredAt; "
        + "line 1 looks like data, not a header: is the header line missing?", last.toString());
    assertEquals("in:2:0: not read because the header on line 1 is unusable (see the file problems)",
        c.malformed.get(0).toString());
  }

  @Test
  void read_duplicateColumns_isFileProblemNamingBothColumns() {
    Collect c = Collect.csv("id,contributor,category,role,occurredAt,complexity,complexity\n"
        + "a,x,docs,dao_member,2026-10-01,1,2\n");
    assertEquals(List.of(new FileProblem("in", 1, 7,
        "column 'complexity' appears twice, as columns 6 and 7; each column may appear once")), c.summary.fileProblems());
    assertEquals(1, c.summary.malformed());
    assertEquals(0, c.records.size());
  }

  @Test
  void read_emptyFile_isFileProblem() {
    Collect c = Collect.csv("");
    assertEquals(0, c.summary.rows());
    assertTrue(c.summary.fileProblems().get(0).reason().startsWith("the file is empty"));
    Collect onlyHeader = Collect.csv(HEADER);
    assertEquals(0, onlyHeader.summary.rows());
    assertTrue(onlyHeader.summary.clean());
  }

  @Test
  void read_hugeField_isMalformedAndTheNextRowIsRead() {
    String huge = "x".repeat(200_000);
    Collect c = Collect.read(ContributionReader.of(InputFormat.CSV).withMaxRowBytes(4096),
        (HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,\"" + huge + "\"\n"
            + "b,x,,docs,dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, c.records.size());
    assertEquals("b", c.records.get(0).id());
    assertEquals("in:2:11: note: the row is longer than the limit of 4096 bytes", c.malformed.get(0).toString());
    RowLocation at = c.malformed.get(0).location();
    assertEquals(huge.length() + 39, at.end() - at.start());
  }

  @Test
  void read_truncatedInsideQuotes_isMalformedWithTheQuoteLine() {
    Collect c = Collect.csv(HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,ok\n"
        + "b,x,,docs,dao_member,2026-10-01,,,,,\"unfinished note\nthat goes on");
    assertEquals(1, c.records.size());
    assertEquals("in:3:11: note: the file ends inside a quoted field that starts on line 3, so lines 3 to 4 "
        + "(2 lines) were read as one row (is the file truncated, or is a closing quote missing?)",
        c.malformed.get(0).toString());
  }

  @Test
  void read_unclosedQuoteSwallowingLines_saysHowManyLines() {
    Collect c = Collect.csv(HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,\"unclosed\n"
        + "b,x,,docs,dao_member,2026-10-01,,,,,ok\nc,x,,docs,dao_member,2026-10-01,,,,,ok\n");
    assertEquals(0, c.records.size());
    assertTrue(c.malformed.get(0).toString().contains("starts on line 2, so lines 2 to 4 (3 lines) were read as one row"),
        c.malformed.get(0).toString());
  }

  @Test
  void read_truncatedMidRow_isMalformedForMissingFields() {
    Collect c = Collect.csv(HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,ok\nb,x,,do");
    assertEquals(1, c.records.size());
    assertEquals("in:3:0: the row has 4 fields but the header has 11 (is a comma missing, extra or unquoted?)",
        c.malformed.get(0).toString());
  }

  @Test
  void read_strayQuotes_areMalformed() {
    Collect c = Collect.csv(HEADER + "a,x,,docs,dao_member,2026-10-01,,,,,say \"hi\"\n"
        + "b,x,,docs,dao_member,2026-10-01,,,,,\"hi\" there\n");
    assertEquals(List.of(
        "in:2:11: note: a quote inside an unquoted field; quote the whole field and write the quote as \"\"",
        "in:3:11: note: text after the closing quote of a quoted field"),
        c.malformed.stream().map(MalformedRow::toString).toList());
  }

  @Test
  void copy_malformedRows_areWrittenUnchangedAfterTheHeader(@TempDir Path dir) throws IOException {
    byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
    byte[] bad1 = "a,Jos\u00e9,,docs,dao_member,2026-10-01,,,,,\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = "b,x,,docs,dao_member,2026-10-01,,,,,\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad2 = "c,x,,docs,dao_member,2026-10-01,,,,,\"cut".getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("in.csv");
    Files.write(file, concat(head, bad1, good, bad2));
    Collect c = new Collect();
    ReadSummary s = ContributionReader.forFile(file).read(file, c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RawRows.copy(file, s.headerEnd(), c.malformed.stream().map(MalformedRow::location).toList(), out);
    assertArrayEquals(concat(head, bad1, bad2, new byte[] {'\n'}), out.toByteArray());
  }

  @Test
  void read_manyRows_streamsWithoutHoldingThem() throws IOException {
    int n = 300_000;
    InputStream gen = new InputStream() {
      private byte[] cur = HEADER.getBytes(StandardCharsets.UTF_8);
      private int pos;
      private int row;

      @Override
      public int read() {
        if (pos == cur.length) {
          if (row == n) {
            return -1;
          }
          row++;
          cur = ("r" + row + ",c" + (row % 1000) + ",wg,docs,dao_member,2026-10-01T00:00:00Z,30,,,,\n")
              .getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        return cur[pos++];
      }
    };
    long[] count = new long[1];
    ReadSummary s = ContributionReader.of(InputFormat.CSV).read(gen, "gen", new ContributionSink() {
      @Override
      public void accept(Contribution record, RowLocation location) {
        count[0]++;
      }

      @Override
      public void malformed(MalformedRow row) {
        throw new AssertionError(row.toString());
      }
    });
    assertEquals(n, count[0]);
    assertEquals(n, s.rows());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
