package dev.kat.cli.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inputs of one DAO's cycle: the policy, the framework it is checked against (optional), the
 * contribution files and the cycle month (inferred from the records when not given).
 *
 * <p>A DAO directory holds {@code policy.json} and one or more {@code contributions*.csv},
 * {@code contributions*.jsonl} or {@code contributions*.ndjson} files; {@code framework.json} is looked
 * for in the directory and then in its parent. Options override each of these.
 *
 * @param dir the DAO directory
 * @param policy the policy document
 * @param framework the framework document, or null to check against no framework
 * @param contributions the contribution files, in the order they are read
 * @param month the cycle's month, or null to infer it from the records
 * @param maxRowBytes the largest row read
 * @param review the review file with the disputes and exceptions of the cycle (it may not exist)
 * @param frameworkWaived whether the framework check was turned off ({@code --no-framework}); when it
 *     was not and no framework document is found, a policy that declares a framework is an error
 */
public record DaoInputs(Path dir, Path policy, Path framework, List<Path> contributions, YearMonth month,
    int maxRowBytes, Path review, boolean frameworkWaived) {

  /** Copies the list. */
  public DaoInputs {
    contributions = List.copyOf(contributions);
  }

  /** These inputs with the cycle's month set to {@code value}. */
  public DaoInputs withMonth(YearMonth value) {
    return new DaoInputs(dir, policy, framework, contributions, value, maxRowBytes, review, frameworkWaived);
  }

  /** The options every command that reads a DAO's inputs accepts. */
  public static List<Option> options() {
    return List.of(
        Option.value("policy", "FILE", "the policy document (default: <dao-dir>/policy.json)"),
        Option.value("framework", "FILE", "the cohort framework to check the policy against "
            + "(default: framework.json in <dao-dir> or its parent)"),
        Option.flag("no-framework", "do not check the policy against a framework"),
        Option.values("contributions", "FILE", "a contributions file, .csv, .jsonl or .ndjson "
            + "(default: <dao-dir>/contributions*.{csv,jsonl,ndjson})"),
        Option.value("review", "FILE", "the disputes and exceptions of review, kept per cycle "
            + "(default: <dao-dir>/review.csv, read when it exists)"),
        Option.value("cycle", "YYYY-MM", "the cycle's month (default: the month most records fall in)"),
        Option.value("max-row-bytes", "N", "rows longer than N bytes are malformed (default: 1048576)"));
  }

  /**
   * Resolves the inputs named by {@code args}, with {@code dirArg} the DAO directory argument.
   *
   * @throws UsageException for a malformed option value
   * @throws InputException when the policy or contributions cannot be found
   */
  public static DaoInputs resolve(String dirArg, Args args, Terminal t) throws UsageException, InputException {
    Path dir = t.resolve(dirArg);
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(dir) && !args.has("policy")) {
      throw new InputException("'" + dirArg + "' is not a directory", List.of(
          "give the directory that holds policy.json and contributions.csv, e.g. examples/exchange-dao"));
    }
    Path policy = args.has("policy") ? t.resolve(args.value("policy", null)) : dir.resolve("policy.json");
    if (!Files.isRegularFile(policy)) {
      problems.add(policy + ": no such policy file");
    }
    Path framework = null;
    if (args.has("framework")) {
      framework = t.resolve(args.value("framework", null));
      if (!Files.isRegularFile(framework)) {
        problems.add(framework + ": no such framework file");
      }
    } else if (!args.has("no-framework")) {
      Path here = dir.resolve("framework.json");
      Path parent = dir.resolve("..").resolve("framework.json").normalize();
      framework = Files.isRegularFile(here) ? here : Files.isRegularFile(parent) ? parent : null;
    }
    List<Path> files = new ArrayList<>();
    for (String c : args.values("contributions")) {
      files.add(t.resolve(c));
    }
    if (files.isEmpty() && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "contributions*.{csv,jsonl,ndjson}")) {
        for (Path p : ds) {
          files.add(p);
        }
      } catch (IOException e) {
        problems.add(dir + ": cannot list the directory: " + e.getMessage());
      }
      files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    }
    if (files.isEmpty()) {
      problems.add(dir + ": no contributions file (contributions.csv, contributions.jsonl or --contributions FILE)");
    }
    for (Path f : files) {
      String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!(n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".ndjson"))) {
        problems.add(f + ": not a .csv, .jsonl or .ndjson file");
      } else if (!Files.isRegularFile(f)) {
        problems.add(f + ": no such contributions file");
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException("cannot find the inputs", problems);
    }
    YearMonth month = null;
    if (args.has("cycle")) {
      try {
        month = YearMonth.parse(args.value("cycle", null));
      } catch (DateTimeParseException e) {
        throw new UsageException("--cycle " + args.value("cycle", null) + " is not a month such as 2026-10");
      }
    }
    int max;
    try {
      max = Integer.parseInt(args.value("max-row-bytes", "1048576"));
    } catch (NumberFormatException e) {
      throw new UsageException("--max-row-bytes " + args.value("max-row-bytes", null) + " is not a whole number");
    }
    if (max < 64) {
      throw new UsageException("--max-row-bytes must be at least 64");
    }
    Path review = args.has("review") ? t.resolve(args.value("review", null)) : dir.resolve(Review.FILE);
    return new DaoInputs(dir, policy, framework, files, month, max, review, args.has("no-framework"));
  }
}
