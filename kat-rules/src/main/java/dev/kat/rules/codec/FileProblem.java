package dev.kat.rules.codec;

/**
 * A problem with an input file as a whole: it is empty, not UTF-8, or its header cannot be used. Rows of
 * a file with an unusable header are still counted and reported, each as a {@link MalformedRow}.
 *
 * @param source the file's name, not blank
 * @param line the 1-based line of the problem, or 0 when it concerns the whole file
 * @param column the 1-based column, or 0
 * @param reason what is wrong and how to fix it, not blank
 */
public record FileProblem(String source, long line, int column, String reason) {

  /** Validates the fields. */
  public FileProblem {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source (" + source + ") must not be blank");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line (" + line + ") and column (" + column + ") must be >= 0");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason (" + reason + ") must not be blank");
    }
  }

  /** {@code source:line:column: reason}. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + reason;
  }
}
