package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a document: the value when the document has no problem, and every problem found.
 *
 * @param <T> the type of value read
 * @param value the value, or null when there is any problem
 * @param problems every problem, in document order; empty when {@code value} is present
 */
public record ReadResult<T>(T value, List<Problem> problems) {

  /** Validates that exactly one of value and problems is present. */
  public ReadResult {
    problems = List.copyOf(problems);
    Checks.argument((value == null) != problems.isEmpty(),
        "exactly one of value and problems must be present (problems: " + problems.size() + ")");
  }

  /** Whether the document was read without a problem. */
  public boolean ok() {
    return value != null;
  }

  /** The value, if there was no problem. */
  public Optional<T> toOptional() {
    return Optional.ofNullable(value);
  }

  /**
   * The value.
   *
   * @throws DocumentException listing every problem, if there is any
   */
  public T orElseThrow() {
    if (value == null) {
      throw new DocumentException(problems);
    }
    return value;
  }
}
