package dev.kat.rules.policy;

import dev.kat.rules.KatException;
import java.util.List;

/** Thrown when a document that must be valid has problems; carries every one of them. */
public class DocumentException extends KatException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * An exception listing {@code problems}, one per line.
   *
   * @param problems the problems, not empty
   */
  public DocumentException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      sb.append('\n').append("  ").append(p);
    }
    return sb.toString();
  }
}
