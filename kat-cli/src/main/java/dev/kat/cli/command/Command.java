package dev.kat.cli.command;

import java.util.List;

/**
 * One subcommand of {@code kat}. To add a subcommand, implement this and list it in
 * {@link Commands#standard()}; {@code --help} and option parsing come for free.
 */
public interface Command {

  /** The name typed after {@code kat}, e.g. {@code run}. */
  String name();

  /** One line for the list of subcommands. */
  String summary();

  /** The synopsis after {@code kat <name>}, e.g. {@code [options] <dao-dir>}. */
  String synopsis();

  /** A paragraph or two for {@code --help}: what it does, what it reads and writes. */
  String description();

  /** The options it accepts ({@code --help} is always accepted). */
  List<Option> options();

  /**
   * Runs the subcommand.
   *
   * @return the {@link dev.kat.cli.ExitCode}
   * @throws UsageException for a wrong command line
   * @throws InputException for input the command cannot work with
   * @throws java.io.IOException when reading inputs or writing outputs fails
   */
  int execute(Args args, Terminal terminal) throws Exception;
}
