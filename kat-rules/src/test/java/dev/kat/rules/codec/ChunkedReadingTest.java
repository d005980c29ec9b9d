package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * A CSV or JSON Lines file read in chunks parsed in parallel gives exactly what one pass over the whole file gives, for
 * any block size and any pool: the same records, malformed rows, locations, file problems and summary; and
 * reading straight into a batch gives the batch of adding the records one at a time.
 */
class ChunkedReadingTest {
  private static final String HEADER =
      "id,contributor,workingGroup,category,role,occurredAt,durationMinutes,counterparts,evidence,reviews,note\n";
  private static final int[] BLOCKS = {16, 37, 64, 100, 333, 4096};
  private static final int[] THREADS = {1, 2, 4};

  /** A file with quoted line breaks, CRLF, blank lines and bad rows in every position a cut may fall. */
  private static byte[] file(int rows, long seed, boolean truncated) {
    Random rnd = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < rows; i++) {
      String end = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
      String note = switch (rnd.nextInt(6)) {
        case 0 -> "\"two\nlines\"";
        case 1 -> "\"say \"\"hi\"\"\r\nand\n\nmore\"";
        case 2 -> "\"a\nb\nc\nd\"";
        default -> "plain";
      };
      String row = switch (rnd.nextInt(12)) {
        case 0 -> "r" + i + ",x,,docs,dao_member,yesterday,,,,," + note;
        case 1 -> "r" + i + ",x,,docs,dao_member,2026-10-01,,,\n";
        case 2 -> "r" + i + ",x,,docs,dao_member,2026-10-01,,,,,say \"hi\"";
        case 3 -> "";
        case 4 -> "r" + i + ",x,,docs,dao_member,2026-10-01,,,,,\"hi\" there";
        default -> (rnd.nextInt(15) == 0 ? "dup" + rnd.nextInt(3) : "r" + i) + ",p" + rnd.nextInt(30) + ",guides,"
            + (rnd.nextInt(15) == 0 ? "painting" : "docs") + ",dao_member,2026-10-" + (10 + rnd.nextInt(9))
            + "T10:00:00Z," + rnd.nextInt(300) + ",p" + rnd.nextInt(5) + (rnd.nextBoolean() ? ";p" + rnd.nextInt(30) : "")
            + ",https://e.org/" + i + ",v" + rnd.nextInt(9) + ":approve:0.5"
            + (rnd.nextBoolean() ? ";v" + rnd.nextInt(9) + ":approve" : "") + "," + note;
      };
      out.writeBytes((row + end).getBytes(StandardCharsets.UTF_8));
      if (rnd.nextInt(50) == 0) {
        out.writeBytes("r,Jos\u00e9,,docs,dao_member,2026-10-01,,,,,\n".getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    if (truncated) {
      out.writeBytes("last,x,,docs,dao_member,2026-10-01,,,,,\"unfinished\nnote\n".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** A JSON Lines file with a byte-order mark, blank lines, CRLF and malformed lines. */
  private static byte[] jsonLines(int rows, long seed) {
    Random rnd = new Random(seed);
    StringBuilder out = new StringBuilder("\uFEFF");
    for (int i = 0; i < rows; i++) {
      String end = rnd.nextInt(4) == 0 ? "\r\n" : "\n";
      String ok = "{\"id\":\"" + (rnd.nextInt(15) == 0 ? "dup" + rnd.nextInt(3) : "j" + i) + "\",\"contributor\":\"p"
          + rnd.nextInt(30) + "\",\"category\":\"" + (rnd.nextInt(15) == 0 ? "painting" : "docs")
          + "\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-1" + rnd.nextInt(9) + "\"";
      String line = switch (rnd.nextInt(10)) {
        case 0 -> ok + ",\"colour\":1}";
        case 1 -> "{\"id\":\"c\",\"contributor\":5}";
        case 2 -> "   ";
        case 3 -> ok;
        default -> ok + ",\"reviews\":[{\"reviewer\":\"v1\",\"verdict\":\"approve\"}]}";
      };
      out.append(line).append(end);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readJsonLines_anyBlockSizeAndPool_sameAsOnePass() throws Exception {
    ContributionReader reader = ContributionReader.of(InputFormat.JSON_LINES);
    byte[] bytes = jsonLines(400, 6);
    Collect expected = read(reader, bytes, bytes.length + 1);
    assertTrue(expected.malformed.size() > 40 && expected.records.size() > 200, "the file exercises both");
    assertSameOnEveryPoolAndBlockSize(reader, bytes, expected);
  }

  /** Reads {@code bytes} in every block size on pools of every size, each time expecting {@code expected}. */
  private static void assertSameOnEveryPoolAndBlockSize(ContributionReader reader, byte[] bytes, Collect expected)
      throws Exception {
    for (int threads : THREADS) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        for (int block : BLOCKS) {
          assertSame(expected, in(pool, () -> read(reader, bytes, block)), threads + " threads, blocks of " + block);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  private static Collect read(ContributionReader reader, byte[] bytes, int block) {
    Collect c = new Collect();
    try {
      c.summary = reader.read(new ByteArrayInputStream(bytes), "in", c, block);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  private static <T> T in(ForkJoinPool pool, Callable<T> work) throws Exception {
    return pool.submit(work).get();
  }

  private static void assertSame(Collect expected, Collect actual, String what) {
    assertEquals(expected.summary, actual.summary, what);
    assertEquals(expected.malformed, actual.malformed, what);
    assertEquals(expected.locations, actual.locations, what);
    assertEquals(expected.records, actual.records, what);
  }

  @Test
  void read_anyBlockSizeAndPool_sameAsOnePass() throws Exception {
    ContributionReader reader = ContributionReader.of(InputFormat.CSV);
    for (boolean truncated : new boolean[] {false, true}) {
      byte[] bytes = file(400, truncated ? 2 : 1, truncated);
      Collect expected = read(reader, bytes, bytes.length + 1);
      assertTrue(expected.malformed.size() > 40 && expected.records.size() > 200, "the file exercises both");
      assertSameOnEveryPoolAndBlockSize(reader, bytes, expected);
      assertSame(expected, read(reader, bytes, 50), "common pool");
    }
  }

  @Test
  void read_lineLongerThanABlock_restReadAsOneStream() {
    ContributionReader reader = ContributionReader.of(InputFormat.CSV).withMaxRowBytes(300);
    byte[] head = file(30, 3, false);
    byte[] longLine = ("long," + "x".repeat(5_000) + ",,docs,dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = "after,x,,docs,dao_member,2026-10-01,,,,,\"quoted\nbreak\"\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head);
    all.writeBytes(longLine);
    all.writeBytes(tail);
    byte[] bytes = all.toByteArray();
    Collect expected = read(reader, bytes, bytes.length + 1);
    assertEquals("after", expected.records.get(expected.records.size() - 1).id());
    for (int block : BLOCKS) {
      assertSame(expected, read(reader, bytes, block), "blocks of " + block);
    }
  }

  @Test
  void read_byteOrderMarkAndBlankStart_sameAsOnePass() {
    ContributionReader reader = ContributionReader.of(InputFormat.CSV);
    byte[] body = file(50, 4, true);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n', '\r', '\n', '\n'});
    all.writeBytes(body);
    byte[] bytes = all.toByteArray();
    Collect expected = read(reader, bytes, bytes.length + 1);
    assertEquals(HEADER.length() + 7, expected.summary.headerEnd());
    for (int block : BLOCKS) {
      assertSame(expected, read(reader, bytes, block), "blocks of " + block);
    }
  }

  private static final Policy POLICY = Policy.builder("chunked")
      .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1.0, false)
      .build();
  private static final Cycle OCTOBER = Cycle.ofMonth(YearMonth.of(2026, 10), 1);

  @Test
  void readIntoBatch_anyBlockSizeAndPool_sameBatchAsAddingEachRecord() throws Exception {
    assertSameBatchAsAddingEachRecord(ContributionReader.of(InputFormat.CSV), file(400, 5, true));
    assertSameBatchAsAddingEachRecord(ContributionReader.of(InputFormat.JSON_LINES), jsonLines(400, 7));
  }

  @Test
  void readIntoBatch_lineLongerThanABlockThenThousands_sameBatchAsAddingEachRecord() throws Exception {
    // after the long line the rest is read as one stream, handed on a few thousand rows at a time
    byte[] head = file(30, 11, false);
    byte[] rest = file(9_000, 12, true);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(head);
    all.writeBytes(("long,p1,," + "x".repeat(5_000) + ",dao_member,2026-10-01,,,,,\n").getBytes(StandardCharsets.UTF_8));
    all.write(rest, HEADER.length(), rest.length - HEADER.length());
    assertSameBatchAsAddingEachRecord(ContributionReader.of(InputFormat.CSV).withMaxRowBytes(300), all.toByteArray());
  }

  private static void assertSameBatchAsAddingEachRecord(ContributionReader reader, byte[] bytes) throws Exception {
    KatEngine engine = KatEngine.of(POLICY);
    ContributionBatch.Builder one = engine.newBatch(OCTOBER);
    Collect c = read(reader, bytes, bytes.length + 1);
    c.records.forEach(one::add);
    ContributionBatch expected = one.build();
    assertTrue(expected.rows() > 100 && !expected.rejections().isEmpty(),
        () -> "the file exercises both: " + expected.rows() + " rows, " + expected.rejections());
    for (int threads : THREADS) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        for (int block : BLOCKS) {
          List<MalformedRow> bad = new ArrayList<>();
          ContributionBatch.Builder b = engine.newBatch(OCTOBER);
          ReadSummary s = in(pool, () -> reader.read(new ByteArrayInputStream(bytes), "in", b, bad::add, block));
          String what = threads + " threads, blocks of " + block;
          assertEquals(c.summary, s, what);
          assertEquals(c.malformed, bad, what);
          ContributionBatch actual = b.build();
          assertEquals(expected.inputCount(), actual.inputCount(), what);
          assertEquals(expected.rows(), actual.rows(), what);
          for (int row = 0; row < expected.rows(); row++) {
            assertEquals(expected.record(row), actual.record(row), what);
            assertEquals(expected.contentHash(row), actual.contentHash(row), what);
          }
          assertEquals(expected.rejections(), actual.rejections(), what);
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
