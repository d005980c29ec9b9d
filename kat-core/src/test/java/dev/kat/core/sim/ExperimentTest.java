package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.policy.Policy;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTest {

  private static Experiment experiment(long seed) {
    Policy base = WorkModel.standard().policyBuilder("sim").build();
    return Experiment.builder("ring")
        .masterSeed(seed).runs(3)
        .sweep("ringSize", 2, 4)
        .sweep("budget", "small", "large")
        .model(p -> Simulation.builder(base.toBuilder().budget(p.text("budget").equals("small") ? 1000 : 1_000_000).build())
            .population(Population.builder().add(Strategies.honest(), 15)
                .add(Strategies.collusionRing(p.integer("ringSize")), 1).build())
            .cycles(2).build())
        .build();
  }

  private static String csv(Experiment e, int threads) {
    StringWriter w = new StringWriter();
    e.run(threads, new TidyCsvWriter(w));
    return w.toString();
  }

  @Test
  void run_anyThreadCount_byteIdenticalCsv() {
    Experiment e = experiment(42);
    String one = csv(e, 1);
    assertEquals(one, csv(e, 2));
    assertEquals(one, csv(e, 3));
  }

  @Test
  void run_csvHasOneLinePerPointRunCycleMetric() {
    Experiment e = experiment(1);
    String[] lines = csv(e, 2).split("\n");
    int metrics = e.simulation(e.points().get(0)).metricNames().size();
    assertEquals(1 + 4 * 3 * 2 * metrics, lines.length);
    assertEquals(TidyCsvWriter.HEADER, lines[0]);
    assertTrue(lines[1].startsWith("ring,ringSize=2;budget=small,0,0,records,"), lines[1]);
  }

  @Test
  void points_fullGridFirstSweepSlowest() {
    List<String> pts = new ArrayList<>();
    experiment(0).points().forEach(p -> pts.add(p.toString()));
    assertEquals(List.of("ringSize=2;budget=small", "ringSize=2;budget=large", "ringSize=4;budget=small",
        "ringSize=4;budget=large"), pts);
  }

  @Test
  void run_variantsShareSeedsPerRun() {
    List<Long> seeds = new ArrayList<>();
    experiment(9).run(2, (x, p, r, res) -> seeds.add(res.seed()));
    for (int i = 0; i < seeds.size(); i++) {
      assertEquals(Seeds.forRun(9, i % 3), seeds.get(i));
    }
  }

  @Test
  void summary_meanAndQuantilesAcrossRuns() {
    Experiment e = experiment(3);
    Summary s = new Summary();
    List<Double> shares = new ArrayList<>();
    Parameters first = e.points().get(0);
    e.run(2, Summary.both(s, (x, p, r, res) -> {
      if (p.equals(first)) {
        shares.add(res.value(1, "share.collusion-ring"));
      }
    }));
    assertEquals(4, s.points().size());
    assertEquals(3, s.runs(first));
    double mean = (shares.get(0) + shares.get(1) + shares.get(2)) / 3;
    assertEquals(mean, s.mean(first, "share.collusion-ring", 1), 1e-12);
    double min = Math.min(shares.get(0), Math.min(shares.get(1), shares.get(2)));
    assertEquals(min, s.quantile(first, "share.collusion-ring", 1, 0), 1e-12);
  }

  @Test
  void run_modelThrows_propagates() {
    Experiment e = Experiment.builder("bad").model(p -> {
      throw new IllegalArgumentException("no such policy");
    }).build();
    assertEquals("no such policy",
        assertThrows(IllegalArgumentException.class, () -> e.run(1, (x, p, r, res) -> { })).getMessage());
  }

  @Test
  void run_failingRun_namesRunAndPoint() {
    Strategy broken = new Strategy() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public boolean gaming() {
        return false;
      }

      @Override
      public int identities() {
        return 1;
      }

      @Override
      public void act(Agent agent, CycleContext context, RecordSink sink) {
        throw new IllegalStateException("strategy failed");
      }
    };
    Experiment e = Experiment.builder("bad").runs(2).sweep("k", 1).model(p ->
        Simulation.builder(WorkModel.standard().policyBuilder("p").build())
            .population(Population.builder().add(broken, 1).build()).build()).build();
    IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.run(2, (n, p, r, res) -> { }));
    assertEquals("run 0 at k=1 of experiment bad failed: java.lang.IllegalStateException: strategy failed",
        x.getMessage());
  }

  @Test
  void builder_repeatedSweep_throws() {
    assertEquals("parameter (a) is already swept", assertThrows(IllegalArgumentException.class,
        () -> Experiment.builder("x").sweep("a", 1).sweep("a", 2)).getMessage());
  }
}
