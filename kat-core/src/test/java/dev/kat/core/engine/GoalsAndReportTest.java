package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Goal;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsAndReportTest {
  private static final long C = 1_000_000L;

  static Policy exchangeDao() {
    return Policy.builder("exchange").dao("exchange")
        .category(CategorySpec.of("session_hosting", 2, Unit.PER_RECORD))
        .category(CategorySpec.of("regeneration", 1, Unit.PER_RECORD).withCommunityContribution(true))
        .role(Roles.DAO_MEMBER, 1, false).role(Roles.COMMUNITY_COLLABORATOR, 1, true)
        .goal(Goal.records("sessions-2026", "session_hosting", 500).withWorkingGroup("wg-a", 220)
            .withWorkingGroup("wg-b", 150).withWorkingGroup("wg-c", 130).during(0, 11))
        .goal(Goal.attributeSum("regeneration", "regeneration", "regenerationValue", 3000))
        .budget(1000).build();
  }

  private static Contribution session(String id, String who, String wg, int seq) {
    return Contribution.builder(id, who, "session_hosting", Roles.DAO_MEMBER,
        YearMonth.of(2026, 1 + seq).atDay(3).atStartOfDay().toInstant(ZoneOffset.UTC)).dao("exchange")
        .workingGroup(wg).build();
  }

  private static Contribution regen(String id, String who, String role, double dollars, int seq) {
    return Contribution.builder(id, who, "regeneration", role,
        YearMonth.of(2026, 1 + seq).atDay(4).atStartOfDay().toInstant(ZoneOffset.UTC)).dao("exchange")
        .workingGroup("wg-c").attribute("regenerationValue", dollars).build();
  }

  @Test
  void goals_accumulateAcrossCyclesByWorkingGroup() {
    KatEngine engine = KatEngine.of(exchangeDao());
    List<Contribution> m0 = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      m0.add(session("s0-" + i, "g" + (i % 3), i < 20 ? "wg-a" : "wg-b", 0));
    }
    m0.add(regen("g0", "ext", Roles.COMMUNITY_COLLABORATOR, 1200.5, 0));
    CycleResult r0 = engine.run(Cycle.ofMonth(YearMonth.of(2026, 1), 0), m0, PriorState.empty());
    List<Contribution> m1 = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      m1.add(session("s1-" + i, "g" + (i % 3), "wg-c", 1));
    }
    m1.add(regen("g1", "g0", Roles.DAO_MEMBER, 300, 1));
    CycleResult r1 = engine.run(Cycle.ofMonth(YearMonth.of(2026, 2), 1), m1, r0.nextState());
    GoalProgress sessions = r1.goalProgress().get(1);
    assertEquals("sessions-2026", sessions.goalId());
    assertEquals(500, sessions.target());
    assertEquals(12, sessions.cycleValue());
    assertEquals(42, sessions.cumulative());
    assertEquals("8.40", sessions.percent());
    assertEquals(List.of(new GoalProgress.Group("wg-a", 220, 0, 20), new GoalProgress.Group("wg-b", 150, 0, 10),
        new GoalProgress.Group("wg-c", 130, 12, 12)), sessions.workingGroups());
    GoalProgress regen = r1.goalProgress().get(0);
    assertEquals(3000 * C, regen.target());
    assertEquals(300 * C, regen.cycleValue());
    assertEquals(1500_500_000L, regen.cumulative());
    assertEquals("50.02", regen.percent());
    assertEquals("goal regeneration: 1500.50 of 3000.00 (50.02 %), +300.00 this cycle\n", regen.render());
  }

  @Test
  void report_totalsByDaoGroupCategoryRole_andExternalSeparately() {
    KatEngine engine = KatEngine.of(exchangeDao());
    List<Contribution> rs = List.of(session("s1", "ana", "wg-a", 0), session("s2", "ana", "wg-b", 0),
        session("s3", "bo", "wg-a", 0), regen("g1", "ext", Roles.COMMUNITY_COLLABORATOR, 50, 0),
        regen("g2", "ext2", Roles.COMMUNITY_COLLABORATOR, 10, 0), regen("g3", "bo", Roles.DAO_MEMBER, 10, 0));
    CycleReport r = engine.run(Cycle.ofMonth(YearMonth.of(2026, 1), 0), rs, PriorState.empty()).report();
    assertEquals(new CycleReport.Totals(6, 9 * C), r.byDao().get("exchange"));
    assertEquals(new CycleReport.Totals(2, 4 * C), r.byWorkingGroup().get("wg-a"));
    assertEquals(new CycleReport.Totals(3, 3 * C), r.byWorkingGroup().get("wg-c"));
    assertEquals(new CycleReport.Totals(3, 6 * C), r.byCategory().get("session_hosting"));
    assertEquals(new CycleReport.Totals(3, 3 * C), r.byCategory().get("regeneration"));
    assertEquals(new CycleReport.Totals(4, 7 * C), r.byRole().get(Roles.DAO_MEMBER));
    assertEquals(new CycleReport.Totals(2, 2 * C), r.external());
    assertEquals(List.of("ext", "ext2"), List.copyOf(r.externalByContributor().keySet()));
    assertEquals(new CycleReport.Totals(1, C), r.externalByContributor().get("ext"));
  }

  @Test
  void goal_workingGroupTargetsAboveTotal_areRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Goal.records("g", "session_hosting", 100).withWorkingGroup("a", 60).withWorkingGroup("b", 50));
    assertEquals("goal.g.workingGroupTargets sum to 110.0, more than the target 100.0", e.getMessage());
    IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class,
        () -> exchangeDao().toBuilder().goal(Goal.records("x", "cooking", 5)).build());
    assertEquals("goals.x.category names undeclared category (cooking)", undeclared.getMessage());
  }
}
