package dev.kat.bench.baseline;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.RoleSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The baseline a typical developer would write: a loop over a {@code List<Contribution>}, the policy's
 * rules looked up per record in maps, {@link BigDecimal} sums in a {@code HashMap} per contributor, and a
 * largest-remainder split in {@link BigDecimal}.
 *
 * <p>It applies the same admission checks (for records without duplicates or corrections), the same credit
 * formula with the factors in the same order, the same rounding to micro-units and the same tie order as
 * {@link dev.kat.core.engine.KatEngine} for a policy without guardrails, caps or karma influence, so its
 * allocation is identical to the engine's (a test checks this). It exists only to be measured against.
 */
public final class ObjectPerRecordRecognition {
  private ObjectPerRecordRecognition() {}

  /**
   * KAT per contributor, in base units, for the accepted records of {@code records}.
   *
   * @throws IllegalArgumentException if the policy has guardrails or caps, which this baseline does not
   *     implement
   */
  public static SortedMap<String, Long> allocate(Policy policy, Cycle cycle, List<Contribution> records) {
    if (!policy.guardrails().isEmpty() || !policy.caps().perDay().isNone()
        || !policy.caps().perCategory().isNone() || !policy.caps().perCycle().isNone()) {
      throw new IllegalArgumentException("policy " + policy.id() + " has guardrails or caps; the baseline "
          + "implements credit and allocation only");
    }
    Map<String, BigDecimal> creditByContributor = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Contribution c : records) {
      if (!accepted(policy, cycle, c) || !seen.add(c.id())) {
        continue;
      }
      BigDecimal credit = credit(policy, c);
      creditByContributor.merge(c.contributor(), credit, BigDecimal::add);
    }
    return largestRemainder(policy.budget(), creditByContributor);
  }

  /** The record's credit, rounded half-even to six decimals (micro-units). */
  static BigDecimal credit(Policy policy, Contribution c) {
    CategorySpec cat = policy.categories().get(c.category());
    RoleSpec role = policy.roles().get(c.role());
    double v = cat.baseCredit();
    String q = cat.unit().quantityAttribute();
    if (q != null) {
      v *= cat.unit().quantity(c.attribute(q, 0));
    }
    for (AttributeModifier m : policy.modifiers()) {
      if (m.appliesTo(c.category())) {
        v *= m.curve().apply(c.attribute(m.attribute(), m.defaultValue()));
      }
    }
    for (CreditAdjustment a : policy.adjustments()) {
      if (!a.matchesKey(c.category(), c.role(), c.workingGroup())) {
        continue;
      }
      if (a.attribute() != null) {
        Double x = c.attributes().get(a.attribute());
        if (x == null || !a.matchesAttribute(x)) {
          continue;
        }
      }
      v *= a.factor();
    }
    v *= role.weight();
    if (policy.reviewQualityWeighting()) {
      List<Double> scores = new ArrayList<>();
      for (Review r : c.reviews()) {
        if (r.verdict() == Verdict.APPROVE && r.quality().isPresent()) {
          scores.add(r.quality().getAsDouble());
        }
      }
      if (!scores.isEmpty()) {
        Collections.sort(scores);
        int m = scores.size();
        v *= (m & 1) == 1 ? scores.get(m / 2) : (scores.get(m / 2 - 1) + scores.get(m / 2)) / 2.0;
      }
    }
    return new BigDecimal(v * 1_000_000).setScale(0, RoundingMode.HALF_EVEN).movePointLeft(6);
  }

  /** The admission checks of the engine, for records that are neither duplicates nor corrections. */
  static boolean accepted(Policy policy, Cycle cycle, Contribution c) {
    if (!cycle.contains(c.occurredAt())) {
      return false;
    }
    if (!policy.dao().isEmpty() && !c.dao().isEmpty() && !policy.dao().equals(c.dao())) {
      return false;
    }
    CategorySpec cat = policy.categories().get(c.category());
    if (cat == null || !policy.roles().containsKey(c.role()) || !policy.isEligible(c.category(), c.role())) {
      return false;
    }
    for (Map.Entry<String, Double> e : c.attributes().entrySet()) {
      if (!Double.isFinite(e.getValue()) || e.getValue() < 0) {
        return false;
      }
    }
    String q = cat.unit().quantityAttribute();
    if (q != null && !c.attributes().containsKey(q)) {
      return false;
    }
    if (cat.evidenceRequired() && c.evidence().isEmpty()) {
      return false;
    }
    int approvals = 0;
    int against = 0;
    for (Review r : c.reviews()) {
      if (r.reviewer().equals(c.contributor())) {
        return false;
      }
      if (r.verdict() == Verdict.APPROVE) {
        approvals++;
      } else {
        against++;
      }
    }
    if (against > 0 && against >= approvals) {
      return false;
    }
    return approvals >= cat.minApprovals();
  }

  /**
   * Splits {@code budget} by largest remainder: floor shares first, then one unit each to the largest
   * remainders, ties to the larger credit, then the smaller contributor id.
   */
  static SortedMap<String, Long> largestRemainder(long budget, Map<String, BigDecimal> credit) {
    List<String> ids = new ArrayList<>(credit.keySet());
    Collections.sort(ids);
    BigDecimal total = BigDecimal.ZERO;
    for (String id : ids) {
      total = total.add(credit.get(id));
    }
    SortedMap<String, Long> kat = new TreeMap<>();
    if (total.signum() == 0) {
      for (String id : ids) {
        kat.put(id, 0L);
      }
      return kat;
    }
    BigDecimal b = BigDecimal.valueOf(budget);
    List<Share> shares = new ArrayList<>(ids.size());
    long assigned = 0;
    for (int i = 0; i < ids.size(); i++) {
      BigDecimal exact = b.multiply(credit.get(ids.get(i)));
      BigDecimal[] qr = exact.divideAndRemainder(total);
      long floor = qr[0].toBigIntegerExact().longValueExact();
      shares.add(new Share(ids.get(i), i, credit.get(ids.get(i)), floor, qr[1]));
      assigned += floor;
    }
    List<Share> byRemainder = new ArrayList<>(shares);
    byRemainder.sort((x, y) -> {
      int c = y.remainder.compareTo(x.remainder);
      if (c == 0) {
        c = y.credit.compareTo(x.credit);
      }
      return c != 0 ? c : Integer.compare(x.index, y.index);
    });
    long left = budget - assigned;
    for (int k = 0; k < left; k++) {
      byRemainder.get(k).floor++;
    }
    for (Share s : shares) {
      kat.put(s.id, s.floor);
    }
    return kat;
  }

  /** One contributor's share during the split. */
  private static final class Share {
    final String id;
    final int index;
    final BigDecimal credit;
    final BigDecimal remainder;
    long floor;

    Share(String id, int index, BigDecimal credit, long floor, BigDecimal remainder) {
      this.id = id;
      this.index = index;
      this.credit = credit;
      this.floor = floor;
      this.remainder = remainder;
    }
  }
}
