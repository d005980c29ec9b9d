package dev.kat.testkit;

import dev.kat.core.guard.Guardrail;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Range;
import dev.kat.core.policy.Unit;
import dev.kat.core.sim.WorkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates {@link Policy}s that conform to a {@link Framework}: the categories of a {@link WorkModel}
 * (so the built-in strategies' records fit) plus every category the framework requires, base credits,
 * the role weight, karma half-life and influence drawn inside the framework's ranges (or inside modest
 * defaults where a range is unbounded), a budget of 1 to 1 000 000 base units, and — when asked for, or
 * when the framework bounds the per-cycle cap — a per-cycle hard cap within the framework's maximum.
 * Every configuration method returns a new arbitrary; this one is unchanged.
 */
public final class PolicyArbitrary extends ArbitraryDecorator<Policy> {
  private final Framework framework;
  private final WorkModel work;
  private final boolean caps;
  private final List<Guardrail> guardrails;

  PolicyArbitrary(Framework framework, WorkModel work, boolean caps, List<Guardrail> guardrails) {
    this.framework = framework;
    this.work = work;
    this.caps = caps;
    this.guardrails = List.copyOf(guardrails);
  }

  /** A copy generating policies inside {@code value}'s bounds. */
  public PolicyArbitrary within(Framework value) {
    return new PolicyArbitrary(Checks.notNull(value, "framework"), work, caps, guardrails);
  }

  /** A copy declaring the categories and role of {@code value}. */
  public PolicyArbitrary forWork(WorkModel value) {
    return new PolicyArbitrary(framework, Checks.notNull(value, "work"), caps, guardrails);
  }

  /**
   * A copy that adds a per-cycle hard cap or does not. A framework with a finite maximum cycle cap
   * always gets one.
   */
  public PolicyArbitrary withCaps(boolean on) {
    return new PolicyArbitrary(framework, work, on, guardrails);
  }

  /** A copy whose policies run {@code values}, in this order (include every guardrail the framework requires). */
  public PolicyArbitrary withGuardrails(Guardrail... values) {
    return new PolicyArbitrary(framework, work, caps, List.of(values));
  }

  /** A finite interval inside {@code r}: its finite bounds, or the fallbacks where it is unbounded. */
  static double[] finite(Range r, double lo, double hi) {
    double min = Double.isInfinite(r.min()) ? Math.min(lo, r.max()) : r.min();
    double max = Double.isInfinite(r.max()) ? Math.max(hi, min) : r.max();
    if (Double.isInfinite(r.min()) && min > max) {
      min = max;
    }
    return new double[] {min, max};
  }

  private static Arbitrary<Double> in(Range r, double lo, double hi, double floor) {
    double[] b = finite(r, lo, hi);
    double min = Math.max(b[0], floor);
    double max = Math.max(b[1], min);
    return min == max ? Arbitraries.just(min) : Arbitraries.doubles().between(min, max).ofScale(3);
  }

  @Override
  protected Arbitrary<Policy> arbitrary() {
    Set<String> present = new TreeSet<>();
    for (Guardrail g : guardrails) {
      present.add(g.id());
    }
    Checks.state(present.containsAll(framework.requiredGuardrails()),
        "framework " + framework.id() + " requires guardrails " + framework.requiredGuardrails()
            + "; pass them to withGuardrails(...)");
    List<String> categories = new ArrayList<>(List.of(work.sessionCategory(), work.documentationCategory(),
        work.reviewCategory()));
    for (String c : framework.requiredCategories()) {
      if (!categories.contains(c)) {
        categories.add(c);
      }
    }
    Arbitrary<List<Double>> bases = in(framework.baseCredit(), 0.5, 20, 0).list().ofSize(categories.size());
    Arbitrary<Double> roleWeight = in(framework.roleWeight(), 0.5, 2, 0);
    Arbitrary<Double> halfLife = in(framework.karmaHalfLifeCycles(), 1, 24, 0.1);
    Arbitrary<Double> influence = in(framework.karmaInfluence(), 0, 1, 0);
    Arbitrary<Long> budget = Arbitraries.longs().between(1, 1_000_000);
    boolean capped = caps || Double.isFinite(framework.maxCycleCap());
    double capMax = Double.isFinite(framework.maxCycleCap()) ? framework.maxCycleCap() : 500;
    Arbitrary<Double> cap = capped
        ? Arbitraries.doubles().between(Math.min(5, capMax), capMax).ofScale(2) : Arbitraries.just(0.0);
    return Combinators.combine(bases, roleWeight, halfLife, influence, budget, cap).as((b, rw, hl, inf, bud, c) -> {
      Policy.Builder p = Policy.builder("generated").role(work.role(), rw, false).budget(bud)
          .karma(new KarmaPolicy(hl, 1, 0, 0, 10_000, inf));
      for (int i = 0; i < categories.size(); i++) {
        String id = categories.get(i);
        Unit unit = id.equals(work.sessionCategory()) ? Unit.PER_HOUR : Unit.PER_RECORD;
        p.category(CategorySpec.of(id, b.get(i), unit));
      }
      if (capped) {
        p.caps(Caps.NONE.withPerCycle(CapSpec.hard(c)));
      }
      guardrails.forEach(p::guardrail);
      return p.build();
    });
  }
}
