package dev.kat.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.bench.BenchData;
import dev.kat.bench.BenchPolicy;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.policy.Policy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ObjectPerRecordRecognitionTest {

  @Test
  void allocate_benchData_equalsEngineAllocation() {
    Policy policy = BenchPolicy.creditOnly();
    List<Contribution> records = BenchData.of(20_000, 7).list();
    CycleResult engine = KatEngine.of(policy).run(BenchData.CYCLE, records, PriorState.empty());
    SortedMap<String, Long> baseline = ObjectPerRecordRecognition.allocate(policy, BenchData.CYCLE, records);
    assertEquals(engine.allocations(), baseline);
    assertEquals(policy.budget(), baseline.values().stream().mapToLong(Long::longValue).sum());
    assertTrue(engine.rejections().size() > 0, "the data has rejections to keep");
  }

  @Test
  void largestRemainder_tie_goesToLargerCreditThenLowerId() {
    SortedMap<String, Long> kat = ObjectPerRecordRecognition.largestRemainder(10, Map.of(
        "a", new BigDecimal("1"), "b", new BigDecimal("1"), "c", new BigDecimal("1")));
    assertEquals(Map.of("a", 4L, "b", 3L, "c", 3L), kat);
  }

  @Test
  void allocate_policyWithCaps_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ObjectPerRecordRecognition.allocate(BenchPolicy.withCaps(), BenchData.CYCLE, List.of()));
  }
}
