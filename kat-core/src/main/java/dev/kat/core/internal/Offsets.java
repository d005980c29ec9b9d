package dev.kat.core.internal;

import java.util.Arrays;

/**
 * A growable, non-decreasing sequence of {@code int} offsets (the starts of variable-length parts of
 * rows), compacted once complete: an {@code int} base per block of 64 entries and a 16-bit distance
 * from that base per entry, about 2.06 bytes per entry instead of 4, with O(1) access. If some block
 * spans more than 65,535 (a row with thousands of parts), the plain {@code int} form is kept.
 */
public final class Offsets {
  private static final int SHIFT = 6;

  private int[] full;
  private int size;
  private int[] base;
  private char[] rel;

  /** A sequence holding the single offset 0. */
  public Offsets() {
    this(16);
  }

  /** A sequence holding the single offset 0, with room for {@code entries} more without growing. */
  public Offsets(int entries) {
    Checks.argument(entries >= 0 && entries < Integer.MAX_VALUE - 16, "entries must be in [0, 2^31 - 17): " + entries);
    full = new int[entries + 1];
    size = 1;
  }

  /** The number of offsets held. */
  public int size() {
    return size;
  }

  /** The {@code i}-th offset. */
  public int get(int i) {
    int[] f = full;
    if (f != null) {
      return f[i];
    }
    return base[i >>> SHIFT] + rel[i];
  }

  /** The last offset. */
  public int last() {
    return get(size - 1);
  }

  /** Appends {@code value}, which must not be smaller than the last offset. */
  public void add(int value) {
    Checks.state(full != null, "these offsets were compacted and are read-only");
    if (size == full.length) {
      full = Arrays.copyOf(full, Growth.capacity(full.length, size + 1));
    }
    full[size++] = value;
  }

  /** Makes room for {@code entries} offsets in all without growing (while building; a hint). */
  public void reserve(int entries) {
    if (full != null && entries > full.length) {
      full = Arrays.copyOf(full, entries);
    }
  }

  /** Sets offset {@code i} (while building). */
  public void set(int i, int value) {
    full[i] = value;
  }

  /** Forgets every offset from index {@code n} on. */
  public void truncate(int n) {
    size = n;
  }

  /** Compacts the offsets; they are read-only afterwards. */
  public void compact() {
    if (full == null) {
      return;
    }
    int blocks = ((size - 1) >>> SHIFT) + 1;
    int[] b = new int[blocks];
    char[] r = new char[size];
    for (int i = 0; i < size; i++) {
      int blockBase = full[i & ~((1 << SHIFT) - 1)];
      int d = full[i] - blockBase;
      if (d < 0 || d > 0xFFFF) {
        full = Arrays.copyOf(full, size);
        return;
      }
      b[i >>> SHIFT] = blockBase;
      r[i] = (char) d;
    }
    base = b;
    rel = r;
    full = null;
  }

  /** Bytes held by the arrays (an estimate of the resident size). */
  public long bytesHeld() {
    return full != null ? 4L * full.length : 4L * base.length + 2L * rel.length;
  }
}
