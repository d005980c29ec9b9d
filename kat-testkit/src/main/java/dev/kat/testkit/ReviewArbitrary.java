package dev.kat.testkit;

import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates {@link Review}s: a reviewer from a pool, a verdict (four approvals to one of the others by
 * default), and an optional quality score with two decimals. Every configuration method returns a new
 * arbitrary; this one is unchanged. Shrinks toward the first reviewer, an approval and no score.
 */
public final class ReviewArbitrary extends ArbitraryDecorator<Review> {
  private final List<String> reviewers;
  private final boolean approvalsOnly;
  private final boolean quality;

  ReviewArbitrary(List<String> reviewers, boolean approvalsOnly, boolean quality) {
    this.reviewers = List.copyOf(reviewers);
    this.approvalsOnly = approvalsOnly;
    this.quality = quality;
  }

  /** A copy drawing reviewers from {@code ids}. */
  public ReviewArbitrary reviewers(String... ids) {
    Checks.argument(ids.length > 0, "reviewers needs at least one id");
    for (String id : ids) {
      Checks.notBlank(id, "reviewer");
    }
    return new ReviewArbitrary(List.of(ids), approvalsOnly, quality);
  }

  /** A copy that only approves. */
  public ReviewArbitrary approvalsOnly() {
    return new ReviewArbitrary(reviewers, true, quality);
  }

  /** A copy that gives quality scores (in [0, 1], two decimals) or never does. */
  public ReviewArbitrary withQuality(boolean on) {
    return new ReviewArbitrary(reviewers, approvalsOnly, on);
  }

  /** The reviewer pool. */
  public List<String> reviewerPool() {
    return reviewers;
  }

  @Override
  protected Arbitrary<Review> arbitrary() {
    Arbitrary<Verdict> verdicts = approvalsOnly ? Arbitraries.just(Verdict.APPROVE)
        : Arbitraries.frequency(Tuple.of(8, Verdict.APPROVE), Tuple.of(1, Verdict.REJECT), Tuple.of(1, Verdict.DISMISS));
    Arbitrary<Double> scores = quality
        ? Arbitraries.doubles().between(0, 1).ofScale(2).injectNull(0.5) : Arbitraries.just(null);
    return Combinators.combine(Arbitraries.of(reviewers), verdicts, scores).as((who, verdict, score) ->
        new Review(who, verdict, score == null || verdict != Verdict.APPROVE ? OptionalDouble.empty()
            : OptionalDouble.of(score), null));
  }
}
