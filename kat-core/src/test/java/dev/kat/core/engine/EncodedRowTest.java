package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A record read in place is the common shape only if every byte of its text is ASCII: one byte of 0x80 or
 * more anywhere in any field, at any offset in the field and in the array, makes it not simple.
 */
class EncodedRowTest {

  private static byte[] encoded(String id, String reviewer) {
    return RecordCodec.encode(Contribution.builder(id, "p1", "docs", Roles.DAO_MEMBER,
            Instant.parse("2026-10-02T09:00:00Z"))
        .attribute("durationMinutes", 45).counterpart("p2").evidence("https://evidence.example/e/1")
        .review(Review.approve(reviewer, 0.75)).build());
  }

  @Test
  void read_oneHighByteAnywhereInAField_notSimple() {
    for (int length = 1; length <= 26; length++) {
      String text = "abcdefghijklmnopqrstuvwxyz".substring(0, length);
      // the id is the first field; the reviewer is four bytes from the end of the array, where a word
      // read past the field would run off the array
      byte[] plain = encoded(text, "v1");
      EncodedRow v = new EncodedRow();
      v.read(plain, 0);
      assertTrue(v.simple, "all ASCII, id of " + length);
      assertEquals(length, v.idEnd - v.idStart);
      for (int at = v.idStart; at < v.idEnd; at++) {
        for (int high : new int[] {0x80, 0xC3, 0xFF}) {
          byte[] b = plain.clone();
          b[at] = (byte) high;
          v.read(b, 0);
          assertFalse(v.simple, "id of " + length + ", byte " + (at - v.idStart) + " is " + high);
        }
      }
      byte[] atEnd = encoded("r1", text);
      v.read(atEnd, 0);
      assertTrue(v.simple, "all ASCII, reviewer of " + length);
      int from = v.reviewerStart[0];
      int to = v.reviewerEnd[0];
      assertEquals(length, to - from);
      for (int at = from; at < to; at++) {
        byte[] b = atEnd.clone();
        b[at] = (byte) 0x80;
        v.read(b, 0);
        assertFalse(v.simple, "reviewer of " + length + ", byte " + (at - from));
        // the same bytes with room after them in the array
        byte[] roomy = java.util.Arrays.copyOf(b, b.length + 16);
        v.read(roomy, 0);
        assertFalse(v.simple, "reviewer of " + length + ", byte " + (at - from) + ", array with room");
      }
    }
  }

  @Test
  void read_valuesAndCounts_asEncoded() {
    byte[] b = encoded("r-7", "v2");
    EncodedRow v = new EncodedRow();
    v.read(b, 0);
    assertEquals(1, v.attributes);
    assertEquals(45.0, Double.longBitsToDouble(v.valueBits[0]));
    assertEquals(1, v.counterparts);
    assertEquals(1, v.evidence);
    assertEquals(1, v.reviews);
    assertEquals(0.75, v.quality[0]);
    assertEquals(Instant.parse("2026-10-02T09:00:00Z").getEpochSecond(), v.second);
    assertEquals(0, v.nano);
  }

  /** What reading a record found, saved and loaded into another view, is what reading it gives. */
  @Test
  void saveThenLoad_asRead() {
    Contribution.Builder c = Contribution.builder("r-17", "p1", "docs", Roles.DAO_MEMBER,
        Instant.parse("2026-10-02T09:00:00.25Z")).dao("dao-1").workingGroup("wg/2");
    for (int k = 0; k < 11; k++) {
      c.attribute("a" + k, k * 1.5).counterpart("q" + k).review(k % 4 == 0 ? Review.approve("v" + k)
          : k % 4 == 1 ? Review.reject("v" + k) : k % 4 == 2 ? Review.dismiss("v" + k) : Review.approve("v" + k, k / 20.0));
    }
    c.evidence("https://evidence.example/e/1").evidence(new dev.kat.core.model.Evidence("https://evidence.example/e/2", "abc123"));
    byte[] pad = new byte[5];
    byte[] rec = RecordCodec.encode(c.build());
    byte[] bytes = new byte[pad.length + rec.length];
    System.arraycopy(rec, 0, bytes, pad.length, rec.length);
    EncodedRow read = new EncodedRow();
    read.read(bytes, pad.length);
    for (int i = 0; i < read.attributes; i++) {
      read.slot[i] = 100 + i;
    }
    assertEquals(8 + 2 * 11 + 11 + 2 * 2 + 3 * 11, read.savedLength());
    long[] saved = new long[2 + read.savedLength()];
    assertEquals(saved.length, read.save(saved, 2));
    EncodedRow loaded = new EncodedRow();
    loaded.load(bytes, saved, 2);
    assertEquals(describe(read), describe(loaded));
    assertTrue(loaded.simple);
  }

  /** Every field of a view that {@link EncodedRow#load} sets, as text. */
  private static String describe(EncodedRow v) {
    StringBuilder sb = new StringBuilder();
    sb.append(v.idStart).append('-').append(v.idEnd).append(' ').append(v.contributorStart).append('-')
        .append(v.contributorEnd).append(' ').append(v.daoStart).append('-').append(v.daoEnd).append(' ')
        .append(v.groupStart).append('-').append(v.groupEnd).append(' ').append(v.second).append(' ').append(v.nano);
    for (int i = 0; i < v.attributes; i++) {
      sb.append(" a").append(v.slot[i]).append('=').append(v.valueBits[i]);
    }
    for (int i = 0; i < v.counterparts; i++) {
      sb.append(" c").append(v.counterpartStart[i]).append('-').append(v.counterpartEnd[i]);
    }
    for (int i = 0; i < 4 * v.evidence; i++) {
      sb.append(" e").append(v.evidenceSpan[i]);
    }
    for (int i = 0; i < v.reviews; i++) {
      sb.append(" r").append(v.reviewerStart[i]).append('-').append(v.reviewerEnd[i]).append(':').append(v.verdict[i])
          .append(':').append(Double.doubleToRawLongBits(v.quality[i]));
    }
    return sb.toString();
  }
}
