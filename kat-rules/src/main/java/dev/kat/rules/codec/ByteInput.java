package dev.kat.rules.codec;

import java.io.IOException;
import java.io.InputStream;

/** A buffered byte stream that knows the absolute offset of every byte. Internal; not thread-safe. */
final class ByteInput {
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int lim;
  private long base;

  ByteInput(InputStream in) {
    this(in, 0);
  }

  /** {@code in}, with offsets counted from {@code offset}. */
  ByteInput(InputStream in, long offset) {
    this.in = in;
    this.buf = new byte[1 << 16];
    this.base = offset;
  }

  /**
   * The bytes {@code b[from, to)}, read in place, with offsets counted from {@code from} plus
   * {@code offset}.
   */
  ByteInput(byte[] b, int from, int to, long offset) {
    this.in = null;
    this.buf = b;
    this.pos = from;
    this.lim = to;
    this.base = offset - from;
  }

  /** The offset of the next byte. */
  long offset() {
    return base + pos;
  }

  /** The buffer; the bytes from {@link #position()} to {@link #limit()} are the ones read next. */
  byte[] buffer() {
    return buf;
  }

  /** Where the next byte is in {@link #buffer()}. */
  int position() {
    return pos;
  }

  /** The end of the buffered bytes in {@link #buffer()}. */
  int limit() {
    return lim;
  }

  /** Consumes the buffered bytes up to {@code position} (in {@code [position(), limit()]}). */
  void skipTo(int position) {
    if (position < pos || position > lim) {
      throw new IllegalArgumentException("position (" + position + ") must be in [" + pos + ", " + lim + "]");
    }
    pos = position;
  }

  /** The next byte (0–255), or -1 at the end. */
  int read() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /** The next byte without consuming it, or -1 at the end. */
  int peek() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  /**
   * Copies buffered bytes to {@code out} up to the first byte marked in {@code stop} (indexed by the
   * unsigned byte), the end of the buffered bytes, or {@code out} reaching {@code max} bytes, whichever
   * comes first; returns how many were copied (0 when the next byte is a stop byte or none is buffered).
   * Lets a parser move a run of ordinary bytes at once instead of one {@link #read()} per byte.
   */
  int copyUntil(boolean[] stop, ByteBuf out, int max) {
    int end = (int) Math.min(lim, (long) pos + Math.max(0, max - out.size));
    int i = pos;
    while (i < end && !stop[buf[i] & 0xFF]) {
      i++;
    }
    int n = i - pos;
    if (n > 0) {
      out.add(buf, pos, n);
      pos = i;
    }
    return n;
  }

  private boolean fill() throws IOException {
    if (in == null) {
      return false;
    }
    base += lim;
    pos = 0;
    lim = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    lim = n;
    return true;
  }
}
