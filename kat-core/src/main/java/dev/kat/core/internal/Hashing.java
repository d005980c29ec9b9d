package dev.kat.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hash functions: a fast 64-bit hash for keys inside one run, SHA-256 for content hashes. */
public final class Hashing {
  private Hashing() {}

  /*
   * hash64 is xxHash64 (Yann Collet, https://github.com/Cyan4973/xxHash, XXH64 with seed 0), written out
   * by hand. It reads the input eight bytes at a time through a little-endian byte-array view, so that
   * the canonical bytes of a record (a few hundred bytes) cost a few dozen multiplications instead of one
   * dependent multiplication per byte as FNV-1a did; inputs of 32 bytes or more run four independent
   * lanes. Its output is the reference algorithm's (tests pin published values), so it does not depend
   * on the platform's byte order. The batch's per-record content hash orders the records inside a cycle
   * result's SHA-256 content hash, so changing this function changes result hashes (see CycleResult).
   */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  /**
   * A 64-bit hash of {@code bytes[from, to)}: xxHash64 with seed 0. Used only to bucket keys (ids,
   * evidence) and order records within a run; equal hashes of different keys are either checked against
   * the bytes or, for evidence keys, accepted as a documented 2^-64-per-pair risk.
   */
  public static long hash64(byte[] bytes, int from, int to) {
    int len = to - from;
    int i = from;
    long h;
    if (len >= 32) {
      long v1 = P1 + P2;
      long v2 = P2;
      long v3 = 0;
      long v4 = -P1;
      int limit = to - 32;
      do {
        v1 = round(v1, (long) LONGS.get(bytes, i));
        v2 = round(v2, (long) LONGS.get(bytes, i + 8));
        v3 = round(v3, (long) LONGS.get(bytes, i + 16));
        v4 = round(v4, (long) LONGS.get(bytes, i + 24));
        i += 32;
      } while (i <= limit);
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = merge(h, v1);
      h = merge(h, v2);
      h = merge(h, v3);
      h = merge(h, v4);
    } else {
      h = P5;
    }
    h += len;
    while (i + 8 <= to) {
      h ^= round(0, (long) LONGS.get(bytes, i));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      i += 8;
    }
    if (i + 4 <= to) {
      h ^= ((int) INTS.get(bytes, i) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      i += 4;
    }
    while (i < to) {
      h ^= (bytes[i] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      i++;
    }
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long merge(long h, long v) {
    h ^= round(0, v);
    return h * P1 + P4;
  }

  /** The 64-bit hash of a string's UTF-8 bytes. */
  public static long hash64(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return hash64(b, 0, b.length);
  }

  /** The MurmurHash3 64-bit finaliser. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform provides SHA-256", e);
    }
  }

  /** Lower-case hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
