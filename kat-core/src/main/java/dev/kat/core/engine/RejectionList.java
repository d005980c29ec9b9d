package dev.kat.core.engine;

import dev.kat.core.internal.RecordCodec;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A batch's rejections, immutable, holding each rejected record as its canonical bytes ({@link RecordCodec})
 * rather than as objects: {@link #get} decodes the record again, equal to the one given. A record object
 * with its maps, lists and boxed values takes several times the bytes of its canonical form, and a batch
 * may keep thousands of rejected records for as long as it lives.
 */
final class RejectionList extends AbstractList<Rejection> implements RandomAccess {
  private static final RejectionCode[] CODES = RejectionCode.values();

  private final byte[] bytes;
  private final int[] start;
  private final byte[] codes;
  private final String[] messages;

  /** The rejections of {@code list}, in its order. */
  RejectionList(List<Rejection> list) {
    int n = list.size();
    RecordCodec out = new RecordCodec();
    start = new int[n + 1];
    codes = new byte[n];
    messages = new String[n];
    for (int i = 0; i < n; i++) {
      Rejection x = list.get(i);
      out.append(x.record());
      start[i + 1] = out.length();
      codes[i] = (byte) x.code().ordinal();
      messages[i] = x.message();
    }
    bytes = Arrays.copyOf(out.bytes(), out.length());
  }

  @Override
  public Rejection get(int index) {
    return new Rejection(RecordCodec.decode(bytes, start[index]), CODES[codes[index]], messages[index]);
  }

  @Override
  public int size() {
    return codes.length;
  }

  /** The canonical bytes of rejection {@code index}'s record: {@link #bytes()} from here ... */
  int from(int index) {
    return start[index];
  }

  /** ... to here (exclusive). */
  int to(int index) {
    return start[index + 1];
  }

  /** The array holding every rejected record's canonical bytes; read it, never write it. */
  byte[] bytes() {
    return bytes;
  }

  /** The code of rejection {@code index}. */
  RejectionCode code(int index) {
    return CODES[codes[index]];
  }

  /** The message of rejection {@code index}. */
  String message(int index) {
    return messages[index];
  }

  /** Bytes held (an estimate of the resident size: messages as Latin-1 strings). */
  long bytesHeld() {
    long b = 16 + bytes.length + 16 + 4L * start.length + 16 + codes.length + 16 + 4L * messages.length;
    for (String m : messages) {
      b += 24 + 16 + m.length();
    }
    return b;
  }
}
