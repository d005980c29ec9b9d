package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cycle commands apply the DAO directory's rule files and say which rule changed whose credit. */
class CycleRulesTest {
  /* elena.popescu's record D-2025 (documentation, working group sdf) earns 3.9375 credit without the rule;
     x1.5 makes it 5.90625: +1.96875. */
  private static final String BONUS = "rule \"sdf-bonus\"\nwhen\n"
      + "  $c : Contribution(category == \"documentation\", workingGroup == \"sdf\")\nthen\n"
      + "  $c.multiply(1.5, \"templates reused by every Guide\");\nend\n";

  private static Path dao(Path tmp, String rules) throws IOException {
    Path dao = tmp.resolve("dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    Files.copy(Path.of(Cli.EXAMPLE, "contributions.csv"), dao.resolve("contributions.csv"));
    Files.writeString(dao.resolve("bonus.drl"), rules, StandardCharsets.UTF_8);
    return dao;
  }

  @Test
  void run_ruleFileInDaoDir_summaryAndStatementsShowTheRuleAndCreditChange(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, BONUS);
    Path out = tmp.resolve("out");
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--out", out.toString());
    assertEquals(ExitCode.OK, c.exit, c::toString);
    assertTrue(c.out.contains("  rules from bonus.drl: 1 record rule applied to credit\n"
        + "    sdf-bonus: 3 records of 3 contributors, +7.281250 credit\n"
        + "      elena.popescu +1.968750 credit (1 record)\n"), c.out);
    String statements = Files.readString(out.resolve("statements.csv"), StandardCharsets.UTF_8);
    assertTrue(statements.contains("elena.popescu,D-2025,documentation,5.906250,5.906250,"), statements);
    assertTrue(statements.contains("credit sdf-bonus ×1.5 (templates reused by every Guide)"), statements);
    String page = Files.readString(out.resolve("statements").resolve("elena.popescu.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("<code>sdf-bonus</code></td><td class=\"n\">×1.5</td>"
        + "<td>templates reused by every Guide (+1.97 credit)</td>"), page);
    assertTrue(Files.readString(out.resolve("result.json"), StandardCharsets.UTF_8).contains("\"rule\" : \"sdf-bonus\""),
        "result.json lists the rule among the record's credit steps");
  }

