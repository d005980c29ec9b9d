package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The registry of subcommands and the dispatcher that runs one with its help and error handling. */
public final class Commands {
  private final Map<String, Command> byName = new TreeMap<>();
  private final List<Command> order = new ArrayList<>();

  private Commands(List<Command> commands) {
    for (Command c : commands) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two subcommands are named " + c.name());
      }
      order.add(c);
    }
  }

  /** The standard subcommands, in the order of the monthly workflow. Add new subcommands here. */
  public static Commands standard() {
    return of(List.of(
        new ValidateCommand(),
        new PreviewCommand(),
        new FinalizeCommand(),
        new ExplainCommand(),
        new ReportCommand(),
        new CompareCommand(),
        new RunCommand(),
        new RulesCommand(),
        new dev.kat.cli.simulate.SimulateCommand()));
  }

  /** A registry of the given subcommands. */
  public static Commands of(List<Command> commands) {
    return new Commands(commands);
  }

  /** The subcommands, in registration order. */
  public List<Command> all() {
    return List.copyOf(order);
  }

  /**
   * Runs the command line {@code args} (after {@code kat}) and returns the exit status; never throws.
   */
  public int run(String[] args, Terminal t) {
    if (args.length == 0) {
      t.err().print(overview());
      return ExitCode.USAGE;
    }
    String name = args[0];
    if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
      if (args.length > 1 && byName.containsKey(args[1])) {
        t.out().print(help(byName.get(args[1])));
      } else {
        t.out().print(overview());
      }
      return ExitCode.OK;
    }
    if (name.equals("--version")) {
      t.out().println("kat " + version());
      return ExitCode.OK;
    }
    Command c = byName.get(name);
    if (c == null) {
      t.err().println("kat: unknown subcommand '" + name + "'");
      t.err().print(overview());
      return ExitCode.USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    int dashDash = rest.indexOf("--");
    List<String> before = dashDash < 0 ? rest : rest.subList(0, dashDash);
    if (before.contains("--help") || before.contains("-h")) {
      t.out().print(help(c));
      return ExitCode.OK;
    }
    try {
      return c.execute(Args.parse(rest, c.options()), t);
    } catch (UsageException e) {
      t.err().println("kat " + c.name() + ": " + e.getMessage());
      t.err().println("usage: kat " + c.name() + " " + c.synopsis() + "   (kat " + c.name() + " --help for more)");
      return ExitCode.USAGE;
    } catch (Ledger.LedgerProblem e) {
      t.err().println("kat " + c.name() + ": " + e.getMessage());
      for (String h : e.hints()) {
        t.err().println("  " + h);
      }
      return ExitCode.LEDGER;
    } catch (InputException e) {
      t.err().println("kat " + c.name() + ": " + e.getMessage());
      for (String p : e.problems()) {
        t.err().println("  " + p);
      }
      return ExitCode.INVALID_INPUT;
    } catch (IOException e) {
      t.err().println("kat " + c.name() + ": " + describe(e));
      return ExitCode.OUTPUT;
    } catch (UncheckedIOException e) {
      t.err().println("kat " + c.name() + ": " + describe(e.getCause()));
      return ExitCode.OUTPUT;
    } catch (Exception | AssertionError e) {
      t.err().println("kat " + c.name() + ": internal error: " + e);
      e.printStackTrace(t.err());
      return ExitCode.INTERNAL;
    }
  }

  /**
   * What went wrong with a file, said in words: the file and the reason, which the JDK's file
   * exceptions keep apart (their message alone is often only the path).
   */
  static String describe(IOException e) {
    String why;
    if (e instanceof FileAlreadyExistsException) {
      why = "already exists and is not a directory";
    } else if (e instanceof NoSuchFileException) {
      why = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      why = "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      why = "directory not empty";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      why = f.getReason();
    } else {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    FileSystemException f = (FileSystemException) e;
    String reason = f.getReason() != null && !f.getReason().equals(why) ? why + " (" + f.getReason() + ")" : why;
    return "cannot use " + f.getFile() + (f.getOtherFile() == null ? "" : " or " + f.getOtherFile()) + ": " + reason;
  }

  /** The text of {@code kat --help}. */
  public String overview() {
    StringBuilder sb = new StringBuilder();
    sb.append("kat: recognition cycles (Credit, Karma, KAT) for a DAO's contributions\n\n");
    sb.append("usage: kat <subcommand> [options] [arguments]\n\nsubcommands:\n");
    for (Command c : order) {
      sb.append(String.format(Locale.ROOT, "  %-10s %s\n", c.name(), c.summary()));
    }
    sb.append("\nkat <subcommand> --help explains one. Quick start: kat run examples/exchange-dao\n");
    sb.append("exit status: 0 ok, 2 usage error, 3 invalid input, 4 audit checklist failed, 5 ledger error,\n"
        + "             6 cannot write outputs, 1 internal error\n");
    return sb.toString();
  }

  /** The text of {@code kat <name> --help}. */
  public static String help(Command c) {
    StringBuilder sb = new StringBuilder();
    sb.append("usage: kat ").append(c.name()).append(' ').append(c.synopsis()).append("\n\n");
    sb.append(c.description().strip()).append("\n\noptions:\n");
    List<Option> all = new ArrayList<>(c.options());
    all.add(Option.flag("help", "show this help"));
    for (Option o : all) {
      String left = "--" + o.name() + (o.value() == null ? "" : " " + o.value());
      sb.append(String.format(Locale.ROOT, "  %-26s %s%s\n", left, o.description(),
          o.repeatable() ? " (repeatable)" : ""));
    }
    return sb.toString();
  }

  private static String version() {
    String v = Commands.class.getPackage() == null ? null : Commands.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
