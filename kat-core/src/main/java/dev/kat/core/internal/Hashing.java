package dev.kat.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hash functions: a fast 64-bit hash for keys inside one run, SHA-256 for content hashes. */
public final class Hashing {
  private Hashing() {}

  private static final long PRIME = 0x100000001b3L;
  private static final long OFFSET = 0xcbf29ce484222325L;

  /**
   * A 64-bit hash of {@code bytes[from, to)}: FNV-1a followed by the MurmurHash3 finaliser. Used only to
   * bucket keys (ids, evidence) within a run; equal hashes of different keys are either checked
   * against the bytes or, for evidence keys, accepted as a documented 2^-64-per-pair risk.
   */
  public static long hash64(byte[] bytes, int from, int to) {
    long h = OFFSET;
    for (int i = from; i < to; i++) {
      h ^= bytes[i] & 0xff;
      h *= PRIME;
    }
    return mix(h);
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
