package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

  @Test
  void run_twoContributors_splitsBudgetByCredit() {
    Policy policy = Policy.builder("p").category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false).budget(100).build();
    Instant t = Instant.parse("2026-10-05T10:00:00Z");
    List<Contribution> records = List.of(
        Contribution.builder("r1", "alice", "docs", Roles.DAO_MEMBER, t).build(),
        Contribution.builder("r2", "alice", "docs", Roles.DAO_MEMBER, t).build(),
        Contribution.builder("r3", "bob", "docs", Roles.DAO_MEMBER, t).build(),
        Contribution.builder("r4", "bob", "nope", Roles.DAO_MEMBER, t).build());
    CycleResult r = KatEngine.of(policy).run(Cycle.ofMonth(YearMonth.of(2026, 10), 0), records, PriorState.empty());
    assertEquals(67, r.kat("alice"));
    assertEquals(33, r.kat("bob"));
    assertEquals(20_000_000L, r.credit("alice"));
    assertEquals(1, r.rejections().size());
    assertEquals(RejectionCode.UNKNOWN_CATEGORY, r.rejections().get(0).code());
    assertEquals(20_000_000L, r.statement("alice").credit());
    assertEquals(64, r.contentHash().length());
  }
}
