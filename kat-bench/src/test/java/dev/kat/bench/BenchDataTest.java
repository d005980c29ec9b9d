package dev.kat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchDataTest {

  @Test
  void record_sameSeedAndIndex_isEqual() {
    assertEquals(BenchData.of(1000, 3).record(517), BenchData.of(1000, 3).record(517));
  }

  @Test
  void list_tenThousandRecords_hasAThousandContributorsAndFewRejections() {
    BenchData data = BenchData.of(10_000, 42);
    List<Contribution> list = data.list();
    Set<String> people = new HashSet<>();
    list.forEach(c -> people.add(c.contributor()));
    assertEquals(1000, data.contributors());
    assertTrue(people.size() > 990 && people.size() <= 1000, "contributors: " + people.size());
    ContributionBatch batch = KatEngine.of(BenchPolicy.full()).newBatch(BenchData.CYCLE).addAll(data.stream()).build();
    assertEquals(10_000, batch.inputCount());
    int rejected = batch.rejections().size();
    assertTrue(rejected > 10 && rejected < 100, "rejections: " + rejected);
  }

  @Test
  void of_zeroRecords_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchData.of(0, 1));
    assertTrue(e.getMessage().contains("records (0)"));
  }
}
