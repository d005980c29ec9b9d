package dev.kat.rules.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.policy.PolicyReader;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortComparisonTest {
  static final Cycle CYCLE = Cycle.ofMonth(YearMonth.of(2026, 10), 1);

  static Policy policy(String dao, double hosting) {
    return PolicyReader.defaults().read("{\"format\": \"kat-policy/1\", \"id\": \"" + dao + "/p\", \"dao\": \"" + dao
        + "\", \"budget\": 1000, \"roles\": {\"dao_member\": {\"weight\": 1}}, \"categories\": {"
        + "\"session_hosting\": {\"baseCredit\": " + hosting + ", \"unit\": \"per_hour\"},"
        + "\"documentation\": {\"baseCredit\": 5}}}", dao + ".json").orElseThrow().policy();
  }

  static CycleResult run(String dao, double hosting, Map<String, Integer> minutes) {
    List<Contribution> records = new ArrayList<>();
    minutes.forEach((who, m) -> records.add(Contribution.builder(dao + "-" + who, who, "session_hosting", "dao_member",
        Instant.parse("2026-10-05T10:00:00Z")).attribute("durationMinutes", m).build()));
    return KatEngine.of(policy(dao, hosting)).run(CYCLE, records, PriorState.empty());
  }

  static List<CycleResult> cohort() {
    return List.of(
        run("dao-c", 30, Map.of("erin", 60)),
        run("dao-a", 10, Map.of("alice", 60, "bob", 60)),
        run("dao-b", 10, Map.of("carol", 90, "dan", 30)));
  }

  @Test
  void of_threeDaos_ratesGiniAndFlagsTheGenerousOne() {
    CohortComparison c = CohortComparison.of(Framework.permissive(), cohort(), 1.5);
    assertEquals(List.of(
        new CategoryRate("dao-a", "documentation", "per_record", 5, 0, 0, 0, 0, Double.NaN),
        new CategoryRate("dao-b", "documentation", "per_record", 5, 0, 0, 0, 0, Double.NaN),
        new CategoryRate("dao-c", "documentation", "per_record", 5, 0, 0, 0, 0, Double.NaN),
        new CategoryRate("dao-a", "session_hosting", "per_hour", 10, 2, 2, 20_000_000, 10, 10),
        new CategoryRate("dao-b", "session_hosting", "per_hour", 10, 2, 2, 20_000_000, 10, 10),
        new CategoryRate("dao-c", "session_hosting", "per_hour", 30, 1, 1, 30_000_000, 30, 30)), c.rates());
    assertEquals(Map.of("dao-a", 0.0, "dao-b", 0.25, "dao-c", 0.0), c.gini());
    assertEquals(List.of(
        new GenerosityFlag("dao-c", "session_hosting", "credit per record", 30, 10, 3),
        new GenerosityFlag("dao-c", "session_hosting", "credit per hour", 30, 10, 3),
        new GenerosityFlag("dao-c", "session_hosting", "base credit", 30, 10, 3)), c.flags());
    assertTrue(c.render().contains("- dao-c: session_hosting credit per hour 30.000 is 3.000x the cohort median"
        + " 10.000\n"), c.render());
  }

  @Test
  void of_inputOrder_givesTheSameReport() {
    List<CycleResult> reversed = new ArrayList<>(cohort());
    java.util.Collections.reverse(reversed);
    assertEquals(CohortComparison.of(Framework.permissive(), cohort(), 1.5).render(),
        CohortComparison.of(Framework.permissive(), reversed, 1.5).render());
  }

  @Test
  void of_badArguments_failFast() {
    assertThrows(IllegalArgumentException.class, () -> CohortComparison.of(Framework.permissive(), cohort(), 1.0));
    assertThrows(IllegalArgumentException.class, () -> CohortComparison.of(Framework.permissive(), List.of(), 2));
    CycleResult a = cohort().get(1);
    assertThrows(IllegalArgumentException.class, () -> CohortComparison.of(Framework.permissive(), List.of(a, a), 2));
  }
}
