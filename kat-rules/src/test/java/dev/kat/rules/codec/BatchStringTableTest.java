package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Several files read into one batch share the batch's string table, whose codes the batch takes as person
 * codes: with more distinct people than the table holds (so it fills part way through), ids it never
 * holds (longer than 16 bytes, non-ASCII), a JSON Lines file between CSV files, carried rows and a line
 * long enough to switch the read to one stream, the batch is that of adding every record, people in the
 * same order, on any pool and block size.
 */
class BatchStringTableTest {
  private static final Policy POLICY = Policy.builder("stress")
      .category(CategorySpec.of("hosting", 10, Unit.PER_HOUR))
      .category(CategorySpec.of("docs", 8, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1.0, false)
      .build();
  private static final Cycle OCTOBER = Cycle.ofMonth(YearMonth.of(2026, 10), 1);
  private static final String HEADER =
      "id,contributor,workingGroup,category,role,occurredAt,durationMinutes,counterparts,evidence,reviews,note\n";

  static String person(Random rnd, int distinct) {
    int k = rnd.nextInt(distinct);
    switch (rnd.nextInt(20)) {
      case 0:
        return "a-very-long-person-identifier-" + k; // longer than the table's keys
      case 1:
        return "Jos\u00e9" + k; // not ASCII
      case 2:
        return "p" + (k % 50);
      default:
        return "p" + k;
    }
  }

  static byte[] csv(int rows, int distinct, String idPrefix, long seed, boolean longLine) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < rows; i++) {
      if (longLine && i == rows / 3) {
        sb.append(idPrefix).append("LL,p1,,docs,dao_member,2026-10-02T10:00:00Z,,,,,\"")
            .append("x".repeat(3000)).append("\"\n");
      }
      String note = rnd.nextInt(10) == 0 ? "\"two\nlines\"" : "plain";
      StringBuilder cps = new StringBuilder();
      int ncp = rnd.nextInt(4);
      for (int k = 0; k < ncp; k++) {
        if (k > 0) {
          cps.append(';');
        }
        cps.append(person(rnd, distinct));
      }
      StringBuilder rvs = new StringBuilder();
      int nrv = 1 + rnd.nextInt(3);
      for (int k = 0; k < nrv; k++) {
        if (k > 0) {
          rvs.append(';');
        }
        rvs.append("v").append(k).append(person(rnd, distinct)).append(":approve")
            .append(rnd.nextBoolean() ? ":0.5" : "");
      }
      String cat = rnd.nextBoolean() ? "docs" : "hosting";
      String id = (rnd.nextInt(50) == 0 ? idPrefix + "dup" + rnd.nextInt(5) : idPrefix + i);
      sb.append(id).append(',').append(person(rnd, distinct)).append(",wg").append(rnd.nextInt(3)).append(',')
          .append(cat).append(",dao_member,2026-10-").append(10 + rnd.nextInt(9)).append("T10:00:00Z,")
          .append(rnd.nextInt(300)).append(',').append(cps).append(",https://e.org/").append(i).append(',')
          .append(rvs).append(',').append(note).append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] jsonl(int rows, int distinct, long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      sb.append("{\"id\":\"j").append(i).append("\",\"contributor\":\"").append(person(rnd, distinct))
          .append("\",\"category\":\"docs\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-1")
          .append(rnd.nextInt(9)).append("T10:00:00Z\",\"counterparts\":[\"").append(person(rnd, distinct))
          .append("\"],\"reviews\":[{\"reviewer\":\"").append(person(rnd, distinct))
          .append("x\",\"verdict\":\"approve\"}]}\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ContributionBatch viaRecords(List<ContributionReader> readers, List<byte[]> files) throws Exception {
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(OCTOBER);
    for (int f = 0; f < files.size(); f++) {
      readers.get(f).read(new ByteArrayInputStream(files.get(f)), "in" + f, new ContributionSink() {
        @Override
        public void accept(Contribution record, RowLocation location) {
          b.add(record);
        }

        @Override
        public void malformed(MalformedRow row) {
          // the files have no malformed rows but one too long for the row limit, read the same both ways
        }
      });
    }
    return b.build();
  }

  static ContributionBatch direct(List<ContributionReader> readers, List<byte[]> files, int block) throws Exception {
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(OCTOBER);
    for (int f = 0; f < files.size(); f++) {
      readers.get(f).read(new ByteArrayInputStream(files.get(f)), "in" + f, b, m -> {
      }, block);
    }
    return b.build();
  }

  static void same(ContributionBatch e, ContributionBatch a, String what) {
    assertEquals(e.inputCount(), a.inputCount(), what);
    assertEquals(e.rows(), a.rows(), what);
    assertEquals(e.people(), a.people(), what);
    for (int p = 0; p < e.people(); p++) {
      assertEquals(e.personId(p), a.personId(p), what + " person " + p);
    }
    for (int r = 0; r < e.rows(); r++) {
      assertEquals(e.contributor(r), a.contributor(r), what);
      assertEquals(e.counterpartCount(r), a.counterpartCount(r), what);
      for (int k = 0; k < e.counterpartCount(r); k++) {
        assertEquals(e.counterpart(r, k), a.counterpart(r, k), what);
      }
      for (int k = 0; k < e.reviewCount(r); k++) {
        assertEquals(e.reviewer(r, k), a.reviewer(r, k), what);
      }
      assertEquals(e.record(r), a.record(r), what);
    }
    assertEquals(e.rejections(), a.rejections(), what);
  }

  @Test
  void manyPeople_tableFillsPartWay_sameBatchAsAddingEachRecord_onAnyPool() throws Exception {
    ContributionReader csv = ContributionReader.of(InputFormat.CSV).withMaxRowBytes(1000);
    ContributionReader json = ContributionReader.of(InputFormat.JSON_LINES);
    // 146 k rows naming people drawn from 200 k: the batch's table (2^17 strings) fills part way through
    List<byte[]> files = List.of(csv(60_000, 200_000, "a", 1, true), jsonl(20_000, 200_000, 2),
        csv(60_000, 200_000, "b", 3, false), csv(6_000, 200_000, "c", 4, true));
    List<ContributionReader> readers = List.of(csv, json, csv, csv);
    ContributionBatch expected = viaRecords(readers, files);
    assertTrue(expected.people() > 131072, "people " + expected.people());
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        for (int block : new int[] {1024, 65536}) {
          ContributionBatch actual = pool.submit(() -> direct(readers, files, block)).get();
          same(expected, actual, threads + " threads, block " + block);
        }
      } finally {
        pool.shutdown();
      }
    }
  }
}
