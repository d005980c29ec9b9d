package dev.kat.cli.command;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a command writes: standard output for results, standard error for problems and progress, and
 * the working directory relative paths are resolved against. Progress is shown only on an interactive
 * terminal and is erased before the next line is written, so redirected output stays clean.
 */
public final class Terminal {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private final Path cwd;
  private int progressWidth;

  /**
   * A terminal.
   *
   * @param out standard output
   * @param err standard error
   * @param interactive whether a person is watching (progress is shown only then)
   * @param cwd the directory relative paths are resolved against
   */
  public Terminal(PrintStream out, PrintStream err, boolean interactive, Path cwd) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.cwd = cwd;
  }

  /** Standard output. */
  public PrintStream out() {
    clearProgress();
    return out;
  }

  /** Standard error. */
  public PrintStream err() {
    clearProgress();
    return err;
  }

  /** Whether progress is shown. */
  public boolean interactive() {
    return interactive;
  }

  /** {@code path} resolved against the working directory. */
  public Path resolve(String path) {
    return cwd.resolve(path);
  }

  /** Shows {@code message} as the current progress line (interactive terminals only). */
  public void progress(String message) {
    if (!interactive) {
      return;
    }
    StringBuilder sb = new StringBuilder("\r").append(message);
    for (int i = message.length(); i < progressWidth; i++) {
      sb.append(' ');
    }
    err.print(sb);
    err.flush();
    progressWidth = message.length();
  }

  /** Erases the progress line, if one is shown. */
  public void clearProgress() {
    if (progressWidth > 0) {
      err.print("\r" + " ".repeat(progressWidth) + "\r");
      err.flush();
      progressWidth = 0;
    }
  }
}
