package dev.kat.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.guard.Guardrails;
import dev.kat.core.policy.Policy;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The examples of docs/simulation.md, compiled and run. */
class SimulationExamples {

  @Test
  void runInJava_ringCapturesAShareAndGuardrailsTakeMostBack() {
    Policy policy = WorkModel.standard().policyBuilder("lab")
        .guardrail(Guardrails.pairwiseReciprocity()).guardrail(Guardrails.collusionRings())
        .build();
    Simulation sim = Simulation.builder(policy)
        .population(Population.builder()
            .add(Strategies.honest(), 200)
            .add(Strategies.collusionRing(8), 1)
            .build())
        .cycles(12)
        .behaviour(Behaviour.STATIC.withLeaving(3))
        .build();
    RunResult r = sim.run(42);
    double guarded = r.last("share.collusion-ring");

    Policy open = WorkModel.standard().policyBuilder("open").build();
    double unguarded = Simulation.builder(open).population(sim.population()).cycles(12).build().run(42)
        .last("share.collusion-ring");
    assertTrue(unguarded > 0.10, "unguarded ring share " + unguarded);
    assertTrue(guarded < unguarded / 2, "guarded " + guarded + " vs unguarded " + unguarded);
  }

  @Test
  void experiment_streamsTidyCsvInCanonicalOrder() {
    Policy guarded = WorkModel.standard().policyBuilder("guarded").guardrail(Guardrails.collusionRings()).build();
    Policy open = WorkModel.standard().policyBuilder("open").build();
    Experiment e = Experiment.builder("ring-size")
        .masterSeed(42).runs(2)
        .sweep("ringSize", 2, 4)
        .sweep("guardrails", "off", "on")
        .model(p -> Simulation.builder(p.text("guardrails").equals("on") ? guarded : open)
            .population(Population.builder().add(Strategies.honest(), 20)
                .add(Strategies.collusionRing(p.integer("ringSize")), 1).build())
            .cycles(2).build())
        .build();
    StringWriter w = new StringWriter();
    e.run(2, new TidyCsvWriter(w));
    String[] lines = w.toString().split("\n");
    assertEquals("experiment,parameters,run,cycle,metric,value", lines[0]);
    assertTrue(lines[1].startsWith("ring-size,ringSize=2;guardrails=off,0,0,records,"), lines[1]);
    assertTrue(lines[lines.length - 1].startsWith("ring-size,ringSize=4;guardrails=on,1,1,agents.collusion-ring,1"),
        lines[lines.length - 1]);
  }
}
