package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class KatEngineCreditTest {
  private static final Cycle CYCLE = Cycle.ofMonth(YearMonth.of(2026, 10), 0);
  private static final Instant T = Instant.parse("2026-10-05T10:00:00Z");

  private static Policy policy(String id) {
    return Policy.builder(id)
        .category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("hosting", 6, Unit.PER_HOUR))
        .role(Roles.DAO_MEMBER, 1, false)
        .caps(Caps.NONE.withPerCycle(CapSpec.hard(15)))
        .budget(100)
        .build();
  }

  @Test
  void credit_batch_isEachRowsCreditBeforeCaps() {
    KatEngine engine = KatEngine.of(policy("p"));
    ContributionBatch batch = engine.newBatch(CYCLE).addAll(List.of(
        Contribution.builder("r1", "alice", "docs", Roles.DAO_MEMBER, T).build(),
        Contribution.builder("r2", "alice", "hosting", Roles.DAO_MEMBER, T).attribute("durationMinutes", 90).build(),
        Contribution.builder("r3", "bob", "docs", Roles.DAO_MEMBER, T).build())).build();

    // Rows are in the batch's canonical order (by content hash), not arrival order: read them by id.
    long[] credit = byId(batch, engine.credit(batch));

    assertArrayEquals(new long[] {10_000_000L, 9_000_000L, 10_000_000L}, credit);
    long[] capped = byId(batch, engine.run(batch, PriorState.empty()).rowCredits());
    assertArrayEquals(new long[] {7_894_737L, 7_105_263L, 10_000_000L}, capped);
  }

  /** {@code perRow} rearranged in the order of record ids r1, r2, r3. */
  private static long[] byId(ContributionBatch batch, long[] perRow) {
    long[] out = new long[perRow.length];
    for (int row = 0; row < perRow.length; row++) {
      out[Integer.parseInt(batch.recordId(row).substring(1)) - 1] = perRow[row];
    }
    return out;
  }

  @Test
  void credit_emptyBatch_isEmpty() {
    KatEngine engine = KatEngine.of(policy("p"));
    assertArrayEquals(new long[0], engine.credit(engine.newBatch(CYCLE).build()));
  }

  @Test
  void credit_batchOfAnotherPolicy_isRejected() {
    ContributionBatch other = KatEngine.of(policy("other")).newBatch(CYCLE).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KatEngine.of(policy("p")).credit(other));
    assertTrue(e.getMessage().contains("other"), e.getMessage());
  }
}
