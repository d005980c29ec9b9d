package dev.kat.core.guard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/** Every built-in guardrail with test settings, and a bad value for each parameter. */
final class Catalogue {
  private Catalogue() {}

  static final TreeSet<String> STEWARDS = new TreeSet<>(List.of("steward0", "steward1", "steward2", "steward3",
      "steward4", "steward5", "steward6", "steward7", "steward8", "steward9"));

  static List<Guardrail> all() {
    return List.of(
        Guardrails.selfDealing(),
        Guardrails.evidenceReuse(),
        Guardrails.pairwiseReciprocity(20),
        Guardrails.collusionRings(),
        Guardrails.eigenTrust(STEWARDS),
        Guardrails.eigenTrustFromKarma(),
        Guardrails.reviewerConcentration(),
        Guardrails.velocity(),
        Guardrails.madOutliers(),
        Guardrails.categoryDayCap(CategoryDayCapGuardrail.EVERY_CATEGORY, dev.kat.core.policy.CapSpec.hard(30)));
  }

  /** {@link Guardrails#defaults()} with trust anchored on the stewards instead of prior karma. */
  static List<Guardrail> recommended() {
    List<Guardrail> out = new java.util.ArrayList<>();
    for (Guardrail g : Guardrails.defaults()) {
      out.add(g instanceof EigenTrustGuardrail ? Guardrails.eigenTrust(STEWARDS) : g);
    }
    return List.copyOf(out);
  }

  /** Message fragment expected → constructor call with a bad value. */
  static Map<String, Executable> badParameters() {
    Map<String, Executable> m = new LinkedHashMap<>();
    m.put("m (0.0)", () -> new PairwiseReciprocityGuardrail(0, true));
    m.put("m (NaN)", () -> new PairwiseReciprocityGuardrail(Double.NaN, true));
    m.put("minSize (1)", () -> new CollusionRingGuardrail(1, 0.8, 0.5, 4, 0.25));
    m.put("insularity (1.5)", () -> new CollusionRingGuardrail(3, 1.5, 0.5, 4, 0.25));
    m.put("minDensity (0.0)", () -> new CollusionRingGuardrail(3, 0.8, 0.0, 4, 0.25));
    m.put("minInteractions (0)", () -> new CollusionRingGuardrail(3, 0.8, 0.5, 0, 0.25));
    m.put("factor (1.0)", () -> new CollusionRingGuardrail(3, 0.8, 0.5, 4, 1.0));
    m.put("alpha (0.0)", () -> new EigenTrustGuardrail(STEWARDS, 0.0, 0.1));
    m.put("fullTrust (-1.0)", () -> new EigenTrustGuardrail(STEWARDS, 0.15, -1));
    m.put("preTrusted id", () -> new EigenTrustGuardrail(new TreeSet<>(List.of(" ")), 0.15, 0.1));
    m.put("preTrusted must name", () -> Guardrails.eigenTrust(new TreeSet<>()));
    m.put("minRecords (1)", () -> new ReviewerConcentrationGuardrail(1, 0.8, 3, 0.5, 10, 0.25, 0.5));
    m.put("maxShare (0.0)", () -> new ReviewerConcentrationGuardrail(5, 0, 3, 0.5, 10, 0.25, 0.5));
    m.put("minLift (0.5)", () -> new ReviewerConcentrationGuardrail(5, 0.8, 0.5, 0.5, 10, 0.25, 0.5));
    m.put("concentrationFactor (2.0)", () -> new ReviewerConcentrationGuardrail(5, 0.8, 3, 2, 10, 0.25, 0.5));
    m.put("minComparisons (0)", () -> new ReviewerConcentrationGuardrail(5, 0.8, 3, 0.5, 0, 0.25, 0.5));
    m.put("gap (0.0)", () -> new ReviewerConcentrationGuardrail(5, 0.8, 3, 0.5, 10, 0, 0.5));
    m.put("rubberStampFactor (-0.1)", () -> new ReviewerConcentrationGuardrail(5, 0.8, 3, 0.5, 10, 0.25, -0.1));
    m.put("windowSeconds (0)", () -> new VelocityGuardrail(0, 8));
    m.put("maxRecords (0)", () -> new VelocityGuardrail(3600, 0));
    m.put("threshold (0.0)", () -> new MadOutlierGuardrail(0, 20));
    m.put("minPopulation (2)", () -> new MadOutlierGuardrail(3.5, 2));
    m.put("cap (CapSpec[soft=Infinity", () -> new CategoryDayCapGuardrail("*", dev.kat.core.policy.CapSpec.NONE));
    m.put("category (\" \")", () -> new CategoryDayCapGuardrail(" ", dev.kat.core.policy.CapSpec.hard(3)));
    return m;
  }
}
