package dev.kat.cli;

import dev.kat.cli.command.Commands;
import dev.kat.cli.command.Terminal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The entry point of the {@code kat} command: {@code kat <subcommand> [options] [arguments]}.
 * {@code kat --help} lists the subcommands; {@code kat <subcommand> --help} explains one.
 */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its {@link ExitCode}. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, new Terminal(out, err, System.console() != null, Path.of("")));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command without exiting, with no progress display and paths relative to the working
   * directory: for embedding.
   *
   * @param args the command line after {@code kat}
   * @param out standard output
   * @param err standard error
   * @return the {@link ExitCode}
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, new Terminal(out, err, false, Path.of("")));
  }

  static int run(String[] args, Terminal terminal) {
    return Commands.standard().run(args, terminal);
  }
}
