package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The engine's small values: prior state, contributor state, steps, record lines, rejections. */
class EngineValuesTest {

  @Test
  void priorState_emptyAndLookup() {
    PriorState e = PriorState.empty();
    assertSame(e, PriorState.empty());
    assertEquals(-1, e.sequence());
    assertNull(e.get("alice"));
    assertEquals("prior{seq=-1;contributors=[];evidence=[]}", e.canonicalForm());
  }

  @Test
  void priorState_badArguments_failNamingThem() {
    assertEquals("sequence (-2) must be >= -1", assertThrows(IllegalArgumentException.class,
        () -> new PriorState(-2, new TreeMap<>(), new TreeSet<>())).getMessage());
    TreeMap<String, ContributorState> wrongKey = new TreeMap<>(Map.of("bob", new ContributorState("alice", 0, 0, 0)));
    assertEquals("contributors key (bob) must equal its state's contributor (alice)",
        assertThrows(IllegalArgumentException.class, () -> new PriorState(0, wrongKey, new TreeSet<>())).getMessage());
    assertEquals("contributors must not be null",
        assertThrows(NullPointerException.class, () -> new PriorState(0, null, new TreeSet<>())).getMessage());
  }

  @Test
  void priorState_copiesAndEquality() {
    TreeMap<String, ContributorState> m = new TreeMap<>(Map.of("a", new ContributorState("a", 5, 6, 7)));
    PriorState p = new PriorState(3, m, new TreeSet<>(List.of("uri:x")));
    m.clear();
    assertEquals(5, p.get("a").karma());
    assertEquals(p, new PriorState(3, new TreeMap<>(Map.of("a", new ContributorState("a", 5, 6, 7))),
        new TreeSet<>(List.of("uri:x"))));
    assertThrows(UnsupportedOperationException.class, () -> p.contributors().clear());
    assertThrows(UnsupportedOperationException.class, () -> p.evidenceKeys().add("y"));
  }

  @Test
  void contributorState_badArguments_failNamingThem() {
    assertEquals("lifetimeCredit (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new ContributorState("a", 0, -1, 0)).getMessage());
    assertEquals("lifetimeKat (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new ContributorState("a", 0, 0, -1)).getMessage());
    assertEquals("contributor (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new ContributorState("", 0, 0, 0)).getMessage());
    assertEquals(new ContributorState("a", -5, 0, 0), new ContributorState("a", -5, 0, 0), "karma may be negative");
  }

  @Test
  void step_textAndValidation() {
    Step s = new Step("cap", "cap:per-day", 5.0 / 6, "daily cap");
    assertEquals("cap cap:per-day ×0.833333 (daily cap)", s.toString());
    assertEquals(s, new Step("cap", "cap:per-day", 5.0 / 6, "daily cap"));
    assertEquals("reason (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new Step("cap", "r", 1, "")).getMessage());
  }

  @Test
  void recordLine_copiesSteps() {
    List<Step> steps = new ArrayList<>(List.of(new Step("credit", "base:x", 2, "base")));
    RecordLine l = new RecordLine("r", "x", steps, 2_000_000, List.of(), 2_000_000);
    steps.clear();
    assertEquals(1, l.creditSteps().size());
    assertEquals("recordId (\"\") must not be blank", assertThrows(IllegalArgumentException.class,
        () -> new RecordLine("", "x", List.of(), 0, List.of(), 0)).getMessage());
  }

  @Test
  void rejection_textAndEquality() {
    Contribution c = Contribution.builder("r9", "alice", "docs", Roles.DAO_MEMBER, Instant.EPOCH).build();
    Rejection x = new Rejection(c, RejectionCode.SELF_REVIEW, "reviewer 'alice' is the contributor");
    assertEquals("r9 SELF_REVIEW: reviewer 'alice' is the contributor", x.toString());
    assertEquals(x, new Rejection(c, RejectionCode.SELF_REVIEW, "reviewer 'alice' is the contributor"));
    assertNotEquals(x, new Rejection(c, RejectionCode.DUPLICATE, "reviewer 'alice' is the contributor"));
    assertEquals("code must not be null",
        assertThrows(NullPointerException.class, () -> new Rejection(c, null, "m")).getMessage());
  }

  @Test
  void statement_copiesAndIsAValue() {
    TreeMap<String, Long> byCategory = new TreeMap<>(Map.of("x", 5L));
    Statement s = new Statement("alice", List.of(), byCategory, 0, 5, 0, 0, 5, 0, 5, 5, 1, List.of());
    byCategory.put("y", 1L);
    assertEquals(Map.of("x", 5L), s.creditByCategory());
    assertEquals(s, new Statement("alice", List.of(), new TreeMap<>(Map.of("x", 5L)), 0, 5, 0, 0, 5, 0, 5, 5, 1,
        List.of()));
    assertThrows(UnsupportedOperationException.class, () -> s.creditByCategory().put("z", 1L));
  }
}
