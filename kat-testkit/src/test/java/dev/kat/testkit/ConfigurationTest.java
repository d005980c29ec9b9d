package dev.kat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.sim.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  @Test
  void contributors_returnsNewArbitraryAndLeavesOriginal() {
    ContributionArbitrary base = KatArbitraries.contributions();
    ContributionArbitrary other = base.contributors("x", "y");
    assertNotSame(base, other);
    for (Contribution c : other.sampleStream().limit(30).toList()) {
      assertTrue(List.of("x", "y").contains(c.contributor()), c.contributor());
    }
    for (Contribution c : base.sampleStream().limit(30).toList()) {
      assertTrue(KatArbitraries.DEFAULT_CONTRIBUTORS.contains(c.contributor()), c.contributor());
    }
  }

  @Test
  void lists_numberRecordsUniquely() {
    List<Contribution> list = KatArbitraries.contributions().lists(5, 5).sample();
    assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), list.stream().map(Contribution::id).toList());
  }

  @Test
  void reviewsApprovalsOnly_onlyApproves() {
    ReviewArbitrary base = KatArbitraries.reviews();
    assertNotSame(base, base.approvalsOnly());
    base.approvalsOnly().sampleStream().limit(50)
        .forEach(r -> assertEquals(dev.kat.core.model.Verdict.APPROVE, r.verdict()));
  }

  @Test
  void collusionRingSize_staysInRange() {
    StrategyArbitrary rings = Scenarios.collusionRing().size(3, 4).intensity(2, 2);
    for (Strategy s : rings.sampleStream().limit(30).toList()) {
      assertTrue(s.identities() >= 3 && s.identities() <= 4, s.toString());
      assertEquals("collusion-ring", s.name());
    }
    assertEquals(2, Scenarios.collusionRing().sample().identities() >= 2 ? 2 : 0);
  }

  @Test
  void size_onStrategyWithFixedSize_throws() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Scenarios.volumeFarmer().size(2, 3));
    assertEquals("size applies to collusion rings and sybil splitters, not volume_farmer", e.getMessage());
  }

  @Test
  void maxReviews_outOfRange_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KatArbitraries.contributions().maxReviews(5));
    assertEquals("maxReviews (5) must be in [0, 4]", e.getMessage());
  }
}
