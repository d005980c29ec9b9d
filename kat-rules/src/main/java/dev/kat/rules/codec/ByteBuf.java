package dev.kat.rules.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with strict UTF-8 decoding of slices. Internal; not thread-safe. */
final class ByteBuf {
  byte[] bytes = new byte[256];
  int size;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  void clear() {
    size = 0;
  }

  void add(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) b;
  }

  void add(byte[] b, int from, int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
    System.arraycopy(b, from, bytes, size, n);
    size += n;
  }

  /**
   * Decodes {@code [from, to)} as UTF-8.
   *
   * @return the text, or null when the bytes are not valid UTF-8
   */
  String decode(int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(bytes, from, to - from));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The offset, relative to {@code from}, of the first byte that is not valid UTF-8. */
  int firstInvalid(int from, int to) {
    int i = from;
    while (i < to) {
      int b = bytes[i] & 0xFF;
      int n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (n == 0 || i + n > to) {
        return i - from;
      }
      for (int k = 1; k < n; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return i - from;
        }
      }
      i += n;
    }
    return to - from;
  }
}
