package dev.kat.core.sim;

import dev.kat.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Who takes part in a simulation: groups of agents, each group following one strategy. Immutable; build
 * with {@link #builder()} or {@link #of}.
 *
 * <pre>{@code
 * Population p = Population.builder()
 *     .add(Strategies.honest(), 200)
 *     .add(Strategies.collusionRing(5), 1)
 *     .build();
 * }</pre>
 */
public final class Population {
  private final List<Group> groups;

  private Population(List<Group> groups) {
    this.groups = List.copyOf(groups);
  }

  /**
   * One group of agents following one strategy.
   *
   * @param strategy the strategy
   * @param agents how many agents follow it, &gt;= 0
   */
  public record Group(Strategy strategy, int agents) {
    /** Validates the fields. */
    public Group {
      Checks.notNull(strategy, "strategy");
      Checks.argument(agents >= 0, "agents (" + agents + ") must be >= 0");
      Checks.argument(strategy.identities() >= 1,
          "strategy " + strategy.name() + " has " + strategy.identities() + " identities; it needs at least 1");
    }
  }

  /** A population of the given groups. */
  public static Population of(List<Group> groups) {
    return new Population(Checks.notNull(groups, "groups"));
  }

  /** A builder of an empty population. */
  public static Builder builder() {
    return new Builder();
  }

  /** The groups, in the order they were added. */
  public List<Group> groups() {
    return groups;
  }

  /** The number of agents over all groups. */
  public int agents() {
    int n = 0;
    for (Group g : groups) {
      n += g.agents();
    }
    return n;
  }

  /** The number of identities over all groups. */
  public long identities() {
    long n = 0;
    for (Group g : groups) {
      n += (long) g.agents() * g.strategy().identities();
    }
    return n;
  }

  /** The distinct strategy labels, in order of first appearance. */
  public List<String> strategyNames() {
    List<String> out = new ArrayList<>();
    for (Group g : groups) {
      if (!out.contains(g.strategy().name())) {
        out.add(g.strategy().name());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Population && groups.equals(((Population) o).groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Population[");
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(groups.get(i).agents()).append(" × ").append(groups.get(i).strategy());
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link Population}; not thread-safe. */
  public static final class Builder {
    private final List<Group> groups = new ArrayList<>();

    private Builder() {}

    /** Adds {@code agents} agents following {@code strategy}. */
    public Builder add(Strategy strategy, int agents) {
      groups.add(new Group(strategy, agents));
      return this;
    }

    /** Builds the population. */
    public Population build() {
      return new Population(groups);
    }
  }
}
