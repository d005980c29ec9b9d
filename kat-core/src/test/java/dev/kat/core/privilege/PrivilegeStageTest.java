package dev.kat.core.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivilegeStageTest {
  private static final Privilege GUIDE_BADGE = Privileges.badge("seasoned-guide", "hosted ten validated sessions");

  private static Policy policy() {
    return Policy.builder("p").category(CategorySpec.of("session_hosting", 1, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false).budget(100)
        .karma(new KarmaPolicy(1, 1, 0, 0, 1000, 0))
        .privilege(Privileges.activity("ten-sessions", GUIDE_BADGE, "session_hosting", 10))
        .privilege(Privileges.atLeast("karma-8", Privileges.PRIORITY_SCHEDULING, Metric.KARMA, 8))
        .privilege(Privileges.atLeast("kat-150", Privileges.EARLY_ACCESS, Metric.LIFETIME_KAT, 150))
        .build();
  }

  private static List<Contribution> sessions(String who, int count, int seq) {
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Contribution.builder(who + seq + "-" + i, who, "session_hosting", Roles.DAO_MEMBER,
          YearMonth.of(2026, 1 + seq).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC)).build());
    }
    return out;
  }

  private static CycleResult run(int seq, PriorState prior, List<Contribution> rs) {
    return KatEngine.of(policy()).run(Cycle.ofMonth(YearMonth.of(2026, 1 + seq), seq), rs, prior);
  }

  @Test
  void privileges_gainedKeptAndLostAsConditionsChange() {
    CycleResult r0 = run(0, PriorState.empty(), sessions("ana", 6, 0));
    // karma 6, activity 6, KAT 100: nothing yet
    assertEquals(Set.of(), r0.privileges("ana"));
    CycleResult r1 = run(1, r0.nextState(), sessions("ana", 5, 1));
    // karma 6 x 0.5 + 5 = 8, activity 11, KAT 200
    assertEquals(Set.of("early-access", "priority-scheduling", "seasoned-guide"), r1.privileges("ana"));
    assertEquals(List.of(
        new PrivilegeGrant("ana", "early-access", 1, PrivilegeGrant.Change.GAINED),
        new PrivilegeGrant("ana", "priority-scheduling", 1, PrivilegeGrant.Change.GAINED),
        new PrivilegeGrant("ana", "seasoned-guide", 1, PrivilegeGrant.Change.GAINED)), r1.privileges());
    CycleResult r2 = run(2, r1.nextState(), sessions("bo", 1, 2));
    // ana idle: karma 4 -> priority scheduling lapses; badge and lifetime-KAT privilege stay
    assertEquals(4_000_000L, r2.karma("ana"));
    assertEquals(Set.of("early-access", "seasoned-guide"), r2.privileges("ana"));
    assertTrue(r2.privileges().contains(
        new PrivilegeGrant("ana", "priority-scheduling", 1, PrivilegeGrant.Change.LOST)));
    assertTrue(r2.privileges().contains(new PrivilegeGrant("ana", "seasoned-guide", 1, PrivilegeGrant.Change.KEPT)));
    assertFalse(r2.nextState().get("ana").privileges().containsKey("priority-scheduling"));
    assertEquals(11L, r2.nextState().get("ana").activity().get("session_hosting"));
  }

  @Test
  void allOf_needsEveryCondition() {
    PrivilegeRule lead = Privileges.allOf("lead", Privileges.LEAD_SPECIAL_THEMES,
        Privileges.activity("a", GUIDE_BADGE, "session_hosting", 3),
        Privileges.atLeast("b", GUIDE_BADGE, Metric.CYCLE_CREDIT, 2));
    Standing s = new Standing("x", 0, 0, 0, 2_000_000L, 0, new java.util.TreeMap<>(java.util.Map.of("session_hosting", 3L)),
        new java.util.TreeMap<>());
    assertTrue(lead.holds(s));
    assertEquals("ACTIVITY(session_hosting) >= 3 and CYCLE_CREDIT >= 2", lead.describe());
    assertFalse(lead.holds(new Standing("x", 0, 0, 0, 1_999_999L, 0, s.activity(), s.cycleActivity())));
  }

  @Test
  void policy_ruleOnUndeclaredCategory_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policy().toBuilder()
        .privilege(Privileges.activity("x", GUIDE_BADGE, "cooking", 1)).build());
    assertEquals("privileges.x names undeclared category (cooking)", e.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> policy().toBuilder()
        .privilege(Privileges.activity("ten-sessions", GUIDE_BADGE, "session_hosting", 1)).build());
    assertEquals("privilege rule id (ten-sessions) is used twice", twice.getMessage());
  }

  @Test
  void thresholdRule_badArguments_fail() {
    assertThrows(IllegalArgumentException.class, () -> Privileges.atLeast("x", GUIDE_BADGE, Metric.KARMA, -1));
    assertThrows(IllegalArgumentException.class, () -> new ThresholdRule("x", GUIDE_BADGE, Metric.KARMA, "c", 1));
    assertThrows(NullPointerException.class, () -> new ThresholdRule("x", GUIDE_BADGE, Metric.ACTIVITY, null, 1));
    assertThrows(IllegalArgumentException.class, () -> new Privilege("a b", Privilege.Kind.BADGE, "d"));
  }
}
