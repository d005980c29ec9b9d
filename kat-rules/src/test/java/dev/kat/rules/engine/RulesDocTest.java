package dev.kat.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import dev.kat.rules.policy.PolicyDocument;
import dev.kat.rules.policy.PolicyReader;
import dev.kat.rules.policy.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule in docs/rules.md loads, compiles and does what the page says; every mistake shown is reported as shown. */
class RulesDocTest {
  static final Path DOC = Path.of("..", "docs", "rules.md");

  /** The page's fenced blocks as [info string, body]. */
  static List<String[]> blocks() throws IOException {
    List<String[]> out = new ArrayList<>();
    String info = null;
    StringBuilder body = new StringBuilder();
    for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        if (info == null) {
          info = line.substring(3).trim();
          body.setLength(0);
        } else {
          out.add(new String[] {info, body.toString()});
          info = null;
        }
      } else if (info != null) {
        body.append(line).append('\n');
      }
    }
    return out;
  }

  @Test
  void goodExamples_loadAndCompileIntoTheExchangePolicyAsDocumented() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String[] b : blocks()) {
      if (b[0].equals("drl")) {
        files.put("example-" + files.size() + ".drl", b[1]);
      }
    }
    assertEquals(6, files.size());
    RuleSet rules = RuleFiles.parse(RuleSetTest.framework(), files).orElseThrow();
    PolicyDocument d = PolicyReader.defaults().withFramework(RuleSetTest.framework())
        .read(RuleSetTest.EXAMPLES.resolve("exchange-dao/policy.json")).orElseThrow();
    Policy p = rules.compile(d.policy(), d.workingGroups()).orElseThrow();
    List<CreditAdjustment> compiled = p.adjustments().subList(d.policy().adjustments().size(), p.adjustments().size());
    assertEquals(List.of(
        new CreditAdjustment("explorer-reflection", "session_participation", null, null, "reflectionWords", 150,
            Double.POSITIVE_INFINITY, 1.2, "a written reflection of 150 words or more"),
        CreditAdjustment.when("sdf-templates", "documentation", null, "sdf", 1.1,
            "session templates from the SDF WG are reused by every Guide"),
        new CreditAdjustment("mid-complexity", null, null, null, "complexity", Math.nextUp(2.0), Math.nextUp(5.0),
            1.5, "complexity above 2, up to 5")), compiled);
  }

  @Test
  void exampleRuleFile_holdsTheRulesThePageShows() throws IOException {
    String file = Files.readString(RuleSetTest.EXAMPLES.resolve("exchange-dao/rules.drl"), StandardCharsets.UTF_8);
    for (String[] b : blocks()) {
      if (b[0].equals("drl") && !b[1].contains("mid-complexity")) {
        assertTrue(file.contains(b[1]), b[1]);
      }
    }
  }

  @Test
  void badExamples_reportExactlyTheProblemsShown() throws IOException {
    List<String[]> blocks = blocks();
    int checked = 0;
    for (int i = 0; i + 1 < blocks.size(); i++) {
      if (blocks.get(i)[0].equals("drl bad")) {
        List<String> problems = RuleFiles.parse(RuleSetTest.framework(), "rules.drl", blocks.get(i)[1]).problems()
            .stream().map(Problem::toString).collect(Collectors.toList());
        assertEquals(blocks.get(i + 1)[1].lines().collect(Collectors.toList()), problems);
        checked++;
      }
    }
    assertEquals(2, checked);
  }
}
