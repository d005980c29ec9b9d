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
      v.read(plain, 0, true);
      assertTrue(v.simple, "all ASCII, id of " + length);
      assertEquals(length, v.idEnd - v.idStart);
      for (int at = v.idStart; at < v.idEnd; at++) {
        for (int high : new int[] {0x80, 0xC3, 0xFF}) {
          byte[] b = plain.clone();
          b[at] = (byte) high;
          v.read(b, 0, true);
          assertFalse(v.simple, "id of " + length + ", byte " + (at - v.idStart) + " is " + high);
          // read unchecked, the record is taken as simple as first read
          v.read(b, 0, false);
          assertTrue(v.simple);
        }
      }
      byte[] atEnd = encoded("r1", text);
      v.read(atEnd, 0, true);
      assertTrue(v.simple, "all ASCII, reviewer of " + length);
      int from = v.reviewerStart[0];
      int to = v.reviewerEnd[0];
      assertEquals(length, to - from);
      for (int at = from; at < to; at++) {
        byte[] b = atEnd.clone();
        b[at] = (byte) 0x80;
        v.read(b, 0, true);
        assertFalse(v.simple, "reviewer of " + length + ", byte " + (at - from));
        // the same bytes with room after them in the array
        byte[] roomy = java.util.Arrays.copyOf(b, b.length + 16);
        v.read(roomy, 0, true);
        assertFalse(v.simple, "reviewer of " + length + ", byte " + (at - from) + ", array with room");
      }
    }
  }

  @Test
  void read_valuesAndCounts_asEncoded() {
    byte[] b = encoded("r-7", "v2");
    EncodedRow v = new EncodedRow();
    v.read(b, 0, true);
    assertEquals(1, v.attributes);
    assertEquals(45.0, Double.longBitsToDouble(v.valueBits[0]));
    assertEquals(1, v.counterparts);
    assertEquals(1, v.evidence);
    assertEquals(1, v.reviews);
    assertEquals(0.75, v.quality[0]);
    assertEquals(Instant.parse("2026-10-02T09:00:00Z").getEpochSecond(), v.second);
    assertEquals(0, v.nano);
  }
}
