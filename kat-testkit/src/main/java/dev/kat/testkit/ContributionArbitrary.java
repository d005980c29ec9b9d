package dev.kat.testkit;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates {@link Contribution}s that a policy can admit: a contributor from a pool, a category and role
 * from given lists, a time inside the cycle, a {@code durationMinutes} of 15–240 (and an {@code amount} of
 * twice that, for categories paid per currency unit), one unique evidence
 * reference, optionally a counterpart, and up to {@code maxReviews} reviews by others (a contributor never
 * reviews their own record here; use {@link KatArbitraries#reviews()} to build self-dealing on purpose).
 * Every configuration method returns a new arbitrary; this one is unchanged.
 *
 * <p>Single records get ids {@code r0 … r999999}, which can collide between draws; {@link #lists(int, int)}
 * numbers the records of one list {@code r0, r1 …} so ids are unique.
 */
public final class ContributionArbitrary extends ArbitraryDecorator<Contribution> {
  private final Cycle cycle;
  private final List<String> contributors;
  private final List<String> categories;
  private final List<String> roles;
  private final int maxReviews;

  ContributionArbitrary(Cycle cycle, List<String> contributors, List<String> categories, List<String> roles,
      int maxReviews) {
    this.cycle = cycle;
    this.contributors = List.copyOf(contributors);
    this.categories = List.copyOf(categories);
    this.roles = List.copyOf(roles);
    this.maxReviews = maxReviews;
  }

  /** A copy whose records fall in {@code value}. */
  public ContributionArbitrary inCycle(Cycle value) {
    return new ContributionArbitrary(Checks.notNull(value, "cycle"), contributors, categories, roles, maxReviews);
  }

  /** A copy drawing contributors (and reviewers and counterparts) from {@code ids}. */
  public ContributionArbitrary contributors(String... ids) {
    Checks.argument(ids.length >= 2, "contributors needs at least two ids (reviews come from others)");
    for (String id : ids) {
      Checks.notBlank(id, "contributor");
    }
    return new ContributionArbitrary(cycle, List.of(ids), categories, roles, maxReviews);
  }

  /** A copy drawing categories from {@code ids}. */
  public ContributionArbitrary categories(String... ids) {
    Checks.argument(ids.length > 0, "categories needs at least one id");
    return new ContributionArbitrary(cycle, contributors, List.of(ids), roles, maxReviews);
  }

  /** A copy drawing roles from {@code ids}. */
  public ContributionArbitrary roles(String... ids) {
    Checks.argument(ids.length > 0, "roles needs at least one id");
    return new ContributionArbitrary(cycle, contributors, categories, List.of(ids), maxReviews);
  }

  /**
   * A copy drawing categories and roles from those {@code policy} declares, keeping only pairs the
   * policy makes eligible.
   *
   * @throws IllegalArgumentException if no declared role is eligible for any declared category
   */
  public ContributionArbitrary forPolicy(Policy policy) {
    Checks.notNull(policy, "policy");
    List<String> cats = new ArrayList<>();
    List<String> rls = new ArrayList<>();
    for (CategorySpec c : policy.categories().values()) {
      for (String r : policy.roles().keySet()) {
        if (policy.isEligible(c.id(), r)) {
          if (!cats.contains(c.id())) {
            cats.add(c.id());
          }
          if (!rls.contains(r)) {
            rls.add(r);
          }
        }
      }
    }
    Checks.argument(!cats.isEmpty(), "policy " + policy.id() + " makes no role eligible for any category");
    return new ContributionArbitrary(cycle, contributors, cats, rls, maxReviews);
  }

  /**
   * A copy with up to {@code max} reviews per record.
   *
   * @param max in [0, contributors − 1]
   */
  public ContributionArbitrary maxReviews(int max) {
    Checks.argument(max >= 0 && max < contributors.size(),
        "maxReviews (" + max + ") must be in [0, " + (contributors.size() - 1) + "]");
    return new ContributionArbitrary(cycle, contributors, categories, roles, max);
  }

  /** Lists of {@code min … max} records with unique ids {@code r0, r1 …}; shrinks toward shorter lists. */
  public Arbitrary<List<Contribution>> lists(int min, int max) {
    Checks.argument(min >= 0 && max >= min, "list size [" + min + ", " + max + "] must satisfy 0 <= min <= max");
    return list().ofMinSize(min).ofMaxSize(max).map(ContributionArbitrary::renumber);
  }

  /** Gives the records of {@code records} the ids {@code r0, r1 …} in list order. */
  public static List<Contribution> renumber(List<Contribution> records) {
    List<Contribution> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      Contribution c = records.get(i);
      String id = "r" + i;
      List<Evidence> ev = c.evidence().isEmpty() ? List.of() : List.of(Evidence.of("ev:" + id));
      out.add(new Contribution(id, c.contributor(), c.dao(), c.workingGroup(), c.category(), c.role(),
          c.occurredAt(), c.attributes(), c.counterparts(), ev, c.reviews(), null));
    }
    return out;
  }

  @Override
  protected Arbitrary<Contribution> arbitrary() {
    long seconds = cycle.end().getEpochSecond() - cycle.start().getEpochSecond();
    Arbitrary<Integer> who = Arbitraries.integers().between(0, contributors.size() - 1);
    Arbitrary<String> category = Arbitraries.of(categories);
    Arbitrary<String> role = Arbitraries.of(roles);
    Arbitrary<Long> offset = Arbitraries.longs().between(0, seconds - 1);
    Arbitrary<Integer> minutes = Arbitraries.integers().between(15, 240);
    Arbitrary<Integer> id = Arbitraries.integers().between(0, 999_999);
    Arbitrary<Integer> counterpart = Arbitraries.integers().between(-1, contributors.size() - 2);
    Arbitrary<List<Tuple.Tuple2<Integer, Double>>> reviews = Combinators.combine(
        Arbitraries.integers().between(0, contributors.size() - 2),
        Arbitraries.doubles().between(0, 1).ofScale(2).injectNull(0.5)).as(Tuple::of).list().ofMaxSize(maxReviews);
    return Combinators.combine(who, category, role, offset, minutes, id, counterpart, reviews)
        .as((w, cat, r, off, min, n, cp, rv) -> {
          String me = contributors.get(w);
          String recordId = "r" + n;
          Contribution.Builder b = Contribution.builder(recordId, me, cat, r, cycle.start().plusSeconds(off))
              .attribute("durationMinutes", min).attribute("amount", min * 2).evidence("ev:" + recordId);
          if (cp >= 0) {
            b.counterpart(others(me).get(cp));
          }
          List<String> seen = new ArrayList<>();
          List<String> others = others(me);
          for (Tuple.Tuple2<Integer, Double> review : rv) {
            String reviewer = others.get(review.get1());
            if (!seen.contains(reviewer)) {
              seen.add(reviewer);
              b.review(review.get2() == null ? Review.approve(reviewer) : Review.approve(reviewer, review.get2()));
            }
          }
          return b.build();
        });
  }

  private List<String> others(String me) {
    List<String> out = new ArrayList<>(contributors);
    out.remove(me);
    return out;
  }
}
