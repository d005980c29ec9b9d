package dev.kat.core.internal;

import java.util.Arrays;

/**
 * A growable column of doubles where NaN means "absent", stored as small codes into a table of the
 * distinct values seen: one byte per row while the column holds at most 255 distinct values, two bytes
 * while it holds at most 65,535, and a plain {@code double} per row beyond that. Values are compared by
 * their bits, so {@code get} returns exactly the value that was added (including {@code -0.0}).
 *
 * <p>Attribute values and review scores usually come from a small set (whole minutes, a complexity of 1
 * to 5, scores in hundredths), so most columns take one byte per row instead of eight. Reading costs one
 * extra load from the value table, which is small enough to stay in cache. Not thread-safe while
 * growing; safe to share once {@link #trim() trimmed} and no longer written.
 */
public final class DoubleColumn {
  private static final int BYTE_ABSENT = 0xFF;
  private static final int CHAR_ABSENT = 0xFFFF;

  private byte[] bytes;
  private char[] chars;
  private double[] doubles;
  /** The distinct values by code; while codes are bytes, 256 long with NaN at the absent code 255. */
  private double[] values = byteTable();
  private int distinct;
  private LongIntMap codes = new LongIntMap(16);
  /**
   * The codes of whole numbers in [0, {@link #SMALL}) plus one (0 for none), by value: counts of minutes,
   * amounts, levels, looked up by index rather than hashed in {@link #codes}, which holds every other
   * value. Grown to the largest such value seen; dropped with {@link #codes} once trimmed.
   */
  private int[] small = new int[0];
  private static final int SMALL = 1 << 16;
  private int size;

  private static double[] byteTable() {
    double[] t = new double[256];
    t[BYTE_ABSENT] = Double.NaN;
    return t;
  }

