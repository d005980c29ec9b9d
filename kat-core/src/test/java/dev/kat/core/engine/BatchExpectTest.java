package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A builder told how many records to expect builds exactly the batch it builds untold; only its growth differs. */
class BatchExpectTest {

  @Provide
  Arbitrary<List<Contribution>> records() {
    return RowStoreProperties.contribution().list().ofMinSize(1).ofMaxSize(80);
  }

  @Property(tries = 150)
  void expect_anyHintAtAnyPoint_sameBatch(@ForAll("records") List<Contribution> records,
      @ForAll @IntRange(min = 0, max = 5_000) int hint, @ForAll @IntRange(min = 0, max = 80) int at) {
    ContributionBatch.Builder plain = KatEngine.of(Fixtures.xy().build()).newBatch(Fixtures.OCTOBER);
    records.forEach(plain::add);
    ContributionBatch.Builder hinted = KatEngine.of(Fixtures.xy().build()).newBatch(Fixtures.OCTOBER);
    for (int i = 0; i < records.size(); i++) {
      if (i == Math.min(at, records.size() - 1)) {
        // told once the rows so far set the per-row sizes it reserves by
        hinted.expect(hint);
      }
      hinted.add(records.get(i));
    }
    EncodedAdmissionTest.assertSameBatch(plain.build(), hinted.build(), "hint " + hint + " at " + at);
  }

  @Test
  void expect_badUse_failsNamingIt() {
    ContributionBatch.Builder b = KatEngine.of(Fixtures.xy().build()).newBatch(Fixtures.OCTOBER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.expect(-1));
    assertEquals("records must be >= 0: -1", e.getMessage());
    b.expect(0).expect(100_000);
    b.build();
    IllegalStateException s = assertThrows(IllegalStateException.class, () -> b.expect(1));
    assertTrue(s.getMessage().contains("already built"), s.getMessage());
  }
}
