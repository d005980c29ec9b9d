package dev.kat.rules.policy;

import dev.kat.core.alloc.AllocationPolicy;
import dev.kat.core.alloc.Allocations;
import dev.kat.rules.internal.Checks;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
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

  private ComponentRegistry(
      SortedMap<String, GuardrailFactory> guardrails, SortedMap<String, AllocationFactory> allocations) {
    this.guardrails = Collections.unmodifiableSortedMap(guardrails);
    this.allocations = Collections.unmodifiableSortedMap(allocations);
  }

  /** A registry with nothing in it. */
  public static ComponentRegistry empty() {
    return new ComponentRegistry(new TreeMap<>(), new TreeMap<>());
  }

  /**
   * The built-in components: the allocation policies {@code immediate}, {@code recent}, {@code balanced} and
   * {@code fixed_rate} (parameter {@code katPerCredit}, a positive integer).
   */
  public static ComponentRegistry defaults() {
    return empty()
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
    return new ComponentRegistry(g, new TreeMap<>(allocations));
  }

  /** A copy with {@code factory} registered under its name (replacing any other with that name). */
  public ComponentRegistry with(AllocationFactory factory) {
    Checks.notNull(factory, "factory");
    TreeMap<String, AllocationFactory> a = new TreeMap<>(allocations);
    a.put(Checks.notBlank(factory.name(), "factory.name()"), factory);
    return new ComponentRegistry(new TreeMap<>(guardrails), a);
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
