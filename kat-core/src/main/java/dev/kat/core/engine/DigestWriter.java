package dev.kat.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Feeds a digest through one reused buffer: the bytes are exactly those of the UTF-8 text that string
 * concatenation would have produced ({@code Long.toString} for numbers), without a string per line.
 * SHA-256 is a stream, so the digest does not depend on how the bytes are cut into updates.
 */
final class DigestWriter {
  private final MessageDigest md;
  private final byte[] buf = new byte[1 << 16];
  private int pos;

  DigestWriter(MessageDigest md) {
    this.md = md;
  }

  /** Appends {@code b}, all of it. */
  DigestWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  /** Appends {@code b[from, from + length)}. */
  DigestWriter bytes(byte[] b, int from, int length) {
    if (length > buf.length - pos) {
      flush();
      if (length > buf.length) {
        md.update(b, from, length);
        return this;
      }
    }
    System.arraycopy(b, from, buf, pos, length);
    pos += length;
    return this;
  }

  /** Appends the UTF-8 bytes of {@code s}; ASCII is copied without an intermediate array. */
  DigestWriter text(String s) {
    int n = s.length();
    if (n > buf.length - pos) {
      flush();
      if (n > buf.length) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        return this;
      }
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // Not ASCII: encode the remainder as UTF-8 (the prefix already copied is the same in both).
        return bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
      }
      buf[pos++] = (byte) c;
    }
    return this;
  }

  /** Appends one ASCII character. */
  DigestWriter ascii(char c) {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) c;
    return this;
  }

  /** Appends {@code Long.toString(v)}. */
  DigestWriter number(long v) {
    if (buf.length - pos < 20) {
      flush();
    }
    if (v == Long.MIN_VALUE) {
      return text(Long.toString(v));
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int end = pos + digits(v);
    int i = end;
    // Two digits per division, in int arithmetic once the rest fits (cheaper than long division).
    while (v > Integer.MAX_VALUE) {
      int r = (int) (v % 100);
      v /= 100;
      buf[--i] = ONES[r];
      buf[--i] = TENS[r];
    }
    int u = (int) v;
    while (u >= 100) {
      int r = u % 100;
      u /= 100;
      buf[--i] = ONES[r];
      buf[--i] = TENS[r];
    }
    if (u >= 10) {
      buf[--i] = ONES[u];
      buf[--i] = TENS[u];
    } else {
      buf[--i] = (byte) ('0' + u);
    }
    pos = end;
    return this;
  }

  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  /** The number of decimal digits of {@code v >= 0}. */
  private static int digits(long v) {
    long p = 10;
    for (int d = 1; d < 19; d++) {
      if (v < p) {
        return d;
      }
      p *= 10;
    }
    return 19;
  }

  /** Hands the buffered bytes to the digest. */
  void flush() {
    if (pos > 0) {
      md.update(buf, 0, pos);
      pos = 0;
    }
  }
}
