package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static dev.kat.core.guard.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Diminishing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CategoryDayCapGuardrailTest {

  @Test
  void inspect_oneCategorySqrtAboveSoftCap_scalesThatDayOnly() {
    List<Contribution> records = new ArrayList<>();
    for (int h = 0; h < 4; h++) {
      records.add(session("s" + h, "alice", "bob", at(3, 9 + h)).build());
    }
    records.add(session("s4", "alice", "bob", at(4, 9)).build());
    records.add(docs("d0", "alice", at(3, 15)).build());
    CycleResult r = run(policy(Guardrails.categoryDayCap("session", CapSpec.soft(10, Diminishing.SQRT))), records);
    // 40 credit on 3 October: 2·√(40·10) − 10 = 30, factor 0.75 -> 7.5 per session
    Map<String, Long> lines = new TreeMap<>();
    r.statement("alice").records().forEach(l -> lines.put(l.recordId(), l.credit()));
    assertEquals(Map.of("s0", 7_500_000L, "s1", 7_500_000L, "s2", 7_500_000L, "s3", 7_500_000L,
        "s4", 10_000_000L, "d0", 5_000_000L), lines);
    assertTrue(r.flags().get(0).evidence().startsWith("alice earned 40.00 credit in session on 2026-10-03, above the"
        + " daily cap for that category (soft 10.0, hard Infinity, sqrt); that day's 4 record(s) there count 0.75"));
  }

  @Test
  void inspect_everyCategory_capsEachSeparately() {
    List<Contribution> records = new ArrayList<>();
    for (int h = 0; h < 4; h++) {
      records.add(docs("d" + h, "alice", at(3, 9 + h)).build());
    }
    records.add(session("s0", "alice", "bob", at(3, 20)).build());
    records.add(session("s1", "alice", "carol", at(3, 21)).build());
    CycleResult r = run(policy(Guardrails.categoryDayCap("*", CapSpec.hard(15))), records);
    // docs 20 -> 15 and sessions 20 -> 15 on the same day, each category on its own
    assertEquals(30_000_000L, r.credit("alice"));
    assertEquals(2, r.flags().size());
  }
}
