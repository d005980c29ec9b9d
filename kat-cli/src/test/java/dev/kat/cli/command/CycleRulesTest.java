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
}
