package dev.kat.core.engine;

import dev.kat.core.model.Verdict;
import java.util.Arrays;

/**
 * One record in canonical form ({@link dev.kat.core.internal.RecordCodec}) read in place: where each field's
 * bytes are, without building the record. Reused record after record; not thread-safe.
 *
 * <p>Only the common shape is read this way ({@link #simple}): every string ASCII, no correction
 * ({@code supersedes}), no review marking the record a duplicate. Any other record is decoded into a
 * {@link dev.kat.core.model.Contribution} and admitted as one, so this view never has to reproduce the
 * rarer parts of the row store's encoding.
 */
final class EncodedRow {
  private static final int DUPLICATE = Verdict.DUPLICATE.ordinal();
  private static final int VERDICTS = Verdict.values().length;

  byte[] b;
  int idStart;
  int idEnd;
  int contributorStart;
  int contributorEnd;
  int daoStart;
  int daoEnd;
  int groupStart;
  int groupEnd;
  int categoryStart;
  int categoryEnd;
  int roleStart;
  int roleEnd;
  long second;
  long nano;
  int attributes;
  /** Per attribute: name start and end, and the value's IEEE bits. */
  int[] nameStart = new int[8];
  int[] nameEnd = new int[8];
  long[] valueBits = new long[8];
  int counterparts;
  int[] counterpartStart = new int[8];
  int[] counterpartEnd = new int[8];
  int evidence;
  /** Per evidence: URI start and end, content hash start and end (empty for none). */
  int[] evidenceSpan = new int[16];
  int reviews;
  int[] reviewerStart = new int[8];
  int[] reviewerEnd = new int[8];
  int[] verdict = new int[8];
  /** Per review: the quality, or NaN for none. */
  double[] quality = new double[8];
  /** Whether the record has the common shape this view reads (see the class documentation). */
  boolean simple;

  private int pos;
  private boolean checkAscii;
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Reads the record at {@code bytes[from, ...)}; {@code check} whether its text is ASCII (else the record
   * is taken to be as simple as when it was first read).
   */
  void read(byte[] bytes, int from, boolean check) {
    b = bytes;
    pos = from;
    simple = true;
    checkAscii = check;
    idStart = span();
    idEnd = pos;
    contributorStart = span();
    contributorEnd = pos;
    daoStart = span();
    daoEnd = pos;
    groupStart = span();
    groupEnd = pos;
    categoryStart = span();
    categoryEnd = pos;
    roleStart = span();
    roleEnd = pos;
    second = varlong();
    nano = varlong();
    attributes = count();
    if (attributes > nameStart.length) {
      nameStart = new int[attributes];
      nameEnd = new int[attributes];
      valueBits = new long[attributes];
    }
    for (int i = 0; i < attributes; i++) {
      nameStart[i] = span();
      nameEnd[i] = pos;
      valueBits[i] = fixed64();
    }
    counterparts = count();
    if (counterparts > counterpartStart.length) {
      counterpartStart = new int[counterparts];
      counterpartEnd = new int[counterparts];
    }
    for (int i = 0; i < counterparts; i++) {
      counterpartStart[i] = span();
      counterpartEnd[i] = pos;
    }
    evidence = count();
    if (4 * evidence > evidenceSpan.length) {
      evidenceSpan = new int[4 * evidence];
    }
    for (int i = 0; i < evidence; i++) {
      evidenceSpan[4 * i] = span();
      evidenceSpan[4 * i + 1] = pos;
      evidenceSpan[4 * i + 2] = span();
      evidenceSpan[4 * i + 3] = pos;
    }
    reviews = count();
    if (reviews > reviewerStart.length) {
      reviewerStart = new int[reviews];
      reviewerEnd = new int[reviews];
      verdict = new int[reviews];
      quality = new double[reviews];
    }
    for (int i = 0; i < reviews; i++) {
      reviewerStart[i] = span();
      reviewerEnd[i] = pos;
      int v = (int) varlong();
      verdict[i] = v;
      if (v < 0 || v >= VERDICTS || v == DUPLICATE) {
        simple = false;
      }
      quality[i] = varlong() == 1 ? Double.longBitsToDouble(fixed64()) : Double.NaN;
      int dupStart = span();
      if (pos != dupStart) {
        simple = false;
      }
    }
    int supersedesStart = span();
    if (pos != supersedesStart) {
      simple = false;
    }
  }

  /** Whether the field {@code [start, end)} of this record is exactly {@code bytes}. */
  boolean fieldIs(int start, int end, byte[] bytes) {
    return Arrays.equals(b, start, end, bytes, 0, bytes.length);
  }

  /** Moves past a string's length and returns where its bytes start (they end at {@link #pos}); checks ASCII. */
  private int span() {
    int n = (int) varlong();
    int start = pos;
    pos += n;
    if (checkAscii && simple) {
      int i = start;
      // eight bytes at a time: a byte of 0x80 or more has its top bit set
      for (; i + 8 <= pos; i += 8) {
        if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) {
          simple = false;
          return start;
        }
      }
      int rest = pos - i;
      if (rest > 0) {
        if (i + 8 <= b.length) {
          // the last one to seven bytes as one word, the bytes after them masked off
          if (((long) LONGS.get(b, i) & 0x8080808080808080L & (1L << (8 * rest)) - 1) != 0) {
            simple = false;
          }
        } else {
          for (; i < pos; i++) {
            if (b[i] < 0) {
              simple = false;
              break;
            }
          }
        }
      }
    }
    return start;
  }

  private int count() {
    return (int) varlong();
  }

  private long varlong() {
    byte first = b[pos++];
    if (first >= 0) {
      // one byte: most lengths, counts, verdicts and flags
      return (first >>> 1) ^ -(first & 1);
    }
    long z = first & 0x7F;
    int shift = 7;
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

  private long fixed64() {
    long v = (long) LONGS.get(b, pos);
    pos += 8;
    return v;
  }
}
