package dev.kat.cli.command;

import java.util.List;

/**
 * Input the command cannot work with (a policy with problems, a missing file): every problem, one per
 * line; exit status {@code INVALID_INPUT}.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** An exception with a headline and the problems behind it. */
  public InputException(String headline, List<String> problems) {
    super(headline);
    this.problems = List.copyOf(problems);
  }

  /** The problems, one line each. */
  public List<String> problems() {
    return problems;
  }
}
