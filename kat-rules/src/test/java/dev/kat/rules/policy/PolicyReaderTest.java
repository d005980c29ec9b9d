package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Diminishing;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {
  static final Path EXAMPLES = Path.of("..", "examples");

  static Framework cohort() {
    return FrameworkReader.read(EXAMPLES.resolve("framework.json")).orElseThrow();
  }

  static String minimal(String extra) {
    return "{\"format\": \"kat-policy/1\", \"id\": \"t\", \"budget\": 100,\n"
        + "\"roles\": {\"dao_member\": {\"weight\": 1}},\n"
        + "\"categories\": {\"documentation\": {\"baseCredit\": 5}}" + extra + "}";
  }

  static List<String> lines(ReadResult<?> r) {
    return r.problems().stream().map(Problem::toString).collect(Collectors.toList());
  }

  @Test
  void read_exchangeExample_conformsToCohortFramework() {
    ReadResult<PolicyDocument> r =
        PolicyReader.defaults().withFramework(cohort()).read(EXAMPLES.resolve("exchange-dao/policy.json"));
    assertEquals(List.of(), lines(r));
    Policy p = r.value().policy();
    assertEquals("exchange-dao/cohort-2", p.id());
    assertEquals("exchange-dao", p.dao());
    assertEquals(6, p.categories().size());
    CategorySpec hosting = p.categories().get("session_hosting");
    assertEquals(10.0, hosting.baseCredit());
    assertEquals(Unit.PER_HOUR, hosting.unit());
    assertTrue(hosting.evidenceRequired());
    assertEquals(1, hosting.minApprovals());
    assertEquals(Unit.PER_CURRENCY_UNIT, p.categories().get("regeneration").unit());
    assertEquals(7, p.roles().size());
    assertTrue(p.isEligible("session_hosting", "partner"));
    assertFalse(p.isEligible("governance", "partner"));
    assertFalse(p.isEligible("cross_dao_collaboration", "volunteer"));
    assertTrue(p.isEligible("cross_dao_collaboration", "dao_member"));
    assertEquals(4, p.modifiers().size());
    assertEquals(1.25, p.modifiers().get(0).curve().apply(3.0));
    assertEquals(2, p.adjustments().size());
    assertEquals("durationMinutes", p.adjustments().get(0).attribute());
    assertEquals(20.0, p.adjustments().get(0).attributeMax());
    assertEquals(Diminishing.SQRT, p.caps().perDay().curve());
    assertEquals(40.0, p.caps().forCategory("session_participation").hard());
    assertEquals(150.0, p.caps().forCategory("documentation").soft());
    assertEquals(400.0, p.caps().perCycle().hard());
    assertTrue(p.reviewQualityWeighting());
    assertEquals(0.2, p.karma().influence());
    assertEquals(10_000L, p.budget());
    assertEquals("immediate", p.allocation().get(0).policy().name());
    assertEquals(7, r.value().workingGroups().size());
    assertEquals("kat-cohort-2/1.0", r.value().framework());
  }

  @Test
  void read_malformedJson_reportsLineAndColumn() {
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read("{\n  \"format\": \"kat-policy/1\",\n  \"id\" \"x\"\n}", "p.json");
    assertEquals(1, r.problems().size());
    Problem p = r.problems().get(0);
    assertEquals(3, p.line());
    assertEquals(8, p.column());
    assertTrue(p.message().startsWith("malformed JSON: Unexpected character"), p.message());
  }

  @Test
  void read_truncatedJson_saysWhereTheObjectStartsWithoutParserInternals() {
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read("{\"format\": \"kat-policy/1\", \"id\": \"x\"", "p.json");
    assertEquals(1, r.problems().size());
    String m = r.problems().get(0).message();
    assertEquals("malformed JSON: Unexpected end-of-input: expected close marker for Object (it starts at line 1, "
        + "column 1)", m);
  }

  @Test
  void read_hugeNumberWhereAStringBelongs_isShownShort() {
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read("{\"format\": \"kat-policy/1\", \"id\": 1e999999}", "p.json");
    String m = r.problems().get(0).message();
    assertEquals("expected a string but found the number 1E+999999", m.replaceFirst("^expected [a-z ]*string", "expected a string"));
  }

  @Test
  void read_unknownFieldsWrongTypesAndMissingFields_reportsAllAtOnce() {
    String text = "{\"format\": \"kat-policy/1\", \"id\": \"t\",\n"
        + "\"roles\": {\"dao_member\": {\"wieght\": 1}},\n"
        + "\"categories\": {\"documentation\": {\"baseCredit\": \"five\", \"unit\": \"per_day\"}},\n"
        + "\"budget\": 10.5, \"colour\": \"red\"}";
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read(text, "p.json");
    assertEquals(List.of(
        "p.json:4:17: $.colour: unknown field 'colour'; allowed: $schema, adjustments, allocation, budget, caps,"
            + " categories, creditDiscount, creditRules, dao, description, exceptionLimits, format, framework, goals, guardrails, id, karma,"
            + " modifiers, privileges, reviewQualityWeighting, roles, workingGroups",
        "p.json:2:26: $.roles.dao_member.wieght: unknown field 'wieght' (did you mean 'weight'?); allowed:"
            + " description, external, weight",
        "p.json:2:25: $.roles.dao_member.weight: missing required field 'weight'",
        "p.json:3:48: $.categories.documentation.baseCredit: expected a number but found the string \"five\"",
        "p.json:3:64: $.categories.documentation.unit: expected one of per_currency_unit, per_hour, per_record but"
            + " found 'per_day'",
        "p.json:4:11: $.budget: expected an integer but found 10.5"), lines(r));
    assertFalse(r.ok());
  }

  @Test
  void read_duplicateKey_isReported() {
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read(minimal(", \"budget\": 7"), "p.json");
    assertEquals(List.of("p.json:3:53: $.budget: duplicate key 'budget'"), lines(r));
  }

  @Test
  void read_undeclaredReferences_areReportedWithPaths() {
    String extra = ",\n\"modifiers\": {\"m\": {\"attribute\": \"complexity\", \"categories\": [\"docs\"], \"curve\": [[1, 1], [1, 2]]}},"
        + "\n\"adjustments\": {\"a\": {\"role\": \"partner\", \"workingGroup\": \"x\", \"factor\": 2, \"reason\": \"r\"}},"
        + "\n\"workingGroups\": [\"sdf\"]";
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read(minimal(extra), "p.json");
    assertEquals(List.of(
        "p.json:4:63: $.modifiers.m.categories[0]: category 'docs' is not declared in $.categories",
        "p.json:4:91: $.modifiers.m.curve[1][0]: x 1.0 must be greater than the previous point's x 1.0",
        "p.json:5:31: $.adjustments.a.role: role 'partner' is not declared in $.roles",
        "p.json:5:58: $.adjustments.a.workingGroup: working group 'x' is not declared in $.workingGroups"), lines(r));
  }

  @Test
  void read_frameworkViolations_reportsEveryOneWithPathAndRange() {
    String text = "{\"format\": \"kat-policy/1\", \"id\": \"t\", \"budget\": 100,\n"
        + "\"roles\": {\"dao_member\": {\"weight\": 3}},\n"
        + "\"categories\": {\"documentation\": {\"baseCredit\": 80}, \"governance\": {\"baseCredit\": 1}},\n"
        + "\"caps\": {\"perCycle\": {\"hard\": 5000}},\n"
        + "\"karma\": {\"influence\": 0.9}}";
    ReadResult<PolicyDocument> r = PolicyReader.defaults().withFramework(cohort()).read(text, "p.json");
    assertEquals(List.of(
        "p.json:3:48: $.categories.documentation.baseCredit: base credit 80.0 is outside the allowed range [0.0, 50.0]",
        "p.json:3:15: $.categories: must recognise category 'regeneration' (required by framework kat-cohort-2/1.0)",
        "p.json:2:36: $.roles.dao_member.weight: role weight 3.0 is outside the allowed range [0.0, 1.5]",
        "p.json:4:31: $.caps.perCycle.hard: is 5000.0 but the framework allows at most 1000.0 credit per contributor per cycle",
        "p.json:5:24: $.karma.influence: karma influence 0.9 is outside the allowed range [0.0, 0.5]",
        "p.json:1:1: $.guardrails: guardrail 'evidence-reuse' may not be switched off (required by framework kat-cohort-2/1.0)",
        "p.json:1:1: $.guardrails: guardrail 'self-dealing' may not be switched off (required by framework kat-cohort-2/1.0)"), lines(r));
  }

  @Test
  void read_frameworkViolationsAndTypeErrors_reportedTogether() {
    String text = "{\"format\": \"kat-policy/1\", \"id\": \"t\", \"budget\": 100,\n"
        + "\"roles\": {\"dao_member\": {\"weight\": 3}, \"partner\": {\"weight\": true}},\n"
        + "\"categories\": {\"documentation\": {\"baseCredit\": 1}, \"governance\": {\"baseCredit\": 1},"
        + " \"regeneration\": {\"baseCredit\": 1}}}";
    ReadResult<PolicyDocument> r = PolicyReader.defaults().withFramework(cohort()).read(text, "p.json");
    assertEquals(List.of(
        "p.json:2:62: $.roles.partner.weight: expected a number but found a boolean",
        "p.json:2:36: $.roles.dao_member.weight: role weight 3.0 is outside the allowed range [0.0, 1.5]",
        "p.json:1:1: $.caps.perCycle.hard: no per-cycle hard cap is set but the framework allows at most 1000.0 credit per contributor per cycle",
        "p.json:1:1: $.guardrails: guardrail 'evidence-reuse' may not be switched off (required by framework kat-cohort-2/1.0)",
        "p.json:1:1: $.guardrails: guardrail 'self-dealing' may not be switched off (required by framework kat-cohort-2/1.0)"), lines(r));
  }

  @Test
  void read_otherFormatVersion_isRejected() {
    ReadResult<PolicyDocument> r =
        PolicyReader.defaults().read("{\"format\": \"kat-policy/9\", \"id\": \"t\"}", "p.json");
    assertEquals(List.of("p.json:1:12: $.format: unsupported format 'kat-policy/9'; this reader understands"
        + " 'kat-policy/1'"), lines(r));
  }

  @Test
  void read_guardrailsResolvedInRegistry_unknownIdsAndParametersReported() {
    GuardrailFactory f = new GuardrailFactory() {
      @Override
      public String id() {
        return "burst";
      }

      @Override
      public Guardrail create(Parameters parameters) {
        double limit = parameters.number("limit", 10);
        if (limit <= 0) {
          throw new IllegalArgumentException("parameter limit (" + limit + ") must be > 0");
        }
        return new Guardrail() {
          @Override
          public String id() {
            return "burst";
          }

          @Override
          public SortedMap<String, String> parameters() {
            return new TreeMap<>(java.util.Map.of("limit", Double.toString(limit)));
          }

          @Override
          public void inspect(GuardContext context, FlagSink sink) {}
        };
      }
    };
    PolicyReader reader = PolicyReader.defaults().withRegistry(ComponentRegistry.defaults().with(f));
    ReadResult<PolicyDocument> ok = reader.read(minimal(", \"guardrails\": {\"burst\": {\"limit\": 4}}"), "p.json");
    assertTrue(ok.ok(), lines(ok)::toString);
    assertEquals("{limit=4.0}", ok.value().policy().guardrails().get(0).parameters().toString());

    ReadResult<PolicyDocument> bad = reader.read(minimal(
        ",\n\"guardrails\": {\"burst\": {\"limit\": -1, \"window\": 3}, \"sybil\": {}},"
            + "\n\"allocation\": [{\"policy\": \"lottery\"}]"), "p.json");
    assertEquals(List.of(
        "p.json:4:25: $.guardrails.burst: parameter limit (-1.0) must be > 0",
        "p.json:4:62: $.guardrails.sybil: unknown guardrail 'sybil'; known: burst, category-day-cap, collusion-ring, eigentrust, evidence-reuse, mad-outlier,"
            + " pairwise-reciprocity, reviewer-concentration, self-dealing, velocity",
        "p.json:5:27: $.allocation[0].policy: unknown allocation policy 'lottery'; known: balanced, fixed_rate, immediate, recent"), lines(bad));

    ReadResult<PolicyDocument> extra = reader.read(minimal(",\n\"guardrails\": {\"burst\": {\"window\": 3}}"), "p.json");
    assertEquals(List.of("p.json:4:26: $.guardrails.burst.window: unknown parameter 'window'"), lines(extra));

    ReadResult<PolicyDocument> blank = reader.read(minimal(",\n\"guardrails\": {\"burst\": {\" \": 3}}"), "p.json");
    assertEquals(List.of("p.json:4:25: $.guardrails.burst: parameter name ' ' is blank; name every parameter"),
        lines(blank));
  }

  @Test
  void load_withProblems_throwsWithEveryProblem() {
    DocumentException e = assertThrows(DocumentException.class,
        () -> PolicyReader.defaults().read(minimal(", \"karma\": {\"halfLifeCycles\": 0, \"ceiling\": -1}"), "p.json")
            .orElseThrow());
    assertEquals(2, e.problems().size());
    assertTrue(e.getMessage().startsWith("2 problems\n  p.json:3:"), e.getMessage());
  }

  @Test
  void loadPaths_exampleUnderFramework_givesPolicy() {
    Policy p = PolicyDocuments.load(EXAMPLES.resolve("exchange-dao/policy.json"), EXAMPLES.resolve("framework.json"));
    assertEquals(10_000L, p.budget());
  }

  @Test
  void readPath_missingFile_isAProblemNotAnException() {
    ReadResult<PolicyDocument> r = PolicyDocuments.read(EXAMPLES.resolve("no-such.json"));
    assertEquals(1, r.problems().size());
    assertTrue(r.problems().get(0).message().startsWith("cannot read the file"));
  }

  @Test
  void read_privilegesAndGoals_mistakesReportedWithPaths() {
    String extra = ",\n\"privileges\": {\"a\": {\"privilege\": \"early-access\", \"metric\": \"activity\", \"threshold\": 3},"
        + " \"b\": {\"privilege\": \"own\", \"metric\": \"karma\", \"threshold\": 1}},"
        + "\n\"goals\": {\"g\": {\"category\": \"sessions\", \"target\": 10, \"measure\": \"attribute\"}}";
    assertEquals(List.of(
        "p.json:4:21: $.privileges.a.category: metric activity needs a category",
        "p.json:4:95: $.privileges.b.description: missing required field 'description'",
        "p.json:5:29: $.goals.g.category: category 'sessions' is not declared in $.categories",
        "p.json:5:16: $.goals.g.attribute: attribute is required with measure attribute and not allowed otherwise"),
        lines(PolicyReader.defaults().read(minimal(extra), "p.json")));
  }

  @Test
  void read_everyBuiltInGuardrail_withDefaultsAndParameters() {
    ReadResult<PolicyDocument> r = PolicyReader.defaults().read(minimal(",\n\"guardrails\": {\"self-dealing\": {},"
        + " \"evidence-reuse\": {}, \"pairwise-reciprocity\": {\"m\": 30}, \"collusion-ring\": {}, \"eigentrust\": {},"
        + " \"velocity\": {\"maxRecords\": 12}, \"mad-outlier\": {}, \"reviewer-concentration\": {},"
        + " \"category-day-cap\": {\"category\": \"documentation\", \"hard\": 20}}"), "p.json");
    assertEquals(List.of(), lines(r));
    assertEquals(List.of("self-dealing", "evidence-reuse", "pairwise-reciprocity", "collusion-ring", "eigentrust",
        "velocity", "mad-outlier", "reviewer-concentration", "category-day-cap"),
        r.value().policy().guardrails().stream().map(g -> g.id()).collect(Collectors.toList()));
    ReadResult<PolicyDocument> bad = PolicyReader.defaults().read(minimal(
        ",\n\"guardrails\": {\"category-day-cap\": {\"hard\": 20}, \"velocity\": {\"maxRecords\": 0}}"), "p.json");
    assertEquals(2, bad.problems().size(), lines(bad)::toString);
  }
}
