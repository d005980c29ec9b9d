package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps docs/policy-reference.md, the published schemas and the readers in step. */
class PolicyReferenceTest {
  static final Path DOCS = Path.of("..", "docs");
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode policySchema() throws IOException {
    return JSON.readTree(PolicyDocuments.policySchema());
  }

  static JsonNode frameworkSchema() throws IOException {
    return JSON.readTree(PolicyDocuments.frameworkSchema());
  }

  @Test
  void publishedSchemas_equalTheBundledOnes() throws IOException {
    assertEquals(PolicyDocuments.policySchema(),
        Files.readString(DOCS.resolve("schema/kat-policy-1.schema.json"), StandardCharsets.UTF_8));
    assertEquals(PolicyDocuments.frameworkSchema(),
        Files.readString(DOCS.resolve("schema/kat-framework-1.schema.json"), StandardCharsets.UTF_8));
  }

  @Test
  void reference_documentsExactlyThePolicySchemaFields() throws IOException {
    assertEquals(schemaPaths(policySchema()), documentedPaths("## Policy document", "## Framework document"));
  }

  @Test
  void reference_documentsExactlyTheFrameworkSchemaFields() throws IOException {
    assertEquals(schemaPaths(frameworkSchema()), documentedPaths("## Framework document", null));
  }

  @Test
  void readers_acceptExactlyTheSchemaFields() throws IOException {
    JsonNode p = policySchema();
    assertEquals(props(p), new TreeSet<>(PolicyReader.TOP));
    assertEquals(props(def(p, "category")), new TreeSet<>(PolicyReader.CATEGORY));
    assertEquals(props(def(p, "role")), new TreeSet<>(PolicyReader.ROLE));
    assertEquals(props(def(p, "modifier")), new TreeSet<>(PolicyReader.MODIFIER));
    assertEquals(props(def(p, "adjustment")), new TreeSet<>(PolicyReader.ADJUSTMENT));
    assertEquals(props(def(p, "caps")), new TreeSet<>(PolicyReader.CAPS));
    assertEquals(props(def(p, "cap")), new TreeSet<>(PolicyReader.CAP));
    assertEquals(props(def(p, "karma")), new TreeSet<>(PolicyReader.KARMA));
    assertEquals(props(def(p, "allocationShare")), new TreeSet<>(PolicyReader.ALLOCATION));
    assertEquals(props(def(p, "privilegeRule")), new TreeSet<>(PolicyReader.PRIVILEGE));
    assertEquals(props(def(p, "condition")), new TreeSet<>(PolicyReader.CONDITION));
    assertEquals(props(def(p, "goal")), new TreeSet<>(PolicyReader.GOAL));
    assertEquals(props(def(p, "exceptionLimits")), new TreeSet<>(PolicyReader.EXCEPTION_LIMITS));
    assertEquals(values(def(p, "metric").get("enum")), new TreeSet<>(PolicyReader.METRICS));
    assertEquals(values(def(p, "goal").get("properties").get("measure").get("enum")),
        new TreeSet<>(PolicyReader.MEASURES));
    assertEquals(values(def(p, "category").get("properties").get("unit").get("enum")),
        new TreeSet<>(PolicyReader.UNITS));
    assertEquals(values(def(p, "cap").get("properties").get("curve").get("enum")),
        new TreeSet<>(PolicyReader.CURVES));
    JsonNode f = frameworkSchema();
    assertEquals(props(f), new TreeSet<>(FrameworkReader.TOP));
    assertEquals(props(def(f, "range")), new TreeSet<>(FrameworkReader.RANGE));
  }

  @Test
  void schemas_acceptEveryExample() throws IOException {
    MiniSchemaValidator policies = new MiniSchemaValidator(policySchema());
    for (String dao : List.of("exchange-dao", "kat-tokenomics-dao", "cultural-creative-dao")) {
      JsonNode doc = JSON.readTree(PolicyReaderTest.EXAMPLES.resolve(dao).resolve("policy.json").toFile());
      assertEquals(List.of(), policies.validate(doc), dao);
    }
    JsonNode fw = JSON.readTree(PolicyReaderTest.EXAMPLES.resolve("framework.json").toFile());
    assertEquals(List.of(), new MiniSchemaValidator(frameworkSchema()).validate(fw));
  }

