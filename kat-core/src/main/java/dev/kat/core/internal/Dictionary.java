package dev.kat.core.internal;

import java.util.Arrays;
import java.util.List;

/** Dictionary-encodes strings to dense ints in order of first appearance. Not thread-safe. */
public final class Dictionary {
  /*
   * An open-addressing table (linear probing, at most half full) of codes, keyed by String.hashCode(),
   * which a String caches after the first call. Each slot keeps the key's hash next to its code, so a probe
   * compares ints and only calls equals on a hash match; equals returns at once when the reader gave the
   * same String instance again (readers reuse the instances of repeated cells). This replaces a
   * HashMap<String, Integer>, which boxed every code and chased a node pointer per lookup.
   */
  private int[] slots;
  private int[] slotHash;
  private String[] values = new String[16];
  private int size;

  /** An empty dictionary. */
  public Dictionary() {
    slots = new int[32];
    Arrays.fill(slots, -1);
    slotHash = new int[32];
  }

  /** The code of {@code value}, adding it if new. */
  public int encode(String value) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    int i = spread(h) & mask;
    while (true) {
      int code = slots[i];
      if (code < 0) {
        break;
      }
      if (slotHash[i] == h && value.equals(values[code])) {
        return code;
      }
      i = (i + 1) & mask;
    }
    int code = size;
    if (code == values.length) {
      values = Arrays.copyOf(values, code * 2);
    }
    values[code] = value;
    size++;
    slots[i] = code;
    slotHash[i] = h;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return code;
  }

  /** The code of {@code value}, or -1 when absent. */
  public int find(String value) {
    int h = value.hashCode();
    int mask = slots.length - 1;
    int i = spread(h) & mask;
    while (true) {
      int code = slots[i];
      if (code < 0) {
        return -1;
      }
      if (slotHash[i] == h && value.equals(values[code])) {
        return code;
      }
      i = (i + 1) & mask;
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

  /** String hash codes of similar strings differ in low bits little; mix them before masking. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void rehash(int capacity) {
    int[] s = new int[capacity];
    int[] sh = new int[capacity];
    Arrays.fill(s, -1);
    int mask = capacity - 1;
    for (int code = 0; code < size; code++) {
      int h = values[code].hashCode();
      int i = spread(h) & mask;
      while (s[i] >= 0) {
        i = (i + 1) & mask;
      }
      s[i] = code;
      sh[i] = h;
    }
    slots = s;
    slotHash = sh;
  }
}
