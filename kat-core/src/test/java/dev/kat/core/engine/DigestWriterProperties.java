package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kat.core.internal.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;

class DigestWriterProperties {

  @Property
  void number_digestsLikeLongToString(@ForAll long v) {
    assertSameDigest(new long[] {v}, "", 1);
  }

  @Example
  void number_edgeValues_digestLikeLongToString() {
    assertSameDigest(new long[] {0, 9, 10, 99, 100, -1, -10, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L}, "", 3000);
  }

  @Property(tries = 300)
  void text_digestsLikeUtf8(@ForAll String s) {
    assertSameDigest(new long[0], s, 400);
  }

  @Example
  void bytes_longerThanTheBuffer_digestLikeOneUpdate() {
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    MessageDigest expected = Hashing.sha256();
    expected.update("x".getBytes(StandardCharsets.UTF_8));
    expected.update(big);
    expected.update(big, 0, 70_000);
    MessageDigest actual = Hashing.sha256();
    DigestWriter w = new DigestWriter(actual);
    w.ascii('x').bytes(big).bytes(java.util.Arrays.copyOf(big, 70_000));
    w.flush();
    assertArrayEquals(expected.digest(), actual.digest());
  }

  private static void assertSameDigest(long[] numbers, String text, int rounds) {
    StringBuilder sb = new StringBuilder();
    MessageDigest actual = Hashing.sha256();
    DigestWriter w = new DigestWriter(actual);
    // Repeated so that the buffer fills and flushes between and within values.
    for (int round = 0; round < rounds; round++) {
      for (long v : numbers) {
        sb.append(v).append(' ');
        w.number(v).ascii(' ');
      }
      sb.append(text).append('\n');
      w.text(text).ascii('\n');
    }
    w.flush();
    MessageDigest expected = Hashing.sha256();
    expected.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected.digest(), actual.digest());
  }
}
