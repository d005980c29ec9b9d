package dev.kat.rules.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Copies rows of an input file, byte for byte, to a rejects file: the header first (for CSV), then the
 * chosen rows in file order. Rows are copied from the file by their byte ranges, so even a row too large
 * to be read is kept unchanged.
 */
public final class RawRows {
  private RawRows() {}

  /**
   * Writes the bytes {@code [0, headerEnd)} of {@code file}, then every row of {@code rows} in file
   * order (each once), to {@code out}. A row that does not end with a line break is given one, so that
   * rows from several places never run together.
   *
   * @param file the input file the rows were read from
   * @param headerEnd the byte offset just after the header, 0 for none ({@link ReadSummary#headerEnd()})
   * @param rows the rows to copy, from {@code file}
   * @param out where to write; not closed
   * @throws IOException if reading or writing fails, or the file is shorter than a row's range
   */
  public static void copy(Path file, long headerEnd, List<RowLocation> rows, OutputStream out) throws IOException {
    List<RowLocation> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(RowLocation::start));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      int last = copyRange(ch, 0, headerEnd, buf, out);
      if (headerEnd > 0 && last != '\n') {
        out.write('\n');
      }
      long done = -1;
      for (RowLocation r : sorted) {
        if (r.start() == done) {
          continue;
        }
        done = r.start();
        last = copyRange(ch, r.start(), r.end(), buf, out);
        if (last != '\n' && r.end() > r.start()) {
          out.write('\n');
        }
      }
    }
  }

  private static int copyRange(FileChannel ch, long from, long to, ByteBuffer buf, OutputStream out)
      throws IOException {
    long pos = from;
    int last = -1;
    while (pos < to) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), to - pos));
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("file ended at byte " + pos + ", before the row's end at byte " + to);
      }
      out.write(buf.array(), 0, n);
      last = buf.array()[n - 1] & 0xFF;
      pos += n;
    }
    return last;
  }
}
