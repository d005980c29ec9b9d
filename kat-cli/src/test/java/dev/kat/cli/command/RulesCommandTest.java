package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

  @Test
  void rules_example_listsRulesAdjustmentsAndWhomTheyTouched() {
    Cli c = Cli.run("rules", Cli.EXAMPLE);
    assertEquals(ExitCode.OK, c.exit, c::toString);
    assertTrue(c.out.startsWith("5 rules from "), c.out);
    assertTrue(c.out.contains("  guide-three-cultures         contributor   salience 30  "), c.out);
    assertTrue(c.out.contains("record rules compiled into 2 credit adjustments:\n"
        + "  explorer-reflection: category session_participation, role any, working group any, reflectionWords"
        + " in [150.0, Infinity): x1.2\n"
        + "  sdf-templates: category documentation, role any, working group sdf: x1.1\n"), c.out);
    assertTrue(c.out.contains("cycle 2026-10: rules touched "), c.out);
  }

  @Test
  void rules_badRuleFile_reportsFileAndLine(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("rules.drl");
    Files.writeString(bad, "rule \"greedy\"\nwhen\n  $c : Contribution(colour == \"red\")\nthen\n"
        + "  $c.multiply(3, \"r\");\nend\n", StandardCharsets.UTF_8);
    Cli c = Cli.run("rules", Cli.EXAMPLE, "--rules", bad.toString());
    assertEquals(ExitCode.INVALID_INPUT, c.exit, c::toString);
    assertTrue(c.err.contains(bad + ":3:0: rule 'greedy': unknown field 'colour' of Contribution"), c.err);
    assertTrue(c.err.contains(bad + ":5:0: rule 'greedy': multiplies by 3.0, outside the allowed range [0.0, 2.0]"),
        c.err);
  }
}
