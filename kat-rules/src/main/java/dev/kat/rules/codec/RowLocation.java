package dev.kat.rules.codec;

/**
 * Where one row of an input file is: its position among the file's rows, the line it starts on and its
 * exact byte range, so that it can be reported and copied unchanged.
 *
 * @param source the file's name as given to the reader, not blank
 * @param ordinal the row's 1-based position among the file's data rows (the header is not a row)
 * @param line the 1-based line the row starts on
 * @param start the offset of the row's first byte in the file
 * @param end the offset just after the row's last byte, including its line terminator; at least
 *     {@code start}
 */
public record RowLocation(String source, long ordinal, long line, long start, long end) {

  /** Validates the fields. */
  public RowLocation {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source (" + source + ") must not be blank");
    }
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal (" + ordinal + ") must be >= 1");
    }
    if (line < 1) {
      throw new IllegalArgumentException("line (" + line + ") must be >= 1");
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("byte range [" + start + ", " + end + ") is not valid");
    }
  }

  /** {@code source:line}, the form editors jump to. */
  @Override
  public String toString() {
    return source + ":" + line;
  }
}
