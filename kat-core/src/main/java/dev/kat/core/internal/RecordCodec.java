package dev.kat.core.internal;

import dev.kat.core.model.Attributes;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The canonical binary form of a {@link Contribution}: every field in a fixed order, strings as UTF-8
 * with a varint length, numbers as varints or IEEE bits. Because a contribution's collections are
 * already in canonical order, two equal contributions have identical bytes; this form is what the
 * content hash covers, and the batch keeps it so any accepted record can be given back unchanged.
 *
 * <p>An appendable arena of such records; not thread-safe while writing.
 */
public final class RecordCodec {
  private byte[] buf;
  private int len;

  /** An empty arena with a 4 KiB buffer. */
  public RecordCodec() {
    this(4096);
  }

  /** An empty arena whose buffer starts at {@code capacity} bytes. */
  public RecordCodec(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Appends {@code c}; returns its start offset. The end is {@link #length()} afterwards. */
  public int append(Contribution c) {
    return append(c.id(), c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(), c.occurredAt(),
        (Attributes) c.attributes(), c.counterparts(), c.evidence(), c.reviews(), c.supersedes());
  }

  /**
   * Appends the record with these fields, which must be what a {@link Contribution} would hold: checked as
   * its constructor checks them, {@code dao} and {@code workingGroup} not null, the lists in canonical order
   * and {@code supersedes} null for none. Returns its start offset. Lets a reader write the canonical form
   * of a record it has checked without building the record.
   */
  public int append(String id, String contributor, String dao, String workingGroup, String category, String role,
      Instant occurredAt, Attributes attributes, List<String> counterparts, List<Evidence> evidence,
      List<Review> reviews, String supersedes) {
    int start = len;
    putString(id);
    putString(contributor);
    putString(dao);
    putString(workingGroup);
    putString(category);
    putString(role);
    putVarlong(occurredAt.getEpochSecond());
    putVarlong(occurredAt.getNano());
    putVarlong(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      putString(attributes.name(i));
      putFixed64(Double.doubleToLongBits(attributes.value(i)));
    }
    // indexed loops: a record's lists are random-access lists, and their iterators are not free
    putVarlong(counterparts.size());
    for (int i = 0; i < counterparts.size(); i++) {
      putString(counterparts.get(i));
    }
    putVarlong(evidence.size());
    for (int i = 0; i < evidence.size(); i++) {
      Evidence e = evidence.get(i);
      putString(e.uri());
      putString(e.contentHash() == null ? "" : e.contentHash());
    }
    putVarlong(reviews.size());
    for (int i = 0; i < reviews.size(); i++) {
      Review r = reviews.get(i);
      putString(r.reviewer());
      putVarlong(r.verdict().ordinal());
      if (r.quality().isPresent()) {
        putVarlong(1);
        putFixed64(Double.doubleToLongBits(r.quality().getAsDouble()));
      } else {
        putVarlong(0);
      }
      putString(r.duplicateOf() == null ? "" : r.duplicateOf());
    }
    putString(supersedes == null ? "" : supersedes);
    return start;
  }

  /** The bytes written so far. */
  public int length() {
    return len;
  }

  /** The backing array (valid up to {@link #length()}). */
  public byte[] bytes() {
    return buf;
  }

  /** Trims the backing array to its length. */
  public void trim() {
    buf = Arrays.copyOf(buf, len);
  }

  /** Encodes one record on its own. */
  public static byte[] encode(Contribution c) {
    RecordCodec codec = new RecordCodec();
    codec.append(c);
    return Arrays.copyOf(codec.buf, codec.len);
  }

  /** Forgets everything written, keeping the buffer for reuse. */
  public void reset() {
    len = 0;
  }

  /** Forgets everything written from {@code start} on. */
  public void truncate(int start) {
    len = start;
  }

  /** A range of bytes. */
  public record Span(int start, int end) {}

  /** Decodes the record that starts at {@code offset} of {@code bytes}. */
  public static Contribution decode(byte[] bytes, int offset) {
    return new Reader(bytes, offset).record();
  }

  /** Decodes only the id of the record at {@code offset}. */
  public static String decodeId(byte[] bytes, int offset) {
    return new Reader(bytes, offset).str();
  }

  /** The UTF-8 bytes of the id of the record at {@code offset}. */
  public static Span idSpan(byte[] bytes, int offset) {
    Reader r = new Reader(bytes, offset);
    int n = (int) r.varlong();
    return new Span(r.pos, r.pos + n);
  }

  /** Whether the record at {@code offset} has id {@code id}. */
  public static boolean idEquals(byte[] bytes, int offset, String id) {
    Span s = idSpan(bytes, offset);
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    return Arrays.equals(bytes, s.start(), s.end(), b, 0, b.length);
  }

  /** The offset just after the record that starts at {@code offset}. */
  public static int end(byte[] bytes, int offset) {
    Reader r = new Reader(bytes, offset);
    r.skipRecord();
    return r.pos;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + extra);
      if (want > Integer.MAX_VALUE - 16) {
        want = Integer.MAX_VALUE - 16;
        if (len + extra > want) {
          throw new IllegalStateException("batch record arena is full (2 GiB); split the batch");
        }
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  /** Appends {@code s} in canonical form: its UTF-8 length as a varint, then its UTF-8 bytes. */
  public void putString(String s) {
    // ASCII (nearly every id, name and URI) is its own UTF-8: copied without an intermediate byte array
    int n = s.length();
    int mark = len;
    putVarlong(n);
    ensure(n);
    if (!copyAscii(s, buf, len)) {
      len = mark;
      putUtf8(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    len += n;
  }

  /**
   * Copies {@code s} into {@code dst} from {@code at} when it is all ASCII, which is its own UTF-8, and
   * returns true; returns false at its first other character, having written the bytes before it.
   */
  public static boolean copyAscii(String s, byte[] dst, int at) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= 0x80) {
        return false;
      }
      dst[at + i] = (byte) ch;
    }
    return true;
  }

  /** Appends a string given as UTF-8 bytes, in canonical form. */
  public void putUtf8(byte[] utf8) {
    putVarlong(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, len, utf8.length);
    len += utf8.length;
  }

  /** Appends, in canonical form, the string made of {@code head} and then {@code n} bytes of {@code src} from {@code from}. */
  public void putUtf8(byte[] head, byte[] src, int from, int n) {
    putVarlong(head.length + (long) n);
    ensure(head.length + n);
    System.arraycopy(head, 0, buf, len, head.length);
    len += head.length;
    System.arraycopy(src, from, buf, len, n);
    len += n;
  }

  /** Appends, in canonical form, the string given as {@code n} UTF-8 bytes of {@code src} from {@code from}. */
  public void putUtf8(byte[] src, int from, int n) {
    if (n >= 64) {
      putVarlong(n);
      ensure(n);
      System.arraycopy(src, from, buf, len, n);
      len += n;
      return;
    }
    // the usual short string: one check of room, and a length of one byte (the zig-zag varint of n < 64)
    ensure(n + 1);
    byte[] b = buf;
    int at = len;
    b[at++] = (byte) (n << 1);
    if (n <= 16) {
      // Ids are short: a loop costs less than the call System.arraycopy makes for a few bytes.
      for (int i = 0; i < n; i++) {
        b[at + i] = src[from + i];
      }
    } else {
      System.arraycopy(src, from, b, at, n);
    }
    len = at + n;
  }

  /** Appends one byte as it is (not part of the canonical form: for lines written after a record). */
  public void putByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** Appends {@code Long.toString(v)} as ASCII bytes (not part of the canonical form, as {@link #putByte}). */
  public void putDecimal(long v) {
    ensure(20);
    if (v < 0) {
      buf[len++] = '-';
      if (v == Long.MIN_VALUE) {
        // -v overflows: the last digit first, then the rest, which fits.
        int d = writeDigits(-(v / 10), buf, len);
        len += d;
        buf[len++] = (byte) ('0' - (int) (v % 10));
        return;
      }
      v = -v;
    }
    len += writeDigits(v, buf, len);
  }

  /** Appends, in canonical form, the string made of {@code head} and then the decimal digits of {@code number} (&gt;= 0). */
  public void putUtf8(byte[] head, long number) {
    int digits = digits(number);
    putVarlong(head.length + (long) digits);
    ensure(head.length + digits);
    System.arraycopy(head, 0, buf, len, head.length);
    len += head.length;
    int end = len + digits;
    long x = number;
    int i = end;
    // Most numbers fit an int, whose division by 10 the JIT turns into a multiplication.
    for (; x > Integer.MAX_VALUE; x /= 10) {
      buf[--i] = (byte) ('0' + (int) (x % 10));
    }
    for (int y = (int) x; i > len; y /= 10) {
      buf[--i] = (byte) ('0' + y % 10);
    }
    len = end;
  }

  /** Writes the decimal digits of {@code number} (&gt;= 0) into {@code dst} from {@code at}; returns how many. */
  public static int writeDigits(long number, byte[] dst, int at) {
    int digits = digits(number);
    long x = number;
    int i = at + digits;
    for (; x > Integer.MAX_VALUE; x /= 10) {
      dst[--i] = (byte) ('0' + (int) (x % 10));
    }
    for (int y = (int) x; i > at; y /= 10) {
      dst[--i] = (byte) ('0' + y % 10);
    }
    return digits;
  }

  private static int digits(long number) {
    int digits = 1;
    for (long p = 10; digits < 19 && number >= p; p *= 10) {
      digits++;
    }
    return digits;
  }

  /** Appends {@code v} as a zig-zag varint, as the canonical form writes numbers and lengths. */
  public void putVarlong(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[len++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[len++] = (byte) z;
  }

  /** Appends the eight bytes of {@code v}, least significant first. */
  public void putFixed64(long v) {
    ensure(8);
    LONGS.set(buf, len, v);
    len += 8;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    long varlong() {
      long z = 0;
      int shift = 0;
      while (true) {
        byte x = b[pos++];
        z |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      return (z >>> 1) ^ -(z & 1);
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (long) (b[pos++] & 0xff) << (8 * i);
      }
      return v;
    }

    String str() {
      int n = (int) varlong();
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    void skipStr() {
      int n = (int) varlong();
      pos += n;
    }

    /** Moves past one record without building it; mirrors {@link #record()}. */
    void skipRecord() {
      for (int i = 0; i < 6; i++) {
        skipStr();
      }
      varlong();
      varlong();
      int na = (int) varlong();
      for (int i = 0; i < na; i++) {
        skipStr();
        pos += 8;
      }
      int nc = (int) varlong();
      for (int i = 0; i < nc; i++) {
        skipStr();
      }
      int ne = (int) varlong();
      for (int i = 0; i < ne; i++) {
        skipStr();
        skipStr();
      }
      int nr = (int) varlong();
      for (int i = 0; i < nr; i++) {
        skipStr();
        varlong();
        if (varlong() == 1) {
          pos += 8;
        }
        skipStr();
      }
      skipStr();
    }

    Contribution record() {
      String id = str();
      String contributor = str();
      String dao = str();
      String wg = str();
      String category = str();
      String role = str();
      long sec = varlong();
      long nano = varlong();
      int na = (int) varlong();
      Attributes.Builder attrs = Attributes.builder();
      for (int i = 0; i < na; i++) {
        String k = str();
        attrs.put(k, Double.longBitsToDouble(fixed64()));
      }
      int nc = (int) varlong();
      List<String> cps = new ArrayList<>(nc);
      for (int i = 0; i < nc; i++) {
        cps.add(str());
      }
      int ne = (int) varlong();
      List<Evidence> ev = new ArrayList<>(ne);
      for (int i = 0; i < ne; i++) {
        String uri = str();
        String h = str();
        ev.add(new Evidence(uri, h.isEmpty() ? null : h));
      }
      int nr = (int) varlong();
      List<Review> rv = new ArrayList<>(nr);
      for (int i = 0; i < nr; i++) {
        String reviewer = str();
        Verdict v = Verdict.values()[(int) varlong()];
        OptionalDouble q = varlong() == 1 ? OptionalDouble.of(Double.longBitsToDouble(fixed64())) : OptionalDouble.empty();
        String dup = str();
        rv.add(new Review(reviewer, v, q, dup.isEmpty() ? null : dup));
      }
      String sup = str();
      return new Contribution(id, contributor, dao, wg, category, role, Instant.ofEpochSecond(sec, nano), attrs.build(),
          cps, ev, rv, sup.isEmpty() ? null : sup);
    }
  }
}
