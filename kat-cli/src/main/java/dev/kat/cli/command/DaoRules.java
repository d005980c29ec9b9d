package dev.kat.cli.command;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Statement;
import dev.kat.core.engine.Step;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.engine.Effect;
import dev.kat.rules.engine.RuleFiles;
import dev.kat.rules.engine.RuleInfo;
import dev.kat.rules.engine.RuleKind;
import dev.kat.rules.engine.RuleSet;
import dev.kat.rules.engine.RuledCycle;
import dev.kat.rules.policy.PolicyDocument;
import dev.kat.rules.policy.PolicyDocuments;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule files the cycle commands apply (docs/rules.md): by default every {@code *.drl} file in the DAO
 * directory, in file-name order; {@code --rules FILE} adds a file (replacing a directory file of the same
 * name) and {@code --no-rules} leaves the directory's files out. The record rules are compiled into the
 * policy's credit adjustments, so every statement line shows the rule's id and factor; the summary lists,
 * per rule, whose credit it changed and by how much. Contributor, working-group and pair rules are applied
 * by {@link RuleRunner} (a first engine pass, the rules over its aggregated facts, a second pass with their
 * credit changes as overrides); the summary lists each rule's effects.
 */
final class DaoRules {
  /** How many contributors the summary lists per rule. */
  private static final int LISTED = 10;

  private final List<Path> files;
  private final List<String> names;

  private DaoRules(List<Path> files, List<String> names) {
    this.files = List.copyOf(files);
    this.names = List.copyOf(names);
  }

  /** The options of the commands that apply rule files. */
  static List<Option> options() {
    return List.of(
        Option.values("rules", "FILE", "a rule file applied in addition to <dao-dir>/*.drl (one of the same"
            + " name replaces it)"),
        Option.flag("no-rules", "do not apply the rule files of <dao-dir> (only those given with --rules)"));
  }

