package dev.kat.rules.codec;

import java.util.List;

/**
 * What a reader saw in one file. Always {@code rows() == parsed() + malformed()}.
 *
 * @param source the file's name
 * @param format the format read
 * @param rows data rows read (blank lines and the header are not rows)
 * @param parsed rows handed to the sink as records
 * @param malformed rows handed to the sink as malformed
 * @param headerEnd the byte offset just after the header line (0 for formats without a header); the
 *     bytes before it are the header, copied unchanged at the top of a rejects file
 * @param fileProblems problems with the file as a whole, in file order
 */
public record ReadSummary(String source, InputFormat format, long rows, long parsed, long malformed,
    long headerEnd, List<FileProblem> fileProblems) {

  /** Validates the counts and copies the list. */
  public ReadSummary {
    if (rows != parsed + malformed || parsed < 0 || malformed < 0) {
      throw new IllegalArgumentException(
          "rows (" + rows + ") must equal parsed (" + parsed + ") + malformed (" + malformed + ")");
    }
    if (headerEnd < 0) {
      throw new IllegalArgumentException("headerEnd (" + headerEnd + ") must be >= 0");
    }
    fileProblems = List.copyOf(fileProblems);
  }

  /** Whether the file had no problem at all: no file problem and no malformed row. */
  public boolean clean() {
    return fileProblems.isEmpty() && malformed == 0;
  }
}
