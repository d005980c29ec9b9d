package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.members;
import static dev.kat.core.engine.Fixtures.rec;
import static dev.kat.core.engine.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CreditFormulaTest {

  private static final AttributeModifier COMPLEXITY =
      new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1.0, 5, 1.5), 1);

  private static long credit(Policy p, Contribution c) {
    CycleResult r = run(p, c);
    assertEquals(1, r.acceptedCount(), () -> "rejected: " + r.rejections());
    return r.credit(c.contributor());
  }

  @Test
  void credit_everyFactor_multipliesInOrder() {
    Policy p = Policy.builder("p").role(Roles.DAO_MEMBER, 0.8, false)
        .category(CategorySpec.of("session", 10, Unit.PER_HOUR))
        .modifier(COMPLEXITY)
        .adjustment(CreditAdjustment.when("wg-bonus", null, null, "wg-a", 1.2, "working group A bonus"))
        .reviewQualityWeighting(true)
        .build();
    Contribution c = rec("s1", "alice", "session", 3).workingGroup("wg-a")
        .attribute("durationMinutes", 90).attribute("complexity", 3)
        .review(Review.approve("v1", 0.5)).review(Review.approve("v2", 0.9)).review(Review.approve("v3", 0.7))
        .build();
    CycleResult r = run(p, c);
    // 10 × 1.5 h × 1.25 × 1.2 × 0.8 × median(0.5, 0.7, 0.9) = 12.6
    assertEquals(12_600_000L, r.credit("alice"));
    RecordLine line = r.statement("alice").records().get(0);
    assertEquals(List.of("base:session", "quantity", "complexity", "wg-bonus", "role:dao_member", "review-quality"),
        line.creditSteps().stream().map(Step::ruleId).toList());
    assertEquals(List.of(10.0, 1.5, 1.25, 1.2, 0.8, 0.7), line.creditSteps().stream().map(Step::factor).toList());
  }

  @Test
  void credit_perHour_quantityIsMinutesOverSixty() {
    Policy p = members().category(CategorySpec.of("session", 10, Unit.PER_HOUR)).build();
    assertEquals(7_500_000L, credit(p, rec("s", "alice", "session", 1).attribute("durationMinutes", 45).build()));
  }

  @Test
  void credit_perCurrencyUnit_quantityIsAmount() {
    Policy p = members().category(CategorySpec.of("regen", 0.02, Unit.PER_CURRENCY_UNIT)).build();
    assertEquals(5_000_000L, credit(p, rec("g", "alice", "regen", 1).attribute("amount", 250).build()));
  }

  @Test
  void credit_perRecord_ignoresQuantityAttributes() {
    Policy p = members().category(CategorySpec.of("docs", 3, Unit.PER_RECORD)).build();
    assertEquals(3_000_000L, credit(p, rec("d", "alice", "docs", 1).attribute("durationMinutes", 600).build()));
  }

  @Test
  void credit_modifierCurve_interpolatesAndClampsAtBothEnds() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).modifier(COMPLEXITY).build();
    assertEquals(10_000_000L, credit(p, rec("a", "alice", "docs", 1).attribute("complexity", 0).build()));
    assertEquals(11_000_000L, credit(p, rec("b", "alice", "docs", 1).attribute("complexity", 1.8).build()));
    assertEquals(15_000_000L, credit(p, rec("c", "alice", "docs", 1).attribute("complexity", 5).build()));
    assertEquals(15_000_000L, credit(p, rec("d", "alice", "docs", 1).attribute("complexity", 1e9).build()));
  }

  @Test
  void credit_modifierWithoutAttribute_usesDefaultValue() {
    AttributeModifier m = new AttributeModifier("complexity", "complexity", new TreeSet<>(), Curve.of(1, 1.0, 5, 1.5), 3);
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).modifier(m).build();
    assertEquals(12_500_000L, credit(p, rec("a", "alice", "docs", 1).build()));
  }

  @Test
  void credit_modifierLimitedToCategories_skipsOthers() {
    AttributeModifier m = new AttributeModifier("cx", "complexity", new TreeSet<>(List.of("docs")),
        Curve.constant(2), 1);
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("ops", 10, Unit.PER_RECORD)).modifier(m).build();
    assertEquals(20_000_000L, credit(p, rec("a", "alice", "docs", 1).build()));
    assertEquals(10_000_000L, credit(p, rec("b", "alice", "ops", 1).build()));
  }

  @Test
  void credit_adjustmentAttributeRange_lowerInclusiveUpperExclusive() {
    CreditAdjustment cross = new CreditAdjustment("cross", "docs", null, null, "crossCultural", 2, 4, 1.5,
        "two or three cultures");
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).adjustment(cross).build();
    assertEquals(10_000_000L, credit(p, rec("a", "alice", "docs", 1).attribute("crossCultural", 1.999).build()));
    assertEquals(15_000_000L, credit(p, rec("b", "alice", "docs", 1).attribute("crossCultural", 2).build()));
    assertEquals(15_000_000L, credit(p, rec("c", "alice", "docs", 1).attribute("crossCultural", 3.999).build()));
    assertEquals(10_000_000L, credit(p, rec("d", "alice", "docs", 1).attribute("crossCultural", 4).build()));
    assertEquals(10_000_000L, credit(p, rec("e", "alice", "docs", 1).build()));
  }

  @Test
  void credit_adjustmentsMatchCategoryRoleAndGroup_multiplyTogether() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD).withCommunityContribution(true))
        .adjustment(CreditAdjustment.when("partner-half", null, Roles.PARTNER, null, 0.5, "partners"))
        .adjustment(CreditAdjustment.when("wg-double", "docs", null, "wg", 2, "working group"))
        .build();
    assertEquals(10_000_000L, credit(p, rec("a", "alice", "docs", 1).build()));
    assertEquals(20_000_000L, credit(p, rec("b", "alice", "docs", 1).workingGroup("wg").build()));
    assertEquals(10_000_000L, credit(p, Contribution.builder("c", "pat", "docs", Roles.PARTNER, Fixtures.day(1))
        .workingGroup("wg").build()));
    assertEquals(5_000_000L, credit(p, Contribution.builder("d", "pat", "docs", Roles.PARTNER, Fixtures.day(1))
        .build()));
  }

  @Test
  void credit_roleWeight_multiplies() {
    Policy p = Policy.builder("p").role(Roles.DAO_MEMBER, 1.5, false).role(Roles.VOLUNTEER, 0, true)
        .category(CategorySpec.of("docs", 4, Unit.PER_RECORD).withCommunityContribution(true)).build();
    assertEquals(6_000_000L, credit(p, rec("a", "alice", "docs", 1).build()));
    assertEquals(0L, credit(p, Contribution.builder("b", "vic", "docs", Roles.VOLUNTEER, Fixtures.day(1)).build()));
  }

  @Test
  void credit_reviewQuality_medianOfEvenCountIsMeanOfMiddleTwo() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).reviewQualityWeighting(true).build();
    Contribution c = rec("a", "alice", "docs", 1).review(Review.approve("v1", 0.2)).review(Review.approve("v2", 0.4))
        .review(Review.approve("v3", 0.8)).review(Review.approve("v4", 1.0)).build();
    assertEquals(6_000_000L, credit(p, c));
  }

  @Test
  void credit_reviewQuality_ignoresRejectingReviewsAndUnscoredApprovals() {
    Policy p = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).reviewQualityWeighting(true).build();
    Contribution c = rec("a", "alice", "docs", 1).review(Review.approve("v1", 0.9)).review(Review.approve("v2"))
        .review(new Review("v3", dev.kat.core.model.Verdict.REJECT, java.util.OptionalDouble.of(0.0), null)).build();
    assertEquals(9_000_000L, credit(p, c));
  }

  @Test
  void credit_reviewQuality_withoutScoresOrWhenOff_hasNoEffect() {
    Policy on = members().category(CategorySpec.of("docs", 10, Unit.PER_RECORD)).reviewQualityWeighting(true).build();
    Policy off = on.toBuilder().reviewQualityWeighting(false).build();
    assertEquals(10_000_000L, credit(on, rec("a", "alice", "docs", 1).approvedBy("v").build()));
    assertEquals(10_000_000L, credit(off, rec("b", "alice", "docs", 1).review(Review.approve("v", 0.3)).build()));
  }

  @Test
  void credit_roundsHalfEvenToMicroUnits() {
    Policy p = members().category(CategorySpec.of("docs", 1, Unit.PER_CURRENCY_UNIT)).build();
    // 0.0000025 × 1e6 = 2.5 -> 2 (to even); 0.0000035 -> 4
    assertEquals(2L, credit(p, rec("a", "alice", "docs", 1).attribute("amount", 0.0000025).build()));
    assertEquals(4L, credit(p, rec("b", "alice", "docs", 1).attribute("amount", 0.0000035).build()));
  }
}
