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
  /** Per attribute: its read slot in the row store, once {@link RowStore#readsAll} has found them all. */
  int[] slot = new int[8];

  private int pos;
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Reads the record at {@code bytes[from, ...)}, checking on the way whether its text is ASCII. */
  void read(byte[] bytes, int from) {
    b = bytes;
    pos = from;
    simple = true;
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
    growAttributes();
    for (int i = 0; i < attributes; i++) {
      nameStart[i] = span();
      nameEnd[i] = pos;
      valueBits[i] = fixed64();
    }
    counterparts = count();
    growCounterparts();
    for (int i = 0; i < counterparts; i++) {
      counterpartStart[i] = span();
      counterpartEnd[i] = pos;
    }
    evidence = count();
    growEvidence();
    for (int i = 0; i < evidence; i++) {
      evidenceSpan[4 * i] = span();
      evidenceSpan[4 * i + 1] = pos;
      evidenceSpan[4 * i + 2] = span();
      evidenceSpan[4 * i + 3] = pos;
    }
    reviews = count();
    growReviews();
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

  /** The number of longs {@link #save} writes for the record last read. */
  int savedLength() {
    return 8 + 2 * attributes + counterparts + 2 * evidence + 3 * reviews;
  }

  /**
   * Writes what {@link #read} found, with the attributes' slots, to {@code o[at, at + savedLength())},
   * which must have room; returns where it ends. {@link #load} sets this view from it again without
   * reading the record's bytes: a record checked on one thread is admitted on another from these words.
   * Spans are packed two to a word.
   */
  int save(long[] o, int at) {
    int k = at;
    o[k++] = span(idStart, idEnd);
    o[k++] = span(contributorStart, contributorEnd);
    o[k++] = span(daoStart, daoEnd);
    o[k++] = span(groupStart, groupEnd);
    o[k++] = second;
    o[k++] = nano;
    o[k++] = span(attributes, counterparts);
    o[k++] = span(evidence, reviews);
    for (int i = 0; i < attributes; i++) {
      o[k++] = slot[i];
      o[k++] = valueBits[i];
    }
    for (int i = 0; i < counterparts; i++) {
      o[k++] = span(counterpartStart[i], counterpartEnd[i]);
    }
    for (int i = 0; i < 4 * evidence; i += 2) {
      o[k++] = span(evidenceSpan[i], evidenceSpan[i + 1]);
    }
    for (int i = 0; i < reviews; i++) {
      o[k++] = span(reviewerStart[i], reviewerEnd[i]);
      o[k++] = verdict[i];
      o[k++] = Double.doubleToRawLongBits(quality[i]);
    }
    return k;
  }

  /**
   * Sets this view to what {@link #save} wrote at {@code in[at]} of the record in {@code bytes}, as
   * {@link #read} would (the text is not checked again: the record is simple).
   */
  void load(byte[] bytes, long[] in, int at) {
    b = bytes;
    simple = true;
    int k = at;
    long w = in[k++];
    idStart = start(w);
    idEnd = end(w);
    w = in[k++];
    contributorStart = start(w);
    contributorEnd = end(w);
    w = in[k++];
    daoStart = start(w);
    daoEnd = end(w);
    w = in[k++];
    groupStart = start(w);
    groupEnd = end(w);
    second = in[k++];
    nano = in[k++];
    w = in[k++];
    attributes = start(w);
    counterparts = end(w);
    w = in[k++];
    evidence = start(w);
    reviews = end(w);
    growAttributes();
    growCounterparts();
    growEvidence();
    growReviews();
    for (int i = 0; i < attributes; i++) {
      slot[i] = (int) in[k++];
      valueBits[i] = in[k++];
    }
    for (int i = 0; i < counterparts; i++) {
      w = in[k++];
      counterpartStart[i] = start(w);
      counterpartEnd[i] = end(w);
    }
    for (int i = 0; i < 4 * evidence; i += 2) {
      w = in[k++];
      evidenceSpan[i] = start(w);
      evidenceSpan[i + 1] = end(w);
    }
    for (int i = 0; i < reviews; i++) {
      w = in[k++];
      reviewerStart[i] = start(w);
      reviewerEnd[i] = end(w);
      verdict[i] = (int) in[k++];
      quality[i] = Double.longBitsToDouble(in[k++]);
    }
  }

  /** Makes room for {@link #attributes} attributes (the same for the other lists below). */
  private void growAttributes() {
    if (attributes > nameStart.length) {
      nameStart = new int[attributes];
      nameEnd = new int[attributes];
      valueBits = new long[attributes];
      slot = new int[attributes];
    }
  }

  private void growCounterparts() {
    if (counterparts > counterpartStart.length) {
      counterpartStart = new int[counterparts];
      counterpartEnd = new int[counterparts];
    }
  }

  private void growEvidence() {
    if (4 * evidence > evidenceSpan.length) {
      evidenceSpan = new int[4 * evidence];
    }
  }

  private void growReviews() {
    if (reviews > reviewerStart.length) {
      reviewerStart = new int[reviews];
      reviewerEnd = new int[reviews];
      verdict = new int[reviews];
      quality = new double[reviews];
    }
  }

  private static long span(int start, int end) {
    return (long) start << 32 | (end & 0xFFFFFFFFL);
  }

  private static int start(long span) {
    return (int) (span >>> 32);
  }

  private static int end(long span) {
    return (int) span;
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
    if (simple) {
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
