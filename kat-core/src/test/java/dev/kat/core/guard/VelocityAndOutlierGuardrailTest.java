package dev.kat.core.guard;

import static dev.kat.core.guard.Fixtures.at;
import static dev.kat.core.guard.Fixtures.docs;
import static dev.kat.core.guard.Fixtures.policy;
import static dev.kat.core.guard.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.model.Contribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VelocityAndOutlierGuardrailTest {

  @Test
  void velocity_burstAboveLimit_heldNotRejected() {
    List<Contribution> records = new ArrayList<>();
    Instant t = at(30, 22);
    for (int i = 0; i < 10; i++) {
      records.add(docs("late" + i, "lena", t.plusSeconds(60L * i)).build());
    }
    records.add(docs("early", "lena", at(2, 9)).build());
    CycleResult r = run(policy(Guardrails.velocity(3600, 8)), records);
    assertEquals(10, r.held().size());
    assertEquals(5_000_000L, r.credit("lena"), "only the record outside the burst earns");
    Flag f = r.flags().get(0);
    assertEquals(Action.HOLD, f.action());
    assertTrue(f.evidence().contains("10 records of lena between 2026-10-30T22:00:00Z and 2026-10-30T22:09:00Z"));
    assertTrue(f.evidence().contains("held for a reviewer to confirm, not rejected"));
  }

  @Test
  void velocity_exactlyAtLimit_notHeld() {
    List<Contribution> records = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      records.add(docs("r" + i, "lena", at(30, 22).plusSeconds(60L * i)).build());
    }
    records.add(docs("r8", "lena", at(30, 23)).build());
    CycleResult r = run(policy(Guardrails.velocity(3600, 8)), records);
    assertTrue(r.held().isEmpty(), "9 records, but the ninth is a full hour after the first");
  }

  @Test
  void madOutliers_farAboveTheMedian_heldForReview() {
    List<Contribution> records = new ArrayList<>();
    for (int p = 0; p < 30; p++) {
      for (int k = 0; k <= p % 4; k++) {
        records.add(docs("p" + p + "-" + k, "member" + p, at(1 + k, 10)).build());
      }
    }
    for (int k = 0; k < 120; k++) {
      records.add(docs("w" + k, "whale", at(1 + k / 6, (k % 6) * 4)).build());
    }
    CycleResult r = run(policy(Guardrails.madOutliers()), records);
    assertEquals(120, r.held().size());
    assertEquals(0L, r.credit("whale"));
    assertEquals(List.of("whale"), r.flags().get(0).contributors());
    assertTrue(r.flags().get(0).evidence().startsWith("whale earned 600.00 credit this cycle, far above the typical"));
  }

  @Test
  void madOutliers_smallPopulation_notJudged() {
    List<Contribution> records = new ArrayList<>();
    for (int p = 0; p < 5; p++) {
      records.add(docs("p" + p, "member" + p, at(2, 10)).build());
    }
    for (int k = 0; k < 100; k++) {
      records.add(docs("w" + k, "whale", at(1 + k / 6, (k % 6) * 4)).build());
    }
    assertTrue(run(policy(Guardrails.madOutliers()), records).flags().isEmpty());
  }
}
