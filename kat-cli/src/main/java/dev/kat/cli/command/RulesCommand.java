package dev.kat.cli.command;

import dev.kat.cli.ExitCode;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.engine.Rejection;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.engine.RuleFiles;
import dev.kat.rules.engine.RuleInfo;
import dev.kat.rules.engine.RuleSet;
import dev.kat.rules.engine.RuledCycle;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kat rules}: checks a DAO's rule files against its policy and the framework, shows what the record
 * rules compile into, and runs the cycle with the rules to show which rule changed whose recognition.
 */
final class RulesCommand implements Command {

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public String summary() {
    return "check the DAO's rule files and show what each rule does in the cycle";
  }

  @Override
  public String synopsis() {
    return "[options] <dao-dir>";
  }

  @Override
  public String description() {
    return """
        Loads the rule files (docs/rules.md) -- by default <dao-dir>/*.drl -- and reports every
        problem with file and line: syntax, unknown fields, anything outside the allowed rule language,
        factors outside the framework's bounds, names the policy does not declare. Then shows the credit
        adjustments the record rules compile into, runs the cycle with the rules and lists, for every
        contributor they touch, each rule and the credit it added or removed. Writes nothing.

        Exit status 0 when the rules are valid, 3 when they are not.""";
  }

  @Override
  public List<Option> options() {
    List<Option> out = new ArrayList<>(DaoInputs.options());
    out.add(Option.values("rules", "FILE", "a rule file (default: <dao-dir>/*.drl)"));
    return out;
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    DaoInputs in = DaoInputs.resolve(args.positional(0, "<dao-dir>"), args, t);
    List<Path> files = ruleFiles(in, args, t);
    CycleJob.JobResult job = CycleJob.run(in, PriorState.empty(), t);
    Framework framework = in.framework() == null ? Framework.permissive()
        : dev.kat.rules.policy.PolicyDocuments.readFramework(in.framework()).orElseThrow();
    ReadResult<RuleSet> loaded = RuleFiles.load(framework, files);
    if (!loaded.ok()) {
      throw new InputException("the rule files have problems", texts(loaded.problems()));
    }
    RuleSet rules = loaded.value();
    ReadResult<Policy> compiled = rules.compile(job.document().policy(), job.document().workingGroups());
    if (!compiled.ok()) {
      throw new InputException("the rules do not fit the policy " + in.policy(), texts(compiled.problems()));
    }
    t.out().println(rules.rules().size() + " rules from " + files + " (within " + framework.id() + "), in firing order:");
    for (RuleInfo r : rules.rules()) {
      t.out().println(String.format(Locale.ROOT, "  %-28s %-13s salience %-4d %s:%d", r.name(),
          r.kind().name().toLowerCase(Locale.ROOT), r.salience(), r.source(), r.line()));
    }
    Policy policy = compiled.value();
    List<CreditAdjustment> added =
        policy.adjustments().subList(job.document().policy().adjustments().size(), policy.adjustments().size());
    t.out().println("record rules compiled into " + added.size() + " credit adjustments:");
    for (CreditAdjustment a : added) {
      t.out().println("  " + a.ruleId() + ": " + describe(a));
    }
    KatEngine engine = KatEngine.of(policy);
    CycleResult first = job.result();
    ContributionBatch.Builder b = engine.newBatch(first.cycle());
    for (int row = 0; row < first.batch().rows(); row++) {
      b.add(first.batch().record(row));
    }
    for (Rejection r : first.rejections()) {
      b.add(r.record());
    }
    RuledCycle out = rules.run(engine, b.build(), PriorState.empty(), Overrides.none(), List.of());
    int touched = 0;
    for (String c : out.result().contributors()) {
      String text = out.render(c);
      int at = text.indexOf("record rules:\n");
      if (at < 0) {
        at = text.indexOf("rules:\n");
      }
      if (at >= 0) {
        touched++;
        t.out().println(c + ":");
        for (String line : text.substring(at).split("\n")) {
          t.out().println("  " + line);
        }
      }
    }
    t.out().println("cycle " + out.result().cycle().id() + ": rules touched " + touched + " of "
        + out.result().contributors().size() + " contributors; " + out.effects().size() + " contributor,"
        + " working-group and pair effects");
    return ExitCode.OK;
  }

  private static String describe(CreditAdjustment a) {
    List<String> parts = new ArrayList<>();
    parts.add("category " + (a.category() == null ? "any" : a.category()));
    parts.add("role " + (a.role() == null ? "any" : a.role()));
    parts.add("working group " + (a.workingGroup() == null ? "any" : a.workingGroup()));
    if (a.attribute() != null) {
      parts.add(a.attribute() + " in [" + a.attributeMin() + ", " + a.attributeMax() + ")");
    }
    return String.join(", ", parts) + ": x" + a.factor();
  }

  private static List<Path> ruleFiles(DaoInputs in, Args args, Terminal t) throws InputException, IOException {
    List<Path> files = new ArrayList<>();
    for (String r : args.values("rules")) {
      files.add(t.resolve(r));
    }
    if (files.isEmpty() && in.dir() != null && Files.isDirectory(in.dir())) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(in.dir(), "*.drl")) {
        for (Path p : ds) {
          files.add(p);
        }
      }
      files.sort((a, c) -> a.getFileName().toString().compareTo(c.getFileName().toString()));
    }
    if (files.isEmpty()) {
      throw new InputException("no rule files", List.of(in.dir() + ": no *.drl file; give --rules FILE"));
    }
    return files;
  }

  private static List<String> texts(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.forEach(p -> out.add(p.toString()));
    return out;
  }
}
