package dev.kat.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Range;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Loading rule files: syntax errors, unknown fields, the restricted language and framework bounds. */
class RuleFilesTest {
  static final Framework BOUNDS = new Framework("f", Range.ANY, Range.ANY, Range.ANY, Range.of(0, 2),
      Double.POSITIVE_INFINITY, Range.ANY, Range.ANY, new TreeSet<>(), new TreeSet<>());

  static List<String> problems(String text) {
    ReadResult<RuleSet> r = RuleFiles.parse(BOUNDS, "r.drl", text);
    return r.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }

  @Test
  void parse_validRules_listsThemInFiringOrder() {
    ReadResult<RuleSet> r = RuleFiles.parse(BOUNDS, "r.drl",
        "rule \"b\"\nwhen\n  $c : Contribution(category == \"x\")\nthen\n  $c.multiply(1.5, \"why\");\nend\n"
            + "rule \"a\"\nwhen\n  $c : Contribution(role == \"y\")\nthen\n  $c.multiply(0.5, \"why\");\nend\n"
            + "rule \"z\" salience 5\nwhen\n  $p : Contributor(credit > 10)\nthen\n  $p.flag(\"busy\");\nend\n");
    assertTrue(r.ok(), r.problems()::toString);
    assertEquals(List.of("z", "a", "b"), r.value().rules().stream().map(RuleInfo::name).collect(Collectors.toList()));
    assertEquals(new RuleInfo("z", RuleKind.CONTRIBUTOR, 5, "r.drl", 13), r.value().rules().get(0));
  }

  @Test
  void parse_syntaxError_reportsFileAndLine() {
    List<String> p = problems("rule \"broken\"\nwhen\n  $c : Contribution(category == \"x\"\nthen\n"
        + "  $c.multiply(2.0, \"r\");\nend\n");
    assertEquals(1, p.size(), p::toString);
    assertTrue(p.get(0).startsWith("r.drl:4:0: syntax: "), p.get(0));
  }

  @Test
  void parse_unknownFieldMethodAndAction_reportedWithLines() {
    List<String> p = problems(
        "rule \"a\"\nwhen\n  $c : Contribution(colour == \"red\")\nthen\n  $c.multiply(1.1, \"r\");\nend\n"
            + "rule \"b\"\nwhen\n  $c : Contributor(karma(\"x\") > 1)\nthen\n  $c.flag(\"r\");\nend\n"
            + "rule \"c\"\nwhen\n  $c : Contributor(credit > 1)\nthen\n  $c.bonus(5);\nend\n");
    assertEquals(List.of(
        "r.drl:3:0: rule 'a': unknown field 'colour' of Contribution; known: category, role, workingGroup",
        "r.drl:9:0: rule 'b': unknown method 'karma' of Contributor; known: count, credit, distinct, hours, streak",
        "r.drl:17:0: rule 'c': unknown action 'bonus' of Contributor; known: flag, grant, multiply"), p);
  }

  @Test
  void parse_factorOutsideFramework_reportedWithLineAndRange() {
    List<String> p = problems("rule \"greedy\"\nwhen\n  $c : Contribution(category == \"x\")\nthen\n"
        + "  $c.multiply(3, \"r\");\nend\n"
        + "rule \"greedy2\"\nwhen\n  $c : Contributor(credit > 0)\nthen\n  $c.multiply(\"*\", 2.5, \"r\");\nend\n");
    assertEquals(List.of(
        "r.drl:5:0: rule 'greedy': multiplies by 3.0, outside the allowed range [0.0, 2.0] (framework f)",
        "r.drl:11:0: rule 'greedy2': multiplies by 2.5, outside the allowed range [0.0, 2.0] (framework f)"), p);
  }

  @Test
  void parse_arbitraryJava_isRefused() {
    List<String> p = problems("import java.nio.file.Files;\n"
        + "global java.util.List out;\n"
        + "function int twice(int x) { return 2 * x; }\n"
        + "rule \"sneaky\" no-loop\nwhen\n  $c : Contribution(category == \"x\")\nthen\n"
        + "  java.lang.System.setProperty(\"pwned\", \"yes\");\nend\n"
        + "rule \"dotted\"\nwhen\n  $c : Contribution(category.length() > 1)\nthen\n  $c.multiply(1, \"r\");\nend\n"
        + "rule \"joined\"\nwhen\n  $c : Contribution()\n  $d : Contributor()\nthen\n  $c.multiply(1, \"r\");\nend\n");
    assertEquals(List.of(
        "r.drl:1:0: import: import of java.nio.file.Files is not allowed; rule files see only Contribution,"
            + " Contributor, WorkingGroup and Pair, which need no import",
        "r.drl:2:0: global: global is not allowed in rule files",
        "r.drl:3:0: function: function is not allowed in rule files",
        "r.drl:4:0: rule 'sneaky': attribute 'no-loop' is not allowed; only salience",
        "r.drl:8:0: rule 'sneaky': a consequence may only call the matched fact's actions, e.g."
            + " $c.multiply(1.2, \"reason\"); found 'java'",
        "r.drl:12:0: rule 'dotted': '.' is not allowed in a condition; use the fact's fields and methods, literals"
            + " and operators",
        "r.drl:16:0: rule 'joined': a rule must have exactly one pattern: Contribution(...), Contributor(...),"
            + " WorkingGroup(...) or Pair(...)"), p);
    assertNull(System.getProperty("pwned"));
  }

  @Test
  void parse_recordRuleTestingTwoAttributes_isRefused() {
    List<String> p = problems("rule \"two\"\nwhen\n  $c : Contribution(attr(\"a\") > 1, attr(\"b\") < 2)\nthen\n"
        + "  $c.multiply(1.5, \"r\");\nend\n");
    assertEquals(List.of("r.drl:3:0: rule 'two': a record rule may test one attribute; it tests a and b"
        + " (use a modifier curve for the other)"), p);
  }

  @Test
  void parse_duplicateRuleNamesAcrossFiles_reported() {
    String rule = "rule \"same\"\nwhen\n  $c : Contribution()\nthen\n  $c.multiply(1.5, \"r\");\nend\n";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.drl", rule);
    files.put("b.drl", rule);
    List<String> p = RuleFiles.parse(BOUNDS, files).problems().stream().map(Problem::toString)
        .collect(Collectors.toList());
    assertEquals(List.of("b.drl:1:0: rule 'same': a rule with this name is already defined at a.drl:1"), p);
  }

  @Test
  void parse_attributeComparedWithArithmetic_isRefused() {
    List<String> p = problems("rule \"sum\"\nwhen\n  $c : Contribution(attr(\"a\") > 10 + 5)\nthen\n"
        + "  $c.multiply(1.5, \"r\");\nend\n"
        + "rule \"scaled\"\nwhen\n  $c : Contribution(2 * 3 < attr(\"a\"))\nthen\n  $c.multiply(1.5, \"r\");\nend\n"
        + "rule \"negative\"\nwhen\n  $c : Contribution(-3 <= attr(\"a\"))\nthen\n  $c.multiply(1.5, \"r\");\nend\n");
    assertEquals(List.of(
        "r.drl:3:0: rule 'sum': compare attr(\"a\") directly with a number, e.g. attr(\"a\") >= 3",
        "r.drl:9:0: rule 'scaled': compare attr(\"a\") directly with a number, e.g. attr(\"a\") >= 3"), p);
  }
}
