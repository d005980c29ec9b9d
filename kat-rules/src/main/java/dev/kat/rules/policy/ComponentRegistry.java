package dev.kat.rules.policy;

import dev.kat.core.alloc.AllocationPolicy;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.guard.CategoryDayCapGuardrail;
import dev.kat.core.guard.CollusionRingGuardrail;
import dev.kat.core.guard.MadOutlierGuardrail;
import dev.kat.core.guard.ReviewerConcentrationGuardrail;
import dev.kat.core.guard.VelocityGuardrail;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Diminishing;
import java.util.Locale;
import java.util.Set;
import dev.kat.core.guard.EigenTrustGuardrail;
import dev.kat.core.guard.EvidenceReuseGuardrail;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Guardrails;
import dev.kat.core.guard.PairwiseReciprocityGuardrail;
import dev.kat.core.guard.SelfDealingGuardrail;
import dev.kat.rules.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The named components a policy document may refer to: guardrails by id and allocation policies by name.
 * Immutable; {@link #defaults()} holds the built-in ones, {@link #with(GuardrailFactory)} and
 * {@link #with(AllocationFactory)} add or replace one.
 */
public final class ComponentRegistry {
  private final SortedMap<String, GuardrailFactory> guardrails;
  private final SortedMap<String, AllocationFactory> allocations;
  private final SortedMap<String, CreditRuleFactory> creditRules;
  private final SortedMap<String, PrivilegeRuleFactory> privilegeRules;

  private ComponentRegistry(SortedMap<String, GuardrailFactory> guardrails,
      SortedMap<String, AllocationFactory> allocations, SortedMap<String, CreditRuleFactory> creditRules,
      SortedMap<String, PrivilegeRuleFactory> privilegeRules) {
    this.guardrails = Collections.unmodifiableSortedMap(new TreeMap<>(guardrails));
    this.allocations = Collections.unmodifiableSortedMap(new TreeMap<>(allocations));
    this.creditRules = Collections.unmodifiableSortedMap(new TreeMap<>(creditRules));
    this.privilegeRules = Collections.unmodifiableSortedMap(new TreeMap<>(privilegeRules));
  }

  /** A registry with nothing in it. */
  public static ComponentRegistry empty() {
    return new ComponentRegistry(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
  }

  /**
   * The built-in components plus every plug-in that modules in {@code layer} (and its parents) provide with
   * {@code provides ... with ...}: {@link GuardrailFactory}, {@link AllocationFactory},
   * {@link CreditRuleFactory} and {@link PrivilegeRuleFactory}. A plug-in may replace a built-in of the same
   * id; loading is logged at INFO with each plug-in's class and module.
   *
   * @throws IllegalStateException if two plug-ins of one kind share an id
   */
  public static ComponentRegistry discover(ModuleLayer layer) {
    Checks.notNull(layer, "layer");
    ComponentRegistry r = defaults();
    TreeMap<String, GuardrailFactory> g = new TreeMap<>(r.guardrails);
    TreeMap<String, AllocationFactory> a = new TreeMap<>(r.allocations);
    TreeMap<String, CreditRuleFactory> c = new TreeMap<>();
    TreeMap<String, PrivilegeRuleFactory> p = new TreeMap<>();
    load(ServiceLoader.load(layer, GuardrailFactory.class), GuardrailFactory::id, g);
    load(ServiceLoader.load(layer, AllocationFactory.class), AllocationFactory::name, a);
    load(ServiceLoader.load(layer, CreditRuleFactory.class), CreditRuleFactory::id, c);
    load(ServiceLoader.load(layer, PrivilegeRuleFactory.class), PrivilegeRuleFactory::id, p);
    return new ComponentRegistry(g, a, c, p);
  }

  private static <T> void load(ServiceLoader<T> loader, Function<T, String> id, TreeMap<String, T> into) {
    java.util.Map<String, T> seen = new TreeMap<>();
    for (T t : loader) {
      String key = Checks.notBlank(id.apply(t), t.getClass().getName() + " id");
      T other = seen.put(key, t);
      if (other != null) {
        throw new IllegalStateException("plug-ins " + other.getClass().getName() + " and " + t.getClass().getName()
            + " both provide id " + key);
      }
      LOG.log(System.Logger.Level.INFO, "plug-in {0} ({1} in module {2})", key, t.getClass().getName(),
          t.getClass().getModule().getName());
      into.put(key, t);
    }
  }

  private static final System.Logger LOG = System.getLogger("dev.kat.rules.policy");

  /**
   * The built-in components. Guardrails (see {@link Guardrails}), with their parameters and defaults:
   * {@code self-dealing} (allowCounterpartApproval false), {@code evidence-reuse} (checkPrior true),
   * {@code pairwise-reciprocity} (m 50, reciprocalReviews true), {@code collusion-ring} (minSize 3,
   * insularity 0.8, minDensity 0.5, minInteractions 4, factor 0.25) and {@code eigentrust} (preTrusted
   * none, alpha 0.15, fullTrust 0.1), {@code velocity} (windowSeconds 3600, maxRecords 8), {@code mad-outlier}
   * (threshold 3.5, minPopulation 20), {@code reviewer-concentration} (minRecords 5, maxShare 0.8, minLift 3,
   * concentrationFactor 0.5, minComparisons 10, gap 0.25, rubberStampFactor 0.5) and {@code category-day-cap}
   * (category required, soft, hard, curve flat). Allocation policies: {@code immediate}, {@code recent},
   * {@code balanced} and {@code fixed_rate} (katPerCredit, a positive integer, required).
   */
  public static ComponentRegistry defaults() {
    return empty()
        .with(guardrail(SelfDealingGuardrail.ID,
            p -> new SelfDealingGuardrail(p.bool("allowCounterpartApproval", false))))
        .with(guardrail(EvidenceReuseGuardrail.ID, p -> new EvidenceReuseGuardrail(p.bool("checkPrior", true))))
        .with(guardrail(PairwiseReciprocityGuardrail.ID, p -> new PairwiseReciprocityGuardrail(
            p.number("m", Guardrails.DEFAULT_PAIR_BOUND), p.bool("reciprocalReviews", true))))
        .with(guardrail(CollusionRingGuardrail.ID, p -> new CollusionRingGuardrail(
            smallInt(p, "minSize", 3), p.number("insularity", 0.8), p.number("minDensity", 0.5),
            smallInt(p, "minInteractions", 4), p.number("factor", 0.25))))
        .with(guardrail(VelocityGuardrail.ID, p -> new VelocityGuardrail(p.integer("windowSeconds", 3600),
            smallInt(p, "maxRecords", 8))))
        .with(guardrail(MadOutlierGuardrail.ID, p -> new MadOutlierGuardrail(p.number("threshold", 3.5),
            smallInt(p, "minPopulation", 20))))
        .with(guardrail(ReviewerConcentrationGuardrail.ID, p -> new ReviewerConcentrationGuardrail(
            smallInt(p, "minRecords", 5), p.number("maxShare", 0.8), p.number("minLift", 3.0),
            p.number("concentrationFactor", 0.5), smallInt(p, "minComparisons", 10), p.number("gap", 0.25),
            p.number("rubberStampFactor", 0.5))))
        .with(guardrail(CategoryDayCapGuardrail.ID, p -> {
          String category = p.string("category", null);
          if (category == null) {
            throw new IllegalArgumentException("parameter category is required (a category id, or * for each)");
          }
          double hard = p.number("hard", Double.POSITIVE_INFINITY);
          double soft = p.number("soft", hard);
          String curve = p.string("curve", "flat");
          if (!Set.of("none", "sqrt", "log", "flat").contains(curve)) {
            throw new IllegalArgumentException("parameter curve (" + curve + ") must be none, sqrt, log or flat");
          }
          return new CategoryDayCapGuardrail(category,
              new CapSpec(soft, hard, Diminishing.valueOf(curve.toUpperCase(Locale.ROOT))));
        }))
        .with(guardrail(EigenTrustGuardrail.ID, p -> new EigenTrustGuardrail(new TreeSet<>(p.strings("preTrusted")),
            p.number("alpha", Guardrails.DEFAULT_ALPHA), p.number("fullTrust", Guardrails.DEFAULT_FULL_TRUST))))
        .with(allocation("immediate", p -> Allocations.immediate()))
        .with(allocation("recent", p -> Allocations.recent()))
        .with(allocation("balanced", p -> Allocations.balanced()))
        .with(allocation("fixed_rate", p -> {
          long rate = p.integer("katPerCredit", 0);
          if (rate <= 0) {
            throw new IllegalArgumentException("parameter katPerCredit (" + rate + ") must be a positive integer");
          }
          return Allocations.fixedRate(rate);
        }));
  }

  private static int smallInt(Parameters p, String name, int dflt) {
    long v = p.integer(name, dflt);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + name + " (" + v + ") is too large");
    }
    return (int) v;
  }

  private static GuardrailFactory guardrail(String id, Function<Parameters, Guardrail> make) {
    return new GuardrailFactory() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Guardrail create(Parameters parameters) {
        return make.apply(parameters);
      }
    };
  }

  private static AllocationFactory allocation(String name, Function<Parameters, AllocationPolicy> make) {
    return new AllocationFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AllocationPolicy create(Parameters parameters) {
        return make.apply(parameters);
      }
    };
  }

  /** A copy with {@code factory} registered under its id (replacing any other with that id). */
  public ComponentRegistry with(GuardrailFactory factory) {
    Checks.notNull(factory, "factory");
    TreeMap<String, GuardrailFactory> g = new TreeMap<>(guardrails);
    g.put(Checks.notBlank(factory.id(), "factory.id()"), factory);
    return new ComponentRegistry(g, allocations, creditRules, privilegeRules);
  }

  /** A copy with {@code factory} registered under its name (replacing any other with that name). */
  public ComponentRegistry with(AllocationFactory factory) {
    Checks.notNull(factory, "factory");
    TreeMap<String, AllocationFactory> a = new TreeMap<>(allocations);
    a.put(Checks.notBlank(factory.name(), "factory.name()"), factory);
    return new ComponentRegistry(guardrails, a, creditRules, privilegeRules);
  }

  /** A copy with {@code factory} registered under its id (replacing any other with that id). */
  public ComponentRegistry with(CreditRuleFactory factory) {
    Checks.notNull(factory, "factory");
    TreeMap<String, CreditRuleFactory> c = new TreeMap<>(creditRules);
    c.put(Checks.notBlank(factory.id(), "factory.id()"), factory);
    return new ComponentRegistry(guardrails, allocations, c, privilegeRules);
  }

  /** A copy with {@code factory} registered under its id (replacing any other with that id). */
  public ComponentRegistry with(PrivilegeRuleFactory factory) {
    Checks.notNull(factory, "factory");
    TreeMap<String, PrivilegeRuleFactory> p = new TreeMap<>(privilegeRules);
    p.put(Checks.notBlank(factory.id(), "factory.id()"), factory);
    return new ComponentRegistry(guardrails, allocations, creditRules, p);
  }

  /** The credit rule factory for {@code id}, if registered. */
  public Optional<CreditRuleFactory> creditRule(String id) {
    return Optional.ofNullable(creditRules.get(id));
  }

  /** The privilege rule factory for {@code id}, if registered. */
  public Optional<PrivilegeRuleFactory> privilegeRule(String id) {
    return Optional.ofNullable(privilegeRules.get(id));
  }

  /** The registered credit rule ids, sorted. */
  public SortedSet<String> creditRuleIds() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(creditRules.keySet()));
  }

  /** The registered privilege rule ids, sorted. */
  public SortedSet<String> privilegeRuleIds() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(privilegeRules.keySet()));
  }

  /** The guardrail factory for {@code id}, if registered. */
  public Optional<GuardrailFactory> guardrail(String id) {
    return Optional.ofNullable(guardrails.get(id));
  }

  /** The allocation factory for {@code name}, if registered. */
  public Optional<AllocationFactory> allocation(String name) {
    return Optional.ofNullable(allocations.get(name));
  }

  /** The registered guardrail ids, sorted. */
  public SortedSet<String> guardrailIds() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(guardrails.keySet()));
  }

  /** The registered allocation names, sorted. */
  public SortedSet<String> allocationNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(allocations.keySet()));
  }

  /** The guardrail factories by id. */
  public Map<String, GuardrailFactory> guardrails() {
    return guardrails;
  }
}