  @Test
  void run_noRules_leavesTheDirectorysRuleFilesOut(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, BONUS);
    Path out = tmp.resolve("out");
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--no-rules", "--out", out.toString());
    assertEquals(ExitCode.OK, c.exit, c::toString);
    assertFalse(c.out.contains("rules from"), c.out);
    String statements = Files.readString(out.resolve("statements.csv"), StandardCharsets.UTF_8);
    assertTrue(statements.contains("elena.popescu,D-2025,documentation,3.937500,3.937500,"), statements);
    assertFalse(statements.contains("sdf-bonus"), statements);
  }

  @Test
  void run_rulesOption_replacesTheDirectoryFileOfTheSameName(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, BONUS);
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("bonus.drl"), BONUS.replace("sdf-bonus", "sdf-half").replace("1.5", "0.5"),
        StandardCharsets.UTF_8);
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--rules", other.resolve("bonus.drl").toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(ExitCode.OK, c.exit, c::toString);
    assertTrue(c.out.contains("      elena.popescu -1.968750 credit (1 record)\n"), c.out);
    assertFalse(c.out.contains("sdf-bonus"), c.out);
  }

  @Test
  void run_badRuleFile_reportsFileAndLineAndExitsWithInvalidInput(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, BONUS.replace("workingGroup ==", "colour =="));
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString());
    assertEquals(ExitCode.INVALID_INPUT, c.exit, c::toString);
    assertTrue(c.err.contains(dao.resolve("bonus.drl") + ":3:0: rule 'sdf-bonus': unknown field 'colour' of Contribution"),
        c.err);
    assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when the rules are invalid");
  }

  @Test
  void explain_ruleFileInDaoDir_statementShowsTheRule(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, BONUS);
    Cli c = Cli.run("explain", dao.toString(), "elena.popescu", "--no-framework");
    assertEquals(ExitCode.OK, c.exit, c::toString);
    assertTrue(c.out.contains("    credit sdf-bonus ×1.5 (templates reused by every Guide)\n"), c.out);
  }

  @Test
  void rulesDoc_walkthroughShowsThisRuleAndSummary() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains("```drl walkthrough\n" + BONUS + "```\n"), "docs/rules.md shows the rule file tested here");
    assertTrue(doc.contains("     rules from bonus.drl: 1 record rule applied to credit\n"
        + "       sdf-bonus: 3 records of 3 contributors, +7.281250 credit\n"
        + "         elena.popescu +1.968750 credit (1 record)\n"), "docs/rules.md shows the summary tested here");
  }

  /* elena.popescu's only documentation record, D-2025, earns 3.9375 credit: x2 on her documentation credit
     adds 3.9375 to her credit in the second pass. */
  private static final String DOCS = "rule \"docs-double\"\nwhen\n"
      + "  $c : Contributor(id == \"elena.popescu\", count(\"documentation\") >= 1)\nthen\n"
      + "  $c.multiply(\"documentation\", 2.0, \"guides translated this month\");\n"
      + "  $c.grant(\"translator\", \"translated a session guide\");\nend\n";

  /** The credit column of contributors.csv. */
  private static final int CREDIT_COLUMN = 2;

  private static long creditMicros(String out, String who) throws IOException {
    for (String line : Files.readAllLines(Path.of(out).resolve("contributors.csv"), StandardCharsets.UTF_8)) {
      if (line.startsWith(who + ",")) {
        return new java.math.BigDecimal(line.split(",")[CREDIT_COLUMN]).movePointRight(6).longValueExact();
      }
    }
    throw new AssertionError(who + " not in contributors.csv");
  }

  @Test
  void run_contributorRule_changesTheContributorsCreditByTheRulesEffect(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, DOCS);
    Cli without = Cli.run("run", dao.toString(), "--no-framework", "--no-rules", "--out", tmp.resolve("a").toString());
    Cli with = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("b").toString());
    Cli streamed = Cli.run("run", dao.toString(), "--no-framework", "--stream", "--out", tmp.resolve("c").toString());
    assertEquals(ExitCode.OK, with.exit, with::toString);
    assertEquals(3_937_500L, creditMicros(tmp.resolve("b").toString(), "elena.popescu")
        - creditMicros(tmp.resolve("a").toString(), "elena.popescu"), with.out);
    assertEquals(creditMicros(tmp.resolve("b").toString(), "elena.popescu"),
        creditMicros(tmp.resolve("c").toString(), "elena.popescu"), streamed.out);
    assertTrue(with.out.contains("    docs-double: 2 effects\n"
        + "      elena.popescu grants translator (translated a session guide)\n"
        + "      elena.popescu x2 on documentation credit: +3.937500 credit (guides translated this month)\n"), with.out);
    assertFalse(with.out.contains("not applied by this command"), with.out);
  }

  @Test
  void finalize_contributorRule_ledgerReplaysWithTheRulesAndExplainShowsThem(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, DOCS);
    Cli f = Cli.run("finalize", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString());
    assertEquals(ExitCode.OK, f.exit, f::toString);
    Cli e = Cli.run("explain", dao.toString(), "elena.popescu", "--no-framework");
    assertEquals(ExitCode.OK, e.exit, e::toString);
    assertTrue(e.out.contains("(finalized"), e.out);
    assertTrue(e.out.contains("  rules:\n"
        + "    docs-double: elena.popescu grants translator (translated a session guide)\n"
        + "    docs-double: elena.popescu x2 on documentation credit: +3.937500 credit (guides translated this month)\n"
        + "    credit changed by rules: +3.937500\n"), e.out);
    Cli noRules = Cli.run("explain", dao.toString(), "elena.popescu", "--no-framework", "--no-rules");
    assertFalse(noRules.exit == ExitCode.OK, "a ledger finalized with the rule does not replay without it: " + noRules);
  }
}
