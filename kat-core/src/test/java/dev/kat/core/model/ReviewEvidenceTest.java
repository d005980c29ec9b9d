package dev.kat.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReviewEvidenceTest {

  @Test
  void review_factories() {
    assertEquals(new Review("v", Verdict.APPROVE, OptionalDouble.empty(), null), Review.approve("v"));
    assertEquals(OptionalDouble.of(0.25), Review.approve("v", 0.25).quality());
    assertEquals(Verdict.REJECT, Review.reject("v").verdict());
    assertEquals(Verdict.DISMISS, Review.dismiss("v").verdict());
    Review d = Review.duplicateOf("v", "r0");
    assertEquals(Verdict.DUPLICATE, d.verdict());
    assertEquals("r0", d.duplicateOf());
    assertNull(Review.approve("v").duplicateOf());
  }

  @Test
  void review_badArguments_failNamingThem() {
    assertEquals("quality (1.5) must be in [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> Review.approve("v", 1.5)).getMessage());
    assertEquals("quality (NaN) must be in [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> Review.approve("v", Double.NaN)).getMessage());
    assertEquals("quality (-0.1) must be in [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> Review.approve("v", -0.1)).getMessage());
    assertEquals("reviewer (\" \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Review.approve(" ")).getMessage());
    assertEquals("duplicateOf must not be null", assertThrows(NullPointerException.class,
        () -> new Review("v", Verdict.DUPLICATE, OptionalDouble.empty(), null)).getMessage());
    assertEquals("duplicateOf (r0) is only allowed with verdict DUPLICATE, not APPROVE",
        assertThrows(IllegalArgumentException.class,
            () -> new Review("v", Verdict.APPROVE, OptionalDouble.empty(), "r0")).getMessage());
    assertEquals("verdict must not be null", assertThrows(NullPointerException.class,
        () -> new Review("v", null, OptionalDouble.empty(), null)).getMessage());
  }

  @Test
  void review_qualityBounds_inclusive() {
    assertEquals(OptionalDouble.of(0.0), Review.approve("v", 0).quality());
    assertEquals(OptionalDouble.of(1.0), Review.approve("v", 1).quality());
  }

  @Test
  void review_canonicalOrder_isTotalOverAllFields() {
    List<Review> rs = new ArrayList<>(List.of(Review.approve("b", 0.5), Review.approve("b"), Review.reject("a"),
        Review.duplicateOf("b", "x"), Review.approve("b", 0.2)));
    rs.sort(Review.CANONICAL_ORDER);
    assertEquals(List.of(Review.reject("a"), Review.approve("b"), Review.approve("b", 0.2), Review.approve("b", 0.5),
        Review.duplicateOf("b", "x")), rs);
  }

  @Test
  void review_equalsHashCodeToString() {
    assertEquals(Review.approve("v", 0.5), Review.approve("v", 0.5));
    assertEquals(Review.approve("v", 0.5).hashCode(), Review.approve("v", 0.5).hashCode());
    assertNotEquals(Review.approve("v", 0.5), Review.approve("v"));
    assertEquals("Review[reviewer=v, verdict=APPROVE, quality=OptionalDouble[0.5], duplicateOf=null]",
        Review.approve("v", 0.5).toString());
  }

  @Test
  void evidence_keyPrefersContentHash() {
    assertEquals("uri:https://a", Evidence.of("https://a").key());
    assertEquals("sha:abc", new Evidence("https://a", "abc").key());
    assertEquals(new Evidence("https://a", "abc").key(), new Evidence("https://b", "abc").key());
  }

  @Test
  void evidence_badArguments_failNamingThem() {
    assertEquals("uri (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Evidence.of("")).getMessage());
    assertEquals("contentHash (\" \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> new Evidence("u", " ")).getMessage());
    assertEquals("uri must not be null", assertThrows(NullPointerException.class, () -> Evidence.of(null)).getMessage());
  }

  @Test
  void evidence_equalsHashCodeToStringAndOrder() {
    assertEquals(new Evidence("u", "h"), new Evidence("u", "h"));
    assertEquals(new Evidence("u", "h").hashCode(), new Evidence("u", "h").hashCode());
    assertNotEquals(Evidence.of("u"), new Evidence("u", "h"));
    assertEquals("Evidence[uri=u, contentHash=null]", Evidence.of("u").toString());
    List<Evidence> es = new ArrayList<>(List.of(new Evidence("u", "h"), Evidence.of("u"), Evidence.of("a")));
    es.sort(Evidence.CANONICAL_ORDER);
    assertEquals(List.of(Evidence.of("a"), Evidence.of("u"), new Evidence("u", "h")), es);
    assertTrue(Evidence.CANONICAL_ORDER.compare(Evidence.of("u"), Evidence.of("u")) == 0);
  }
}
