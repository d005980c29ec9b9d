package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private static Summary fourRuns() {
    Summary s = new Summary();
    Parameters p = Parameters.none().with("k", 1);
    double[] finals = {4, 1, 3, 2};
    for (int r = 0; r < finals.length; r++) {
      s.accept("e", p, r, new RunResult(r, List.of("m"), 2, new double[] {10, finals[r]}));
    }
    return s;
  }

  @Test
  void quantile_type7_interpolatesBetweenOrderStatistics() {
    Summary s = fourRuns();
    Parameters p = Parameters.none().with("k", 1);
    assertEquals(1.0, s.quantile(p, "m", 1, 0));
    assertEquals(1.3, s.quantile(p, "m", 1, 0.1), 1e-12);
    assertEquals(2.5, s.quantile(p, "m", 1, 0.5), 1e-12);
    assertEquals(3.7, s.quantile(p, "m", 1, 0.9), 1e-12);
    assertEquals(4.0, s.quantile(p, "m", 1, 1));
  }

  @Test
  void meanAndValues_inRunOrder() {
    Summary s = fourRuns();
    Parameters p = Parameters.none().with("k", 1);
    assertArrayEquals(new double[] {4, 1, 3, 2}, s.values(p, "m", 1));
    assertEquals(2.5, s.mean(p, "m", 1));
    assertEquals(6.25, s.meanOverCycles(p, "m"));
    assertEquals(4, s.runs(p));
    assertEquals("e", s.experiment());
  }

  @Test
  void unknownPointOrMetric_throws() {
    Summary s = fourRuns();
    assertEquals("point (k=2) has no runs in this summary", assertThrows(IllegalArgumentException.class,
        () -> s.mean(Parameters.none().with("k", 2), "m", 0)).getMessage());
    assertEquals("metric (x) is not one of [m]", assertThrows(IllegalArgumentException.class,
        () -> s.mean(Parameters.none().with("k", 1), "x", 0)).getMessage());
  }

  @Test
  void behaviour_badValues_nameTheParameter() {
    assertEquals("leaveAfterIdleCycles (-1) must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new Behaviour(-1, 0, 1)).getMessage());
    assertEquals("maxAgents (0) must be >= 1",
        assertThrows(IllegalArgumentException.class, () -> new Behaviour(0, 0, 0)).getMessage());
    assertEquals(new Behaviour(2, 0.5, 10), Behaviour.STATIC.withLeaving(2).withRecruitment(0.5, 10));
  }
}
