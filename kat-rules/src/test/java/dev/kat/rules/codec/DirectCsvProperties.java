package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading a CSV file into a batch writes most rows straight from their bytes in canonical form (the direct
 * path); reading it through a sink builds every record. Both must give the same batch, row for row, and
 * the same malformed rows, for cells in every form the direct path takes or declines.
 */
class DirectCsvProperties {
  private static final Policy POLICY = Policy.builder("direct-csv")
      .dao("dao-1")
      .category(CategorySpec.of("hosting", 10, Unit.PER_HOUR))
      .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1.0, false)
      .build();
  private static final Cycle OCTOBER = Cycle.ofMonth(YearMonth.of(2026, 10), 1);
  private static final String HEADER =
      "id,contributor,dao,workingGroup,category,role,occurredAt,durationMinutes,amount,counterparts,evidence,reviews,"
          + "supersedes,note\n";

  /** Mostly one of {@code usual}, sometimes one of {@code odd}: rows are mostly ones the direct path takes. */
  @SuppressWarnings("unchecked")
  private static Arbitrary<String> cell(List<String> usual, String... odd) {
    if (odd.length == 0) {
      return Arbitraries.of(usual);
    }
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.of(usual)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(odd)));
  }

  private static Arbitrary<String> person() {
    return cell(List.of("p1", "p2", "p10", "p1 ", " p3", "q", "a-very-long-person-identifier-1"), "Jos\u00e9", "");
  }

  private static Arbitrary<String> list(Arbitrary<String> item) {
    return item.list().ofMaxSize(4).map(l -> String.join(";", l))
        .flatMap(s -> cell(List.of(s, " " + s + " ", "\"" + s + "\""), s + ";"));
  }

  private static Arbitrary<String> review() {
    return Combinators.combine(cell(List.of("v1", "v2", "p1", " v3 ", "v1"), "", "v\u00e9"),
        cell(List.of("approve", "approve", "reject", "dismiss", " approve "), "Approve", "duplicate", "maybe"),
        cell(List.of("", ":0.5", ":1", ":0", ":-0", ":0.50", ":0.9199999999999999", ": 0.25", ":0.5"), ":1.5", ":x",
            ":1e-1"))
        .as((who, verdict, q) -> who + ":" + verdict + q);
  }

  private static Arbitrary<String> row() {
    Arbitrary<String> id = cell(List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", " r8", "r10", "r11"), "", "r\u00e9");
    Arbitrary<String> dao = cell(List.of("dao-1", "", "dao-2", " dao-1 "));
    Arbitrary<String> group = cell(List.of("", "wg1", "wg2", "guides"));
    Arbitrary<String> category = cell(List.of("hosting", "docs", "docs", "painting", " docs"), "");
    Arbitrary<String> role = cell(List.of(Roles.DAO_MEMBER, Roles.DAO_MEMBER, "nobody"), "");
    Arbitrary<String> time = cell(List.of("2026-10-02T10:00:00Z", "2026-10-31T23:59:59Z", "2026-11-01T00:00:00Z",
        "2026-10-12T01:02:03Z"), "2026-10-02", "2026-10-02T10:00:00.5Z", "2026-10-02T10:00:00+01:00", "", "yesterday");
    Arbitrary<String> number = cell(List.of("", "30", " 45 ", "1.5", "-5", "0.1", "9007199254740993",
        "0.9199999999999999", "\t", "-0"), "+5", "1e3", "x");
    Arbitrary<String> evidence = list(cell(List.of("https://e.org/1", "https://e.org/2|abc", "ipfs://x | ff",
        "https://e.org/1|abc", "https://e.org/1|abd", "e/007"), "https://e.org/1|", "|h", "a|b|c",
        "https://e.org/\u00e9"));
    Arbitrary<String> supersedes = cell(List.of("", "", "", "r1", "r9"));
    return Combinators.combine(id, person(), dao, group, category, role, time, number)
        .flatAs((i, who, d, g, c, r, t, n) -> Combinators.combine(number, list(person()), evidence,
            list(review()), supersedes, Arbitraries.of("", "a note", "\"quoted, note\""))
            .as((amount, cps, ev, rv, sup, note) -> String.join(",", i, who, d, g, c, r, t, n, amount, cps, ev, rv,
                sup, note)));
  }

  @Provide
  Arbitrary<List<String>> files() {
    return row().list().ofMinSize(1).ofMaxSize(40);
  }

  @Example
  void listsOutOfOrder_storedInTheRecordsOrder() throws IOException {
    // lists in every order a record sorts: by text, then verdict, then quality (absent first), evidence by
    // URI then hash
    assertSameBatch(List.of(
        "r1,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,p3;p10;p2,b|2;b|1;a;b,"
            + "v2:approve;v1:approve:0.9;v1:approve:0.1;v1:approve;v1:dismiss;v0:reject:1,,",
        "r2,p2,,wg2,hosting,dao_member,2026-10-03T10:00:00Z,90,5,p1,e,v1:approve:0.5;v2:approve:0.25,,"));
  }

  @Example
  void longListsOutOfOrder_sortedAsARecordSortsThem() throws IOException {
    // thousands of items (sorted by position, not by insertion) in reverse order, with ties among reviews
    StringBuilder cps = new StringBuilder();
    StringBuilder rvs = new StringBuilder();
    StringBuilder ev = new StringBuilder();
    for (int i = 3000; i > 0; i--) {
      cps.append(cps.length() > 0 ? ";" : "").append("c").append(i);
    }
    for (int i = 60; i > 0; i--) {
      rvs.append(rvs.length() > 0 ? ";" : "").append("v").append(i % 7).append(":approve:0.").append(i % 10);
      ev.append(ev.length() > 0 ? ";" : "").append("https://e.org/").append(i % 9).append(i % 2 == 0 ? "|h" + i : "");
    }
    assertSameBatch(List.of("r1,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,," + cps + "," + ev + "," + rvs + ",,"));
  }

  @Property(tries = 300)
  void readIntoBatch_sameBatchAsReadingRecords(@ForAll("files") List<String> rows) throws IOException {
    assertSameBatch(rows);
  }

  /**
   * Rows that are not ASCII, some not even UTF-8, in every kind of cell: the direct path must decline each
   * (the rows are plain lines, read at once, which note whether they are ASCII on the way).
   */
  @Example
  void nonAsciiAndInvalidUtf8_declinedByTheDirectPath() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
    String[] rows = {
        "r1,p\u00e9,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,",
        "r2,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,n\u00f6te",
        "r3,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,p2;\u00e9,,v1:approve,,",
        "r4,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,",
        "r\u00ef5,p2,dao-1,wg1,hosting,dao_member,2026-10-02T10:00:00Z,60,,,https://e.org/\u00e9,,,"};
    int n = 0;
    for (String row : rows) {
      out.writeBytes((row + "\n").getBytes(StandardCharsets.UTF_8));
      n++;
    }
    // bytes that are not UTF-8 (a lone continuation byte, a truncated sequence) in a person, a note, an id
    for (String row : new String[] {"r6,p?,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,",
        "r7,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,note ?",
        "r?8,p1,dao-1,wg1,docs,dao_member,2026-10-02T10:00:00Z,,,,,,,"}) {
      byte[] b = (row + "\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '?') {
          b[i] = (byte) (n % 2 == 0 ? 0x80 : 0xC3);
        }
      }
      out.writeBytes(b);
      n++;
    }
    assertSameBatch(out.toByteArray(), n);
  }

  private static void assertSameBatch(List<String> rows) throws IOException {
    assertSameBatch((HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8), rows.size());
  }

  private static void assertSameBatch(byte[] file, int rowCount) throws IOException {
    KatEngine engine = KatEngine.of(POLICY);
    // records built one by one, through a sink
    ContributionBatch.Builder one = engine.newBatch(OCTOBER);
    List<MalformedRow> badOne = new ArrayList<>();
    ContributionReader.of(InputFormat.CSV).read(new ByteArrayInputStream(file), "in", new ContributionSink() {
      @Override
      public void accept(Contribution record, RowLocation location) {
        one.add(record);
      }

      @Override
      public void malformed(MalformedRow row) {
        badOne.add(row);
      }
    });
    ContributionBatch expected = one.build();
    assertEquals(rowCount, expected.inputCount() + badOne.size(), "every row is read");
    // straight into a batch, in blocks small enough to split the file
    for (int block : new int[] {64, 1 << 16}) {
      ContributionBatch.Builder b = engine.newBatch(OCTOBER);
      List<MalformedRow> bad = new ArrayList<>();
      ContributionReader.of(InputFormat.CSV).read(new ByteArrayInputStream(file), "in", b, bad::add, block);
      ContributionBatch actual = b.build();
      String what = "blocks of " + block;
      assertEquals(badOne, bad, what);
      assertEquals(expected.inputCount(), actual.inputCount(), what);
      assertEquals(expected.rows(), actual.rows(), what);
      assertEquals(expected.people(), actual.people(), what);
      for (int p = 0; p < expected.people(); p++) {
        assertEquals(expected.personId(p), actual.personId(p), what);
      }
      for (int r = 0; r < expected.rows(); r++) {
        String at = what + ", row " + r;
        assertEquals(expected.record(r), actual.record(r), at);
        assertEquals(expected.contentHash(r), actual.contentHash(r), at);
        assertEquals(expected.contributor(r), actual.contributor(r), at);
        assertEquals(expected.category(r), actual.category(r), at);
        assertEquals(expected.role(r), actual.role(r), at);
        assertEquals(expected.workingGroup(r), actual.workingGroup(r), at);
        assertEquals(expected.epochSecond(r), actual.epochSecond(r), at);
        for (String a : List.of("durationMinutes", "amount")) {
          assertEquals(Double.doubleToLongBits(expected.attribute(r, a, -1)),
              Double.doubleToLongBits(actual.attribute(r, a, -1)), at);
        }
        assertEquals(expected.counterpartCount(r), actual.counterpartCount(r), at);
        for (int k = 0; k < expected.counterpartCount(r); k++) {
          assertEquals(expected.counterpart(r, k), actual.counterpart(r, k), at);
        }
        assertEquals(expected.reviewCount(r), actual.reviewCount(r), at);
        for (int k = 0; k < expected.reviewCount(r); k++) {
          assertEquals(expected.reviewer(r, k), actual.reviewer(r, k), at);
          assertEquals(expected.verdict(r, k), actual.verdict(r, k), at);
          assertEquals(Double.doubleToLongBits(expected.quality(r, k)), Double.doubleToLongBits(actual.quality(r, k)),
              at);
        }
        assertEquals(expected.evidenceCount(r), actual.evidenceCount(r), at);
        for (int k = 0; k < expected.evidenceCount(r); k++) {
          assertEquals(expected.evidenceKey(r, k), actual.evidenceKey(r, k), at);
        }
      }
      assertEquals(expected.rejections(), actual.rejections(), what);
    }
  }
}
