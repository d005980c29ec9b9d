package dev.kat.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Gives the same {@link String} instance for the same short ASCII byte sequence, so that a value repeated
 * row after row (contributor and reviewer ids, categories, roles) is decoded once, and later lookups of it
 * (the batch's dictionaries) find a string whose hash code is cached and that equals the stored key by
 * identity. Bounded: once it holds {@code maxEntries} strings it stops adding. Internal; an interner is
 * used by one thread, but the interners of one read's parsers (one per thread) can share one table
 * ({@link Shared}), so that a value has one instance and one code in the whole read; when a CSV file is
 * read into a batch, that table is the batch's own, shared by all its reads, and its codes are the
 * person codes the batch takes (see {@link EncodedAdmission}).
 */
public final class Interner {
  /*
   * Keys of up to 16 bytes are packed into two longs (little-endian, zero-padded), stored with a tag (hash
   * bits and the length) and the string's code as four adjacent longs per slot (half a cache line, or
   * two when the array places the slot across a line's end), so a probe reads one or two cache lines and
   * compares longs instead of following a pointer to a byte array. Longer values are decoded every time;
   * they are rarely repeated.
   *
   * The interners of one read share one table (Shared): a value has one slot, one instance and one code
   * in the whole read, and the read's threads keep one table in cache rather than one each. Lookups take
   * no lock. A slot is filled under the table's lock, its tag written last with release semantics; a
   * reader reads the tag in opaque mode and, when it is the key's, issues an acquire fence before reading
   * the rest, so a reader that sees the tag sees the key, the code and the string. (An acquire read of
   * every tag probed cost as much again: at 100,000 distinct keys a lookup took 50 ns with it and 24 ns
   * this way, since the compiler may then start later keys' loads early.) A
   * table that grows is rebuilt aside and published whole; a reader still probing the old one finds the
   * values it held, and for any other value takes the lock, where it sees the new one.
   */
  public static final int MAX_LENGTH = 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private final int maxEntries;
  /** The table: the read's shared one, or this interner's own. */
  private final Table table;
  /** Whether codes are given out (only to interners sharing a table). */
  private final boolean coded;
  /**
   * The code of the string the last {@code intern} call returned, or -1: a number the interners sharing a
   * table give each distinct string in it, the same in all of them (a person hint for
   * {@link dev.kat.core.engine.ContributionBatch.Builder#prepare(java.util.List, int[])}, or, in a batch's
   * own table, a person code for {@link EncodedAdmission#prepare}).
   */
  private int lastCode = -1;
  /** The table state in which {@link #probe} last found a key. */
  private State found;
  /** The words, tag and hash of the key {@link #probe} last missed. */
  private long keyLo;
  private long keyHi;
  private long keyTag;
  private long keyMixed;
  /** The words and hashes of the keys of a {@link #codes} call. */
  private long[] batchLo = new long[0];
  private long[] batchHi = new long[0];
  private long[] batchMixed = new long[0];
  /** What the loads that bring a {@link #codes} call's slots into cache read: kept, so they are made. */
  private long touched;
  /** The ASCII bytes of a char key, for {@link #intern(char[], int, int)}. */
  private final byte[] scratch = new byte[2 * MAX_LENGTH];

  public Interner(int maxEntries) {
    this(maxEntries, null);
  }

  /** An interner using the table of {@code shared} (adding new values there) when not null. */
  public Interner(int maxEntries, Shared shared) {
    this.maxEntries = maxEntries;
    this.table = shared != null ? shared.table : new Table();
    this.coded = shared != null;
  }

  /** The string of the ASCII bytes {@code b[from, to)}; the caller has checked that they are ASCII. */
  public String intern(byte[] b, int from, int to) {
    int len = to - from;
    lastCode = -1;
    if (len > MAX_LENGTH || len == 0) {
      return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
    int i = probe(b, from, len);
    if (i >= 0) {
      if (coded) {
        lastCode = (int) found.slots[4 * i + 3];
      }
      return found.strings[i];
    }
    if (table.size >= maxEntries) {
      // a full table takes nothing new: no lock for the values it will never hold
      return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
    return table.add(this, b, from, len, keyLo, keyHi, keyTag, keyMixed);
  }

  /**
   * The codes of the ASCII keys {@code b[from[k], to[k])}, for {@code k < n}, into {@code codes[k]}: for
   * each, its code in the shared table, the table adding it while it has room, or -1 when it does not hold
   * it (too long, empty, or the table full): {@link #intern(byte[], int, int)} followed by
   * {@link #lastCode()}, key after key (so a key added here gets the next code), but without reading or
   * making strings: nothing is allocated unless a key is added.
   * A parser reads a chunk's ids in a row and looks them all up here afterwards: the table is far larger
   * than the processor's caches, so looking up one key mid-parse waits for memory each time, where here
   * every key's slot is first read in a loop of independent loads, whose waits overlap, and the lookups
   * then find their slots in cache.
   *
   * @throws IllegalStateException if this interner has no shared table (it gives no codes)
   */
  public void codes(byte[] b, int[] from, int[] to, int n, int[] codes) {
    Checks.state(coded, "an interner without a shared table gives no codes");
    if (batchLo.length < n) {
      int cap = Math.max(n, 2 * batchLo.length);
      batchLo = new long[cap];
      batchHi = new long[cap];
      batchMixed = new long[cap];
    }
    long[] lo = batchLo;
    long[] hi = batchHi;
    long[] mixed = batchMixed;
    State st = table.state;
    long[] slots = st.slots;
    int mask = st.strings.length - 1;
    for (int k = 0; k < n; k++) {
      int len = to[k] - from[k];
      if (len > MAX_LENGTH || len <= 0) {
        mixed[k] = 0;
        continue;
      }
      key(b, from[k], len);
      lo[k] = keyLo;
      hi[k] = keyHi;
      mixed[k] = keyMixed;
    }
    long touched = 0;
    for (int k = 0; k < n; k++) {
      // the slot's first and last words: two cache lines when the slot lies across a line's end
      int j = 4 * ((int) (mixed[k] >>> 40) & mask);
      touched += slots[j] + slots[j + 3];
    }
    this.touched = touched;
    for (int k = 0; k < n; k++) {
      int len = to[k] - from[k];
      if (len > MAX_LENGTH || len <= 0) {
        codes[k] = -1;
        continue;
      }
      int i = probe(lo[k], hi[k], len, mixed[k]);
      if (i >= 0) {
        codes[k] = (int) found.slots[4 * i + 3];
      } else if (table.size >= maxEntries) {
        codes[k] = -1;
      } else {
        table.add(this, b, from[k], len, keyLo, keyHi, keyTag, keyMixed);
        codes[k] = lastCode;
      }
    }
    lastCode = -1;
  }

  /** Sets the key fields to the words and hash of the key {@code b[from, from + len)} (1 to 16 bytes). */
  private void key(byte[] b, int from, int len) {
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
    keyLo = lo;
    keyHi = hi;
    keyMixed = mixed;
    // a tag is never 0, which marks an empty slot: the low 5 bits hold the length (1 to 16)
    keyTag = (mixed & ~31L) | len;
  }

  /**
   * Looks up the key {@code b[from, from + len)} (1 to 16 bytes) without a lock: its slot in
   * {@link #found}, or -1 with the key's words, tag and hash left in the key fields for {@link Table#add}.
   */
  private int probe(byte[] b, int from, int len) {
    key(b, from, len);
    return probe(keyLo, keyHi, len, keyMixed);
  }

  /** {@link #probe(byte[], int, int)} of the key with words {@code lo}, {@code hi} and hash {@code mixed}. */
  private int probe(long lo, long hi, int len, long mixed) {
    long tag = (mixed & ~31L) | len;
    State st = table.state;
    long[] slots = st.slots;
    int mask = st.strings.length - 1;
    int i = (int) (mixed >>> 40) & mask;
    while (true) {
      long t = (long) SLOT.getOpaque(slots, 4 * i);
      if (t == 0) {
        break;
      }
      if (t == tag) {
        VarHandle.acquireFence();
        if (slots[4 * i + 1] == lo && slots[4 * i + 2] == hi) {
          found = st;
          return i;
        }
      }
      i = (i + 1) & mask;
    }
    keyLo = lo;
    keyHi = hi;
    keyTag = tag;
    keyMixed = mixed;
    return -1;
  }

  /**
   * The trimmed text of {@code c[offset, offset + length)} (as {@link String#trim()} gives it) when that is
   * ASCII, shared as {@link #intern(byte[], int, int)} shares it; null when it is not ASCII.
   */
  public String intern(char[] c, int offset, int length) {
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
   * The code of the string the last {@code intern} call returned, or -1: a number the interners sharing a
   * table give each distinct string they hold, the same in all of them (none without a shared table, or
   * for a value the table does not hold).
   */
  public int lastCode() {
    return lastCode;
  }

  /** Forgets the last code, so that {@link #lastCode()} is -1 until the next {@code intern} call. */
  public void clearCode() {
    lastCode = -1;
  }

  /** The table the interners of one read, or of a batch's reads, share. */
  public static final class Shared {
    final Table table = new Table();

    /** A table for the interners of one read (or of one batch's reads). */
    public Shared() {}

    /** The number of strings held, which is one more than the highest code given. */
    public int size() {
      return table.size;
    }

    /**
     * The string with code {@code code}, which an interner sharing this table returned (see
     * {@link #lastCode()}).
     *
     * @throws IndexOutOfBoundsException if no string has that code
     */
    public String string(int code) {
      // the size first: a string is in the array by the time the size counts it
      java.util.Objects.checkIndex(code, table.size);
      return table.byCode[code];
    }
  }

  /** A table's slots and strings, replaced whole when it grows. */
  private static final class State {
    /** Per slot, four longs: tag (0 when empty), low key bytes, high key bytes, and the string's code. */
    final long[] slots;
    final String[] strings;

    State(int capacity) {
      slots = new long[4 * capacity];
      strings = new String[capacity];
    }
  }

  /** An open-addressing table of short ASCII strings, read without a lock and filled under one. */
  private static final class Table {
    volatile State state = new State(256);
    /** Strings held; written under this table's lock, read without it to skip the lock once full. */
    private volatile int size;
    /** The strings by code; replaced whole (under the lock) when it grows. */
    volatile String[] byCode = new String[256];

    /**
     * The string of the key that {@code into} did not find: the one another interner added meanwhile, else
     * a new one, added while fewer than {@code into}'s bound are held; sets {@code into.lastCode}.
     */
    synchronized String add(Interner into, byte[] b, int from, int len, long lo, long hi, long tag, long mixed) {
      State st = state;
      int mask = st.strings.length - 1;
      int i = (int) (mixed >>> 40) & mask;
      while (true) {
        long t = st.slots[4 * i];
        if (t == 0) {
          break;
        }
        if (t == tag && st.slots[4 * i + 1] == lo && st.slots[4 * i + 2] == hi) {
          if (into.coded) {
            into.lastCode = (int) st.slots[4 * i + 3];
          }
          return st.strings[i];
        }
        i = (i + 1) & mask;
      }
      String s = new String(b, from, len, StandardCharsets.ISO_8859_1);
      if (size >= into.maxEntries) {
        return s;
      }
      s.hashCode(); // cached in the string now, while its bytes are in cache, for the batch's dictionaries
      int code = size;
      if (code == byCode.length) {
        byCode = java.util.Arrays.copyOf(byCode, 2 * code);
      }
      byCode[code] = s;
      size = code + 1;
      st.strings[i] = s;
      st.slots[4 * i + 1] = lo;
      st.slots[4 * i + 2] = hi;
      st.slots[4 * i + 3] = code;
      SLOT.setRelease(st.slots, 4 * i, tag);
      if (into.coded) {
        into.lastCode = code;
      }
      if (size * 2 > st.strings.length) {
        state = grown(st);
      }
      return s;
    }

    private static State grown(State old) {
      int cap = old.strings.length * 2;
      State st = new State(cap);
      int mask = cap - 1;
      for (int j = 0; j < old.strings.length; j++) {
        long tag = old.slots[4 * j];
        if (tag != 0) {
          long mixed = (old.slots[4 * j + 1] ^ Long.rotateLeft(old.slots[4 * j + 2], 29) ^ (tag & 31))
              * 0x9E3779B97F4A7C15L;
          int i = (int) (mixed >>> 40) & mask;
          while (st.slots[4 * i] != 0) {
            i = (i + 1) & mask;
          }
          System.arraycopy(old.slots, 4 * j, st.slots, 4 * i, 4);
          st.strings[i] = old.strings[j];
        }
      }
      return st;
    }
  }
}