  /**
   * The rule files named by {@code args} for {@code in}, not yet read.
   *
   * @throws InputException when a file given with {@code --rules} does not exist or the directory cannot be listed
   */
  static DaoRules resolve(DaoInputs in, Args args, Terminal t) throws InputException {
    Map<String, Path> byName = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    if (!args.has("no-rules") && in.dir() != null && Files.isDirectory(in.dir())) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(in.dir(), "*.drl")) {
        for (Path p : ds) {
          if (Files.isRegularFile(p)) {
            byName.put(p.getFileName().toString(), p);
          }
        }
      } catch (IOException e) {
        problems.add(in.dir() + ": cannot list the directory: " + e.getMessage());
      }
    }
    List<Path> given = new ArrayList<>();
    for (String r : args.values("rules")) {
      Path p = t.resolve(r);
      if (!Files.isRegularFile(p)) {
        problems.add(p + ": no such rule file");
      }
      byName.remove(p.getFileName().toString());
      given.add(p);
    }
    if (!problems.isEmpty()) {
      throw new InputException("cannot find the rule files", problems);
    }
    List<Path> files = new ArrayList<>(byName.values());
    files.addAll(given);
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(CycleJob.sourceName(in, f));
    }
    return new DaoRules(files, names);
  }

  /**
   * The rule files applied to {@code doc}: its policy with the record rules compiled into its credit
   * adjustments; {@code doc} itself when there is no rule file.
   *
   * @throws InputException listing every problem of the rule files with file and line, or every rule that does
   *     not fit the policy
   */
  Applied apply(DaoInputs in, PolicyDocument doc) throws InputException {
    if (files.isEmpty()) {
      return new Applied(doc, names, null, new RuleRunner(null));
    }
    Framework framework = Framework.permissive();
    if (in.framework() != null) {
      ReadResult<Framework> f = PolicyDocuments.readFramework(in.framework());
      if (!f.ok()) {
        throw new InputException("the framework " + in.framework() + " has problems", texts(f.problems()));
      }
      framework = f.value();
    }
    ReadResult<RuleSet> loaded = RuleFiles.load(framework, files);
    if (!loaded.ok()) {
      throw new InputException("the rule files have problems", texts(loaded.problems()));
    }
    ReadResult<Policy> compiled = loaded.value().compile(doc.policy(), doc.workingGroups());
    if (!compiled.ok()) {
      throw new InputException("the rules do not fit the policy " + in.policy(), texts(compiled.problems()));
    }
    return new Applied(new PolicyDocument(compiled.value(), doc.description(), doc.framework(), doc.workingGroups()),
        names, loaded.value(), new RuleRunner(loaded.value()));
  }

  /**
   * Rule files applied to a policy document.
   *
   * @param document the policy document the cycle runs with
   * @param names the rule files, named relative to the DAO directory; empty when there is none
   * @param rules the rules, or null when there is no rule file
   * @param runner how the cycle commands compute a cycle with these rules (pass it to every ledger and
   *     workflow of the command, so that previews, finalized cycles and replays agree)
   */
  record Applied(PolicyDocument document, List<String> names, RuleSet rules, RuleRunner runner) {

    /** Copies the list. */
    Applied {
      names = List.copyOf(names);
      if (runner == null) {
        throw new IllegalArgumentException("runner (null) must be given");
      }
      if ((rules == null) != names.isEmpty()) {
        throw new IllegalArgumentException("rules (" + rules + ") must be null exactly when names (" + names
            + ") is empty");
      }
    }

    /**
     * The summary's lines about the rules: the files, then for every record rule the credit it added to or
     * removed from each contributor at the credit stage (the record's other steps unchanged), and the rules
     * the cycle commands do not apply. Empty when there is no rule file.
     */
    String summary(CycleResult result) {
      if (rules == null) {
        return "";
      }
      Map<String, TreeMap<String, long[]>> byRule = new LinkedHashMap<>();
      List<String> other = new ArrayList<>();
      for (RuleInfo r : rules.rules()) {
        if (r.kind() == RuleKind.RECORD) {
          byRule.put(r.name(), new TreeMap<>());
        } else {
          other.add(r.name());
        }
      }
      for (String c : result.contributors()) {
        Statement s = result.statement(c);
        for (RecordLine line : s.records()) {
          for (Step step : line.creditSteps()) {
            TreeMap<String, long[]> touched = byRule.get(step.ruleId());
            if (touched != null) {
              long[] sum = touched.computeIfAbsent(c, k -> new long[2]);
              sum[0] += creditOf(line, step);
              sum[1]++;
            }
          }
        }
      }
      StringBuilder sb = new StringBuilder();
      sb.append("  rules from ").append(String.join(", ", names)).append(": ").append(byRule.size())
          .append(byRule.size() == 1 ? " record rule" : " record rules").append(" applied to credit\n");
      for (Map.Entry<String, TreeMap<String, long[]>> e : byRule.entrySet()) {
        long total = 0;
        long records = 0;
        for (long[] v : e.getValue().values()) {
          total += v[0];
          records += v[1];
        }
        sb.append("    ").append(e.getKey()).append(": ").append(records)
            .append(records == 1 ? " record of " : " records of ")
            .append(e.getValue().size()).append(e.getValue().size() == 1 ? " contributor, " : " contributors, ")
            .append(signed(total)).append(" credit\n");
        int n = 0;
        for (Map.Entry<String, long[]> c : e.getValue().entrySet()) {
          if (n++ == LISTED) {
            sb.append("      … ").append(e.getValue().size() - LISTED)
                .append(" more (statements.csv lists every step)\n");
            break;
          }
          sb.append("      ").append(c.getKey()).append(' ').append(signed(c.getValue()[0])).append(" credit (")
              .append(c.getValue()[1]).append(c.getValue()[1] == 1 ? " record)\n" : " records)\n");
        }
      }
      if (!other.isEmpty()) {
        RuledCycle ruled = runner.ruled(result).orElse(null);
        sb.append("    ").append(other.size()).append(other.size() == 1 ? " contributor, working-group or pair rule"
            : " contributor, working-group and pair rules").append(" applied after a first pass (second pass with"
            + " their credit changes)\n");
        for (String rule : other) {
          List<String> lines = new ArrayList<>();
          if (ruled != null) {
            for (int i = 0; i < ruled.effects().size(); i++) {
              Effect e = ruled.effects().get(i);
              if (e.rule().equals(rule)) {
                lines.add(effectText(e, ruled.effectCredits().get(i)));
              }
            }
          }
          sb.append("    ").append(rule).append(": ").append(lines.isEmpty() ? "did not fire" : lines.size()
              + (lines.size() == 1 ? " effect" : " effects")).append('\n');
          int n = 0;
          for (String line : lines) {
            if (n++ == LISTED) {
              sb.append("      … ").append(lines.size() - LISTED).append(" more (kat explain shows each contributor's)\n");
              break;
            }
            sb.append("      ").append(line).append('\n');
          }
        }
      }
      return sb.toString();
    }

    /**
     * The lines about what the contributor, working-group and pair rules did to {@code contributor} in
     * {@code result}: one per effect, then the total credit they changed. Empty when none concerns them.
     */
    String contributorLines(CycleResult result, String contributor) {
      RuledCycle ruled = runner.ruled(result).orElse(null);
      if (ruled == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < ruled.effects().size(); i++) {
        Effect e = ruled.effects().get(i);
        if (e.subject().equals(contributor)) {
          sb.append("    ").append(e.rule()).append(": ").append(effectText(e, ruled.effectCredits().get(i))).append('\n');
        }
      }
      if (sb.length() == 0) {
        return "";
      }
      return "  rules:\n" + sb + "    credit changed by rules: " + signed(ruled.creditChange(contributor)) + "\n";
    }
  }

  /** One effect of a contributor, working-group or pair rule, e.g. {@code alice x1.1 on all credit: +3.4 credit (...)}. */
  static String effectText(Effect e, long credit) {
    String what = switch (e.kind()) {
      case MULTIPLY -> "x" + BigDecimal.valueOf(e.factor()).stripTrailingZeros().toPlainString() + " on "
          + (e.category().equals("*") ? "all" : e.category()) + " credit: " + signed(credit) + " credit";
      case GRANT -> "grants " + e.value();
      case FLAG -> "flag";
    };
    return e.subject() + " " + what + " (" + e.reason() + ")";
  }

  /**
   * The credit {@code step} added to {@code line} at the credit stage: the line's raw credit less what it would
   * be without this step, the other steps unchanged (as {@code kat rules} renders it).
   */
  static long creditOf(RecordLine line, Step step) {
    if (step.factor() <= 0) {
      return 0;
    }
    long without = BigDecimal.valueOf(line.rawCredit())
        .divide(BigDecimal.valueOf(step.factor()), 0, RoundingMode.HALF_EVEN).longValueExact();
    return line.rawCredit() - without;
  }

  private static String signed(long micros) {
    return (micros >= 0 ? "+" : "") + BigDecimal.valueOf(micros, 6).toPlainString();
  }

  private static List<String> texts(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(p -> out.add(p.toString()));
    return out;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "DaoRules%s", names);
  }
}