  /** An empty column with room for {@code capacity} rows before it grows. */
  public DoubleColumn(int capacity) {
    bytes = new byte[Math.max(capacity, 1)];
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  /** The value of {@code row}, or NaN where absent. */
  public double get(int row) {
    byte[] b = bytes;
    if (b != null) {
      // The byte table holds NaN at the absent code, so this is one load with no branch.
      return values[b[row] & 0xFF];
    }
    char[] c = chars;
    if (c != null) {
      int code = c[row];
      return code == CHAR_ABSENT ? Double.NaN : values[code];
    }
    return doubles[row];
  }

  /**
   * The rows' one-byte codes while the column holds at most 255 distinct values (code 255 is "absent"),
   * else null. The array is the column's own: read it, never write it. With {@link #byteCodeValue} a reader
   * can compute a function of the value once per code instead of once per row.
   */
  public byte[] byteCodes() {
    return bytes;
  }

  /**
   * The value of one-byte code {@code code} (NaN for the absent code 255, 0.0 for codes not in use); only
   * meaningful while {@link #byteCodes()} is not null.
   */
  public double byteCodeValue(int code) {
    Checks.state(bytes != null, "this column no longer holds one-byte codes");
    return values[code & 0xFF];
  }

  /** Appends {@code value} (NaN for absent) as the next row. */
  public void add(double value) {
    Checks.state(codes != null || doubles != null, "this column was trimmed and is read-only");
    ensure(size + 1);
    set(size++, value);
  }

  private void set(int row, double value) {
    if (doubles != null) {
      doubles[row] = value;
      return;
    }
    int code;
    if (Double.isNaN(value)) {
      code = -1;
    } else {
      long bits = Double.doubleToLongBits(value);
      int whole = (int) value;
      // a whole number in [0, SMALL); the sign bit excludes -0.0, which must keep a code of its own
      boolean isSmall = bits >= 0 && whole < SMALL && whole == value;
      code = isSmall ? (whole < small.length ? small[whole] - 1 : -1) : codes.get(bits);
      if (code < 0) {
        if (bytes != null && distinct == BYTE_ABSENT) {
          widenToChars();
        } else if (chars != null && distinct == CHAR_ABSENT) {
          widenToDoubles();
          doubles[row] = value;
          return;
        }
        code = distinct++;
        if (code >= values.length) {
          values = Arrays.copyOf(values, values.length * 2);
        }
        values[code] = value;
        if (isSmall) {
          if (whole >= small.length) {
            small = Arrays.copyOf(small, Math.min(SMALL, Growth.capacity(small.length, whole + 1)));
          }
          small[whole] = code + 1;
        } else {
          codes.put(bits, code);
        }
      }
    }
    if (bytes != null) {
      bytes[row] = (byte) (code < 0 ? BYTE_ABSENT : code);
    } else {
      chars[row] = (char) (code < 0 ? CHAR_ABSENT : code);
    }
  }

  private void widenToChars() {
    chars = new char[bytes.length];
    for (int i = 0; i < size; i++) {
      int code = bytes[i] & 0xFF;
      chars[i] = (char) (code == BYTE_ABSENT ? CHAR_ABSENT : code);
    }
    bytes = null;
  }

  private void widenToDoubles() {
    double[] d = new double[chars.length];
    for (int i = 0; i < size; i++) {
      d[i] = get(i);
    }
    doubles = d;
    chars = null;
    values = null;
    codes = null;
    small = null;
  }

  /** Makes room for {@code rows} rows in all without growing (while building; a hint). */
  public void reserve(int rows) {
    if (codes != null || doubles != null) {
      int cap = bytes != null ? bytes.length : chars != null ? chars.length : doubles.length;
      if (rows > cap) {
        resize(rows);
      }
    }
  }

  private void ensure(int n) {
    int cap = bytes != null ? bytes.length : chars != null ? chars.length : doubles.length;
    if (n <= cap) {
      return;
    }
    resize(Growth.capacity(cap, n));
  }

  private void resize(int want) {
    if (bytes != null) {
      bytes = Arrays.copyOf(bytes, want);
    } else if (chars != null) {
      chars = Arrays.copyOf(chars, want);
    } else {
      doubles = Arrays.copyOf(doubles, want);
    }
  }

  /** Keeps only the rows whose {@code live} flag is set, in order. */
  public void retain(boolean[] live) {
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (live[r]) {
        if (bytes != null) {
          bytes[w] = bytes[r];
        } else if (chars != null) {
          chars[w] = chars[r];
        } else {
          doubles[w] = doubles[r];
        }
        w++;
      }
    }
    size = w;
  }

  /**
   * Reorders the rows so that row {@code i} is the old row {@code order[i]} ({@code order} is a permutation
   * of the rows held), trims the storage and drops the building index; the column is read-only after.
   */
  public void permuteAndTrim(int[] order) {
    Checks.argument(order.length == size, "order has " + order.length + " rows, the column " + size);
    if (bytes != null) {
      byte[] b = new byte[size];
      for (int i = 0; i < size; i++) {
        b[i] = bytes[order[i]];
      }
      bytes = b;
    } else if (chars != null) {
      char[] c = new char[size];
      for (int i = 0; i < size; i++) {
        c[i] = chars[order[i]];
      }
      chars = c;
    } else {
      double[] d = new double[size];
      for (int i = 0; i < size; i++) {
        d[i] = doubles[order[i]];
      }
      doubles = d;
    }
    trim();
  }

  /** Trims the storage to the rows held and drops the building index; the column is read-only after. */
  public void trim() {
    if (bytes != null) {
      bytes = Arrays.copyOf(bytes, size);
    } else if (chars != null) {
      chars = Arrays.copyOf(chars, size);
    } else {
      doubles = Arrays.copyOf(doubles, size);
    }
    if (values != null && chars != null) {
      values = Arrays.copyOf(values, distinct);
    }
    codes = null;
    small = null;
  }

  /** Bytes held by the column's arrays (an estimate of its resident size). */
  public long bytesHeld() {
    long b = bytes != null ? bytes.length : chars != null ? 2L * chars.length : 8L * doubles.length;
    return b + (values == null ? 0 : 8L * values.length);
  }
}
