package dev.kat.rules.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives the same {@link String} instance for the same short ASCII byte sequence, so that a value repeated
 * row after row (contributor and reviewer ids, categories, roles) is decoded once, and later lookups of it
 * (the batch's dictionaries) find a string whose hash code is cached and that equals the stored key by
 * identity. Bounded: once it holds {@code maxEntries} strings it stops adding. Internal; not thread-safe,
 * but the interners of one read's parsers (one per thread) can share their strings through a concurrent
 * map consulted only when a value is new to an interner, so that a value has one instance in the whole read.
 */
final class Interner {
  /*
   * Keys of up to 16 bytes are packed into two longs (little-endian, zero-padded), stored with a tag (hash
   * bits and the length) and the string's code as four adjacent longs per slot (half a cache line), so a
   * probe reads one cache line and compares longs instead of following a pointer to a byte array. Longer values are decoded every time; they are
   * rarely repeated.
   */
  static final int MAX_LENGTH = 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int maxEntries;
  /** The strings shared with the other interners of a read, or null. */
  private final Shared shared;
  /**
   * Per slot, four longs (half a cache line): tag (0 when empty), low key bytes, high key bytes, and the
   * code the read's shared strings gave the string (-1 for none).
   */
  private long[] slots = new long[4 * 256];
  private String[] strings = new String[256];
  private int size;
  /**
   * The code of the string the last {@code intern} call returned, or -1: a number the read's interners
   * give each distinct string they share, the same in every interner of the read (a person hint for
   * {@link dev.kat.core.engine.ContributionBatch.Builder#prepare(java.util.List, int[])}).
   */
  int lastCode = -1;
  /** The ASCII bytes of a char key, for {@link #intern(char[], int, int)}. */
  private final byte[] scratch = new byte[2 * MAX_LENGTH];

  Interner(int maxEntries) {
    this(maxEntries, null);
  }

  /** An interner taking new values' instances from {@code shared} (and adding them there) when not null. */
  Interner(int maxEntries, Shared shared) {
    this.maxEntries = maxEntries;
    this.shared = shared;
  }

  /** The string of the ASCII bytes {@code b[from, to)}; the caller has checked that they are ASCII. */
  String intern(byte[] b, int from, int to) {
    int len = to - from;
    lastCode = -1;
    if (len > MAX_LENGTH || len == 0) {
      return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
    long lo;
    long hi;
    if (from + 16 <= b.length) {
      // two little-endian words, masked to the key's length (the bytes after it may be anything)
      lo = (long) LONGS.get(b, from);
      hi = (long) LONGS.get(b, from + 8);
      if (len < 8) {
        lo &= (1L << (8 * len)) - 1;
        hi = 0;
      } else if (len < 16) {
        hi &= (1L << (8 * (len - 8))) - 1;
      }
    } else {
      lo = 0;
      hi = 0;
      for (int k = 0; k < len; k++) {
        long v = b[from + k] & 0xFFL;
        if (k < 8) {
          lo |= v << (8 * k);
        } else {
          hi |= v << (8 * (k - 8));
        }
      }
    }
    long mixed = (lo ^ Long.rotateLeft(hi, 29) ^ len) * 0x9E3779B97F4A7C15L;
    // a tag is never 0, which marks an empty slot: the low 5 bits hold the length (1 to 16)
    long tag = (mixed & ~31L) | len;
    int mask = strings.length - 1;
    int i = (int) (mixed >>> 40) & mask;
    while (true) {
      long t = slots[4 * i];
      if (t == 0) {
        break;
      }
      if (t == tag && slots[4 * i + 1] == lo && slots[4 * i + 2] == hi) {
        lastCode = (int) slots[4 * i + 3];
        return strings[i];
      }
      i = (i + 1) & mask;
    }
    String s = new String(b, from, len, StandardCharsets.ISO_8859_1);
    int code = -1;
    if (shared != null && size < maxEntries) {
      // the instance another parser of the read already uses, so the batch's dictionaries match it by identity
      Shared.Entry e = shared.share(s, maxEntries);
      if (e != null) {
        s = e.value;
        code = e.code;
      }
    }
    if (size < maxEntries) {
      slots[4 * i] = tag;
      slots[4 * i + 1] = lo;
      slots[4 * i + 2] = hi;
      slots[4 * i + 3] = code;
      strings[i] = s;
      lastCode = code;
      size++;
      if (size * 2 > strings.length) {
        grow();
      }
    }
    return s;
  }

  /**
   * The trimmed text of {@code c[offset, offset + length)} (as {@link String#trim()} gives it) when that is
   * ASCII, shared as {@link #intern(byte[], int, int)} shares it; null when it is not ASCII.
   */
  String intern(char[] c, int offset, int length) {
    lastCode = -1;
    int from = offset;
    int to = offset + length;
    while (from < to && c[from] <= ' ') {
      from++;
    }
    while (to > from && c[to - 1] <= ' ') {
      to--;
    }
    int len = to - from;
    if (len > MAX_LENGTH) {
      return null;
    }
    for (int k = 0; k < len; k++) {
      char ch = c[from + k];
      if (ch >= 0x80) {
        return null;
      }
      scratch[k] = (byte) ch;
    }
    return len == 0 ? "" : intern(scratch, 0, len);
  }

  /**
   * The strings the interners of one read share: a concurrent map with its own count, so that checking its
   * bound does not sum the map's size counters on every new value.
   */
  static final class Shared {
    private final ConcurrentHashMap<String, Entry> strings = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** A shared string and its code. */
    static final class Entry {
      final String value;
      final int code;

      Entry(String value, int code) {
        this.value = value;
        this.code = code;
      }
    }

    /**
     * The entry of {@code s}: the one already shared, else a new one, while fewer than {@code max} strings
     * are shared; null once {@code max} are and {@code s} is not among them.
     */
    Entry share(String s, int max) {
      Entry first = strings.get(s);
      if (first != null) {
        return first;
      }
      int code = size.getAndIncrement();
      if (code >= max) {
        size.decrementAndGet();
        return null;
      }
      Entry e = new Entry(s, code);
      first = strings.putIfAbsent(s, e);
      // a code lost to another parser's insertion of the same string stays unused: codes need not be dense
      return first != null ? first : e;
    }
  }

  private void grow() {
    long[] old = slots;
    String[] s = strings;
    int cap = s.length * 2;
    slots = new long[4 * cap];
    strings = new String[cap];
    int mask = cap - 1;
    for (int j = 0; j < s.length; j++) {
      long tag = old[4 * j];
      if (tag != 0) {
        long mixed = (old[4 * j + 1] ^ Long.rotateLeft(old[4 * j + 2], 29) ^ (tag & 31)) * 0x9E3779B97F4A7C15L;
        int i = (int) (mixed >>> 40) & mask;
        while (slots[4 * i] != 0) {
          i = (i + 1) & mask;
        }
        System.arraycopy(old, 4 * j, slots, 4 * i, 4);
        strings[i] = s[j];
      }
    }
  }
}
