package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/plugin-example compiles against kat-rules, loads through ServiceLoader and works in a policy. */
class PluginExampleTest {
  static final Path EXAMPLE = Path.of("..", "examples", "plugin-example");

  @Test
  void examplePlugin_compilesLoadsAndPlugsIntoAPolicy(@TempDir Path out) throws IOException, InterruptedException {
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    List<String> args = new ArrayList<>(List.of(javac, "--release", "17", "-Xlint:all", "-Werror",
        "--module-path", System.getProperty("jdk.module.path"), "-d", out.toString()));
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
      files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
    }
    Process p0 = new ProcessBuilder(args).redirectErrorStream(true).start();
    String log = new String(p0.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p0.waitFor(), log);

    ModuleLayer parent = PolicyReader.class.getModule().getLayer();
    Configuration cf = parent.configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(),
        Set.of("dev.kat.example.plugin"));
    ModuleLayer layer = parent.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    ComponentRegistry registry = ComponentRegistry.discover(layer);
    assertEquals(Set.of("mentoring-bonus"), registry.creditRuleIds());
    assertEquals(Set.of("steady-contributor"), registry.privilegeRuleIds());
    assertTrue(registry.guardrailIds().contains("short-session"));

    ReadResult<PolicyDocument> r = PolicyReader.defaults().withRegistry(registry).read(EXAMPLE.resolve("policy.json"));
    assertEquals(List.of(), r.problems());
    Policy p = r.value().policy();
    assertEquals(List.of(CreditAdjustment.when("mentoring-bonus", "session_hosting", "dao_member", null, 1.2,
        "members mentoring in session_hosting")), p.adjustments());
    assertEquals("short-session{category=session_hosting, minMinutes=15.0}",
        p.guardrails().get(0).id() + p.guardrails().get(0).parameters());
    assertEquals("steady", p.privilegeRules().get(0).id());

    ReadResult<PolicyDocument> bad = PolicyReader.defaults().withRegistry(registry).read(
        PolicyReaderTest.minimal(",\n\"creditRules\": {\"mentoring-bonus\": {\"category\": \"sessions\", \"colour\": 1}}"),
        "p.json");
    assertEquals(List.of("p.json:4:36: $.creditRules.mentoring-bonus: parameter category (sessions) must name a"
        + " declared category"), bad.problems().stream().map(Problem::toString).collect(Collectors.toList()));
  }

  @Test
  void discover_bootLayer_findsNoPluginsButTheBuiltIns() {
    ComponentRegistry r = ComponentRegistry.discover(ModuleLayer.boot());
    assertEquals(ComponentRegistry.defaults().guardrailIds(), r.guardrailIds());
    assertEquals(Set.of(), r.creditRuleIds());
  }
}
