package dev.kat.core.guard;

import dev.kat.core.internal.Checks;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The catalogue of built-in guardrails: factories with documented defaults, and {@link #defaults()}, the
 * recommended set in the recommended order.
 *
 * <p>Order matters because each guardrail sees the credit left by those before it: rejections (self-dealing,
 * evidence reuse) come first, then holds for human review (bursts, outliers), then the graph detectors
 * that dampen (pairwise reciprocity, rings, trust, reviewer concentration). See docs/guardrails.md for the
 * threat model each one answers.
 */
public final class Guardrails {
  /** The default pair bound M of {@link #pairwiseReciprocity()}, in credit. */
  public static final double DEFAULT_PAIR_BOUND = 50.0;
  /** The default pre-trust weight of {@link #eigenTrust(SortedSet)}. */
  public static final double DEFAULT_ALPHA = 0.15;
  /** The default relative trust at which a voucher counts fully (1 = average trust). */
  public static final double DEFAULT_FULL_TRUST = 0.1;

  private Guardrails() {}

  /**
   * The recommended guardrails, in order: self-dealing, evidence reuse, velocity bursts, MAD outliers,
   * pairwise reciprocity, collusion rings, trust weighting from prior karma and reviewer concentration.
   */
  public static List<Guardrail> defaults() {
    return List.of(selfDealing(), evidenceReuse(), velocity(), madOutliers(), pairwiseReciprocity(),
        collusionRings(), eigenTrustFromKarma(), reviewerConcentration());
  }

  /**
   * A cap on one contributor's credit in {@code category} per UTC day ({@code "*"}: every category
   * separately), with the policy caps' soft and hard bounds and curves.
   *
   * @param category a category id or {@code "*"}
   * @param cap the cap; must limit something
   * @throws IllegalArgumentException if {@code category} is blank or {@code cap} is unlimited
   */
  public static CategoryDayCapGuardrail categoryDayCap(String category, dev.kat.core.policy.CapSpec cap) {
    return new CategoryDayCapGuardrail(category, cap);
  }

  /** Velocity bursts with the defaults: more than 8 records by one person within one hour are held. */
  public static VelocityGuardrail velocity() {
    return velocity(3600, 8);
  }

  /**
   * Velocity bursts: more than {@code maxRecords} records by one person within {@code windowSeconds}
   * are held for review.
   *
   * @param windowSeconds the window in seconds, in [1, 2678400]
   * @param maxRecords the most records per window, &gt;= 1
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public static VelocityGuardrail velocity(long windowSeconds, int maxRecords) {
    return new VelocityGuardrail(windowSeconds, maxRecords);
  }

  /**
   * Robust outliers with the defaults: a modified z-score of log credit above 3.5, judged from 20
   * contributors with credit.
   */
  public static MadOutlierGuardrail madOutliers() {
    return madOutliers(3.5);
  }

  /**
   * Robust outliers above {@code threshold} (modified z-score of log credit), judged from 20
   * contributors with credit.
   *
   * @param threshold the z-score limit, finite and &gt; 0
   * @throws IllegalArgumentException if {@code threshold} is not finite and positive
   */
  public static MadOutlierGuardrail madOutliers(double threshold) {
    return new MadOutlierGuardrail(threshold, 20);
  }

  /**
   * Reviewer concentration and rubber stamps with the defaults: concentration judged from 5 approved
   * records, flagged at an 80% share that is at least 3 times the reviewer's overall share, such records
   * at 50%; reviewers scored from 10 comparisons, rubber stamps 0.25 below the median agreement, their
   * sole approvals at 50%.
   */
  public static ReviewerConcentrationGuardrail reviewerConcentration() {
    return new ReviewerConcentrationGuardrail(5, 0.8, 3.0, 0.5, 10, 0.25, 0.5);
  }

  /** Self-dealing: own counterpart, own reviewer, or approvals only from counterparts; rejects. */
  public static SelfDealingGuardrail selfDealing() {
    return new SelfDealingGuardrail(false);
  }

  /** Evidence reuse within the cycle and against earlier cycles; only the first record counts. */
  public static EvidenceReuseGuardrail evidenceReuse() {
    return new EvidenceReuseGuardrail(true);
  }

  /** Pairwise reciprocity with the default pair bound {@value #DEFAULT_PAIR_BOUND}. */
  public static PairwiseReciprocityGuardrail pairwiseReciprocity() {
    return pairwiseReciprocity(DEFAULT_PAIR_BOUND);
  }

  /**
   * Pairwise reciprocity: a pair's repeated records earn less than {@code m} credit in total.
   *
   * @param m the pair bound in credit, finite and &gt; 0
   * @throws IllegalArgumentException if {@code m} is not finite and positive
   */
  public static PairwiseReciprocityGuardrail pairwiseReciprocity(double m) {
    return new PairwiseReciprocityGuardrail(m, true);
  }

  /**
   * Collusion rings with the defaults: at least 3 members, 80% of the circle's shared records inside it,
   * half of its possible pairs interacting, people judged from 4 shared records, records inside dampened
   * to 25%.
   */
  public static CollusionRingGuardrail collusionRings() {
    return new CollusionRingGuardrail(3, 0.8, 0.5, 4, 0.25);
  }

  /**
   * Trust weighting anchored on the given pre-trusted members, with the default alpha and full-trust
   * level.
   *
   * @param preTrusted the pre-trusted member ids, not empty
   * @throws IllegalArgumentException if {@code preTrusted} is empty or names a blank id
   */
  public static EigenTrustGuardrail eigenTrust(SortedSet<String> preTrusted) {
    Checks.argument(!Checks.notNull(preTrusted, "preTrusted").isEmpty(),
        "preTrusted must name at least one member; use eigenTrustFromKarma() to anchor on karma");
    return new EigenTrustGuardrail(preTrusted, DEFAULT_ALPHA, DEFAULT_FULL_TRUST);
  }

  /** Trust weighting anchored on prior karma, with the default alpha and full-trust level. */
  public static EigenTrustGuardrail eigenTrustFromKarma() {
    return new EigenTrustGuardrail(new TreeSet<>(), DEFAULT_ALPHA, DEFAULT_FULL_TRUST);
  }
}
