package dev.kat.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kat.core.sim.Parameters;
import dev.kat.core.sim.Simulation;
import dev.kat.rules.policy.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentDocumentTest {

  static final String POLICY = "{\"format\":\"kat-policy/1\",\"id\":\"p\",\"categories\":{"
      + "\"session_hosting\":{\"baseCredit\":10,\"unit\":\"per_hour\"},"
      + "\"documentation\":{\"baseCredit\":3,\"unit\":\"per_record\"},"
      + "\"review\":{\"baseCredit\":0.5,\"unit\":\"per_record\"}},"
      + "\"roles\":{\"dao_member\":{\"weight\":1,\"external\":false}},"
      + "\"guardrails\":{\"pairwise-reciprocity\":{\"m\":\"${m}\"}},\"budget\":1000}";

  static String doc(String population) {
    return "{\"format\":\"kat-experiment/1\",\"name\":\"t\",\"masterSeed\":7,\"runs\":2,\"cycles\":2,"
        + "\"sweep\":{\"m\":[20,40],\"guards\":[\"off\",\"on\"]},\"policy\":" + POLICY + ","
        + "\"policyPatches\":{\"guards\":{\"off\":{\"guardrails\":null}}},"
        + "\"population\":" + population + "}";
  }

  private static ExperimentDocument.Result read(String text) {
    return ExperimentDocument.read(text, "exp.json", Path.of("."));
  }

  @Test
  void read_validDocument_buildsEveryGridPoint() {
    ExperimentDocument.Result r = read(doc("[{\"strategy\":\"honest\",\"agents\":5},"
        + "{\"strategy\":\"collusion-ring\",\"agents\":1,\"size\":3,\"intensity\":2}]"));
    assertEquals(List.of(), r.problems());
    ExperimentDocument d = r.document();
    assertEquals(4, d.experiment().points().size());
    assertEquals("m", d.x());
    Simulation off = d.experiment().simulation(Parameters.none().with("m", 20).with("guards", "off"));
    Simulation on = d.experiment().simulation(Parameters.none().with("m", 40).with("guards", "on"));
    assertEquals(0, off.policy().guardrails().size());
    assertEquals("{m=40.0, reciprocalReviews=true}", on.policy().guardrails().get(0).parameters().toString());
    assertTrue(d.metrics().contains("share.collusion-ring"));
  }

  @Test
  void read_problems_allReportedWithPaths() {
    ExperimentDocument.Result r = read("{\"format\":\"kat-experiment/2\",\"name\":\"a b\",\"runs\":0,\"bogus\":1,"
        + "\"policy\":" + POLICY.replace("${m}", "50") + ",\"population\":[{\"strategy\":\"wizard\"}]}");
    assertNull(r.document());
    List<String> paths = r.problems().stream().map(Problem::path).toList();
    assertTrue(paths.containsAll(List.of("$.bogus", "$.format", "$.name", "$.runs", "$.population[0]")), paths.toString());
    assertTrue(r.problems().stream().anyMatch(p -> p.message().startsWith("unknown strategy 'wizard'")));
  }

  @Test
  void read_badPolicyAtOnePoint_namesThePoint() {
    String text = doc("[{\"strategy\":\"honest\",\"agents\":5}]").replace("[20,40]", "[20,-1]");
    ExperimentDocument.Result r = read(text);
    assertNull(r.document());
    assertTrue(r.problems().get(0).message().contains("(at m=-1;guards=on)"), r.problems().toString());
  }

  @Test
  void read_notJson_reportsLine() {
    ExperimentDocument.Result r = read("{\n\"format\": }");
    assertEquals(1, r.problems().size());
    assertEquals(2, r.problems().get(0).line());
  }

  @Test
  void substitute_wholeStringPlaceholder_becomesNumberOrText() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode n = m.readTree("{\"a\":\"${x}\",\"b\":[\"${y}\",\"${z}\"],\"c\":\"x${x}\"}");
    JsonNode s = ExperimentDocument.substitute(n, Parameters.none().with("x", 4).with("y", "on").with("z", 0.5));
    assertEquals("{\"a\":4,\"b\":[\"on\",0.5],\"c\":\"x${x}\"}", s.toString());
  }

  @Test
  void mergePatch_rfc7386() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode t = m.readTree("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}");
    JsonNode p = m.readTree("{\"a\":\"z\",\"c\":{\"f\":null}}");
    assertEquals("{\"a\":\"z\",\"c\":{\"d\":\"e\"}}", ExperimentDocument.mergePatch(t, p).toString());
    assertEquals("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"}}", t.toString());
  }

  @Test
  void read_shippedCollusionRingStudy_hasNoProblems() {
    ExperimentDocument.Result r = ExperimentDocument.read(Path.of("..", "examples", "simulation", "collusion-ring.json"));
    assertEquals(List.of(), r.problems());
    assertNotNull(r.document());
    assertEquals(16, r.document().experiment().points().size());
    assertEquals(100, r.document().experiment().runs());
  }

  @Test
  void schema_declaresExactlyTheFieldsTheReaderAccepts() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "schema", "kat-experiment-1.schema.json").toFile());
    java.util.Set<String> top = new java.util.TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(top::add);
    assertEquals(new java.util.TreeSet<>(ExperimentDocument.TOP), top);
    java.util.Set<String> group = new java.util.TreeSet<>();
    schema.path("properties").path("population").path("items").path("properties").fieldNames()
        .forEachRemaining(group::add);
    assertEquals(new java.util.TreeSet<>(ExperimentDocument.GROUP), group);
    java.util.Set<String> behaviour = new java.util.TreeSet<>();
    schema.path("properties").path("behaviour").path("properties").fieldNames().forEachRemaining(behaviour::add);
    assertEquals(new java.util.TreeSet<>(ExperimentDocument.BEHAVIOUR), behaviour);
  }
}