  @Test
  void schema_rejectsWhatTheReaderRejects() throws IOException {
    MiniSchemaValidator v = new MiniSchemaValidator(policySchema());
    String[] bad = {
      PolicyReaderTest.minimal(", \"colour\": 1"),
      PolicyReaderTest.minimal(", \"budget\": 1.5").replace("\"budget\": 100,", ""),
      PolicyReaderTest.minimal(", \"caps\": {\"perDay\": {\"soft\": 0}}"),
      PolicyReaderTest.minimal(", \"modifiers\": {\"m\": {\"attribute\": \"a\", \"curve\": [[1]]}}"),
      PolicyReaderTest.minimal(", \"allocation\": [{\"policy\": \"recent\", \"weight\": 0}]"),
      PolicyReaderTest.minimal(", \"creditDiscount\": 1"),
    };
    for (String text : bad) {
      assertFalse(v.validate(JSON.readTree(text)).isEmpty(), text);
      assertFalse(PolicyReader.defaults().read(text, "p.json").ok(), text);
    }
    String good = PolicyReaderTest.minimal("");
    assertEquals(List.of(), v.validate(JSON.readTree(good)));
    assertTrue(PolicyReader.defaults().read(good, "p.json").ok());
  }

  private static JsonNode def(JsonNode schema, String name) {
    return schema.get("$defs").get(name);
  }

  private static SortedSet<String> props(JsonNode s) {
    TreeSet<String> out = new TreeSet<>();
    s.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static SortedSet<String> values(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Every documented path: fields from the root ($.a.b, $.map.*, $.list[]), following a $ref that is used
   * once as if inline and naming a $def used more than once by its own name (cap, cap.soft).
   */
  static SortedSet<String> schemaPaths(JsonNode schema) {
    Map<String, Integer> refs = new HashMap<>();
    countRefs(schema, refs);
    TreeSet<String> out = new TreeSet<>();
    walk(schema, schema, "$", refs, out);
    for (Map.Entry<String, Integer> e : refs.entrySet()) {
      if (e.getValue() > 1) {
        out.add(e.getKey());
        walk(schema, def(schema, e.getKey()), e.getKey(), refs, out);
      }
    }
    return out;
  }

  private static void countRefs(JsonNode n, Map<String, Integer> refs) {
    if (n.isObject()) {
      if (n.has("$ref")) {
        refs.merge(n.get("$ref").asText().substring("#/$defs/".length()), 1, Integer::sum);
      }
      n.elements().forEachRemaining(c -> countRefs(c, refs));
    } else if (n.isArray()) {
      n.elements().forEachRemaining(c -> countRefs(c, refs));
    }
  }

  private static void walk(JsonNode root, JsonNode s, String path, Map<String, Integer> refs, Set<String> out) {
    if (s.has("$ref")) {
      String name = s.get("$ref").asText().substring("#/$defs/".length());
      if (refs.get(name) > 1) {
        return;
      }
      s = def(root, name);
    }
    if (s.has("properties")) {
      for (Map.Entry<String, JsonNode> e : s.get("properties").properties()) {
        out.add(path + "." + e.getKey());
        walk(root, e.getValue(), path + "." + e.getKey(), refs, out);
      }
    }
    JsonNode ap = s.get("additionalProperties");
    if (ap != null && ap.isObject()) {
      out.add(path + ".*");
      walk(root, ap, path + ".*", refs, out);
    }
    JsonNode items = s.get("items");
    if (items != null && items.isObject() && (items.has("$ref") || items.has("properties"))) {
      out.add(path + "[]");
      walk(root, items, path + "[]", refs, out);
    }
  }

  /** The backticked first cells of rows in "| field |" tables between two headings. */
  static SortedSet<String> documentedPaths(String from, String to) throws IOException {
    List<String> lines = Files.readAllLines(DOCS.resolve("policy-reference.md"), StandardCharsets.UTF_8);
    TreeSet<String> out = new TreeSet<>();
    boolean in = false;
    boolean fieldTable = false;
    for (String line : lines) {
      if (line.equals(from)) {
        in = true;
        continue;
      }
      if (to != null && line.equals(to)) {
        in = false;
      }
      if (!in) {
        continue;
      }
      if (line.startsWith("| field |")) {
        fieldTable = true;
      } else if (!line.startsWith("|")) {
        fieldTable = false;
      } else if (fieldTable && line.startsWith("| `")) {
        out.add(line.substring(3, line.indexOf('`', 3)));
      }
    }
    return out;
  }
}
