package dev.kat.rules.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Range;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FrameworkReaderTest {

  @Test
  void read_cohortExample_givesBounds() {
    Framework f = PolicyReaderTest.cohort();
    assertEquals("kat-cohort-2/1.0", f.id());
    assertEquals(Range.of(0, 50), f.baseCredit());
    assertEquals(Range.of(0, 1.5), f.roleWeight());
    assertEquals(1000.0, f.maxCycleCap());
    assertEquals(Set.of("documentation", "governance", "regeneration"), f.requiredCategories());
  }

  @Test
  void read_omittedBounds_allowEverything() {
    Framework f = FrameworkReader.read("{\"format\": \"kat-framework/1\", \"id\": \"open\"}", "f.json").orElseThrow();
    assertEquals(Range.ANY, f.roleWeight());
    assertEquals(Double.POSITIVE_INFINITY, f.maxCycleCap());
  }

  @Test
  void read_badBounds_reportsAll() {
    String text = "{\"format\": \"kat-framework/1\", \"id\": \"f\",\n"
        + "\"roleWeight\": {\"min\": 2, \"max\": 1}, \"maxCycleCap\": 0,\n"
        + "\"baseCredit\": {\"minimum\": 0}, \"requiredCategories\": \"documentation\"}";
    List<String> problems = FrameworkReader.read(text, "f.json").problems().stream().map(Problem::toString)
        .collect(Collectors.toList());
    assertEquals(List.of(
        "f.json:3:16: $.baseCredit.minimum: unknown field 'minimum'; allowed: max, min",
        "f.json:2:33: $.roleWeight.max: max 1.0 must be >= min 2.0",
        "f.json:2:52: $.maxCycleCap: maxCycleCap 0.0 must be > 0",
        "f.json:3:53: $.requiredCategories: expected an array of strings but found the string \"documentation\""),
        problems);
  }
}
