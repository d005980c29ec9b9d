package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.population;
import static dev.kat.core.guard.Fixtures.run;
import static dev.kat.core.guard.Fixtures.shuffled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributorState;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every built-in guardrail keeps, run against each of them. */
class GuardrailContractTest {

  static Stream<Guardrail> builtIns() {
    return Catalogue.all().stream();
  }

  /** A prior state in which a few honest members carry karma, so karma-anchored trust has an anchor. */
  static PriorState prior() {
    TreeMap<String, ContributorState> m = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      m.put("h" + i, new ContributorState("h" + i, 50_000_000L, 100_000_000L, 1000));
    }
    return new PriorState(2, m, new TreeSet<>(List.of("uri:https://example.org/h/7")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void inspect_shuffledInput_sameResultAndHash(Guardrail g) {
    List<Contribution> records = population(42, 80, true);
    CycleResult base = run(policy(g), records, prior());
    assertFalse(base.flags().isEmpty(), g.id() + " finds something in an adversarial population");
    for (long seed = 1; seed <= 3; seed++) {
      CycleResult again = run(policy(g), shuffled(records, seed), prior());
      assertEquals(base.flags(), again.flags());
      assertEquals(base.allocations(), again.allocations());
      assertEquals(base.contentHash(), again.contentHash());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void inspect_neverRaisesAnyonesCredit(Guardrail g) {
    List<Contribution> records = population(7, 80, true);
    CycleResult plain = run(policy(), records, prior());
    CycleResult guarded = run(policy(g), records, prior());
    for (String c : plain.contributors()) {
      assertTrue(guarded.credit(c) <= plain.credit(c), c);
    }
    assertTrue(guarded.totalCredit() < plain.totalCredit());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void flags_nameRecordsContributorsAndActionableEvidence(Guardrail g) {
    CycleResult r = run(policy(g), population(3, 80, true), prior());
    for (Flag f : r.flags()) {
      assertEquals(g.id(), f.detector());
      assertTrue(f.evidence().length() > 40, f.evidence());
      for (String c : f.contributors()) {
        if (!r.has(c)) {
          continue; // a reviewer without records of their own has no statement
        }
        assertTrue(r.statement(c).flags().contains(f));
        assertTrue(r.statement(c).render().contains(f.evidence()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void parameters_canonicalAndStable(Guardrail g) {
    assertFalse(g.id().isBlank());
    SortedMap<String, String> p = g.parameters();
    assertNotNull(p);
    assertEquals(new ArrayList<>(new TreeMap<>(p).keySet()), new ArrayList<>(p.keySet()));
    assertEquals(p, g.parameters());
    assertThrows(UnsupportedOperationException.class, () -> g.parameters().put("x", "y"));
    assertTrue(policy(g).canonicalForm().contains(g.id() + p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badParameters")
  void constructor_badParameter_failsNamingIt(String expected, Executable bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> badParameters() {
    Map<String, Executable> cases = new TreeMap<>(Catalogue.badParameters());
    return cases.entrySet().stream().map(e -> org.junit.jupiter.params.provider.Arguments.of(e.getKey(), e.getValue()));
  }
}
