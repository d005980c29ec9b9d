package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;

/**
 * One problem in an input document: where it is (source, line, column, JSON path) and what is wrong.
 *
 * @param source the document's name, e.g. a file name, not blank
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param path the JSON path of the offending value, e.g. {@code $.roles.partner.weight}, not blank
 * @param message what is wrong and, where it applies, what is allowed, not blank
 */
public record Problem(String source, int line, int column, String path, String message) {

  /** Validates the fields. */
  public Problem {
    Checks.notBlank(source, "source");
    Checks.argument(line >= 0, "line (" + line + ") must be >= 0");
    Checks.argument(column >= 0, "column (" + column + ") must be >= 0");
    Checks.notBlank(path, "path");
    Checks.notBlank(message, "message");
  }

  /** {@code source:line:column: path: message}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + path + ": " + message;
  }
}
