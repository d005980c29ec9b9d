package dev.kat.core.internal;

import java.util.Arrays;
import java.util.List;

/** Dictionary-encodes strings to dense ints in order of first appearance. Not thread-safe. */
public final class Dictionary {
  /*
   * An open-addressing table (linear probing, at most half full) keyed by String.hashCode(), which a
   * String caches after the first call. Each slot is one long: the key's hash in the high half and
   * code + 1 in the low half (0 marks an empty slot), so a probe reads one array and calls equals only on
   * a hash match; equals returns at once when the caller passes the same String instance again (the
   * readers reuse the instances of repeated cells). This replaces a HashMap<String, Integer>, which boxed
   * every code and followed a node pointer per lookup.
   */
  private long[] slots = new long[32];
  private String[] values = new String[16];
  private int size;

  /** An empty dictionary. */
  public Dictionary() {}

  /** The code of {@code value}, adding it if new. */
  public int encode(String value) {
    int h = value.hashCode();
    int i = probe(value, h);
    if (slots[i] != 0) {
      return (int) slots[i] - 1;
    }
    int code = size;
    if (code == values.length) {
      values = Arrays.copyOf(values, code * 2);
    }
    values[code] = value;
    size++;
    slots[i] = slot(h, code);
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return code;
  }

  /** The code of {@code value}, or -1 when absent. */
  public int find(String value) {
    int i = probe(value, value.hashCode());
    return slots[i] == 0 ? -1 : (int) slots[i] - 1;
  }

  /**
   * The code of {@code text.substring(0, end)}, or -1 when absent, without making that string: a prefix is
   * hashed as {@link String#hashCode} would hash it and compared in place.
   *
   * @throws IndexOutOfBoundsException if {@code end} is negative or beyond {@code text}'s length
   */
  public int findPrefix(String text, int end) {
    java.util.Objects.checkFromToIndex(0, end, text.length());
    int h = 0;
    for (int k = 0; k < end; k++) {
      h = 31 * h + text.charAt(k);
    }
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == h) {
        String v = values[(int) slot - 1];
        if (v.length() == end && text.regionMatches(0, v, 0, end)) {
          return (int) slot - 1;
        }
      }
    }
  }

  /**
   * The code of the string whose characters are the ASCII bytes {@code bytes[from, to)}, or -1 when absent,
   * without making that string. The caller has checked that the bytes are ASCII.
   */
  public int findAscii(byte[] bytes, int from, int to) {
    int h = 0;
    for (int k = from; k < to; k++) {
      h = 31 * h + bytes[k];
    }
    int n = to - from;
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == h && sameAscii(values[(int) slot - 1], bytes, from, n)) {
        return (int) slot - 1;
      }
    }
  }

  /** Whether the characters of {@code v} are the ASCII bytes {@code bytes[from, from + n)}. */
  private static boolean sameAscii(String v, byte[] bytes, int from, int n) {
    if (v.length() != n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (v.charAt(k) != bytes[from + k]) {
        return false;
      }
    }
    return true;
  }

  /** The slot holding {@code value} (hash {@code h}), or the empty slot where it would go. */
  private int probe(String value, int h) {
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0 || ((int) (slot >>> 32) == h && value.equals(values[(int) slot - 1]))) {
        return i;
      }
    }
  }

  /** The string for {@code code}. */
  public String decode(int code) {
    if (code < 0 || code >= size) {
      throw new IndexOutOfBoundsException("code " + code + " out of bounds for size " + size);
    }
    return values[code];
  }

  /** The number of distinct strings. */
  public int size() {
    return size;
  }

  /** The strings in code order. */
  public List<String> values() {
    return List.of(Arrays.copyOf(values, size));
  }

  private static long slot(int hash, int code) {
    return ((long) hash << 32) | (code + 1L);
  }

  /** Similar strings' hash codes differ little in their low bits; mix them before masking. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void rehash(int capacity) {
    long[] s = new long[capacity];
    int mask = capacity - 1;
    for (int code = 0; code < size; code++) {
      int h = values[code].hashCode();
      int i = spread(h) & mask;
      while (s[i] != 0) {
        i = (i + 1) & mask;
      }
      s[i] = slot(h, code);
    }
    slots = s;
  }
}
