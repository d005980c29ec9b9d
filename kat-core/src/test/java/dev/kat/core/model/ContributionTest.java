package dev.kat.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ContributionTest {

  private static final Instant T = Instant.parse("2026-10-05T10:00:00Z");

  private static Contribution.Builder base() {
    return Contribution.builder("r1", "alice", "docs", Roles.DAO_MEMBER, T);
  }

  private static Contribution of(String id, String contributor, String category, String role, Instant t) {
    return new Contribution(id, contributor, "", "", category, role, t, new TreeMap<>(), List.of(), List.of(),
        List.of(), null);
  }

  @Test
  void constructor_blankFields_failNamingParameterAndValue() {
    assertEquals("id (\" \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> of(" ", "a", "c", "r", T)).getMessage());
    assertEquals("contributor (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> of("i", "", "c", "r", T)).getMessage());
    assertEquals("category (\"\\t\") must not be blank".replace("\\t", "\t"),
        assertThrows(IllegalArgumentException.class, () -> of("i", "a", "\t", "r", T)).getMessage());
    assertEquals("role (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> of("i", "a", "c", "", T)).getMessage());
  }

  @Test
  void constructor_nulls_failNamingParameter() {
    assertEquals("occurredAt must not be null",
        assertThrows(NullPointerException.class, () -> of("i", "a", "c", "r", null)).getMessage());
    assertEquals("id must not be null",
        assertThrows(NullPointerException.class, () -> of(null, "a", "c", "r", T)).getMessage());
    assertEquals("dao must not be null", assertThrows(NullPointerException.class,
        () -> new Contribution("i", "a", null, "", "c", "r", T, new TreeMap<>(), List.of(), List.of(), List.of(),
            null)).getMessage());
  }

  @Test
  void constructor_badParts_failNamingThem() {
    assertEquals("counterpart (\" \") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> base().counterpart(" ").build()).getMessage());
    assertEquals("supersedes (r1) must differ from id",
        assertThrows(IllegalArgumentException.class, () -> base().supersedes("r1").build()).getMessage());
    assertEquals("supersedes (\"\") must not be blank",
        assertThrows(IllegalArgumentException.class, () -> base().supersedes("").build()).getMessage());
    TreeMap<String, Double> attrs = new TreeMap<>();
    attrs.put("x", null);
    assertEquals("attribute x must not be null", assertThrows(NullPointerException.class,
        () -> new Contribution("i", "a", "", "", "c", "r", T, attrs, List.of(), List.of(), List.of(), null))
        .getMessage());
  }

  @Test
  void constructor_unpairedSurrogates_failNamingFieldAndIndex() {
    assertEquals("id has an unpaired surrogate U+D800 at index 1",
        assertThrows(IllegalArgumentException.class, () -> of("a\uD800", "x", "c", "r", T)).getMessage());
    assertEquals("contributor has an unpaired surrogate U+DC00 at index 0",
        assertThrows(IllegalArgumentException.class, () -> of("a", "\uDC00b", "c", "r", T)).getMessage());
    assertEquals("workingGroup has an unpaired surrogate U+D83D at index 2", assertThrows(
        IllegalArgumentException.class, () -> base().workingGroup("wg\uD83D").build()).getMessage());
    assertEquals("reviewer has an unpaired surrogate U+DE00 at index 0",
        assertThrows(IllegalArgumentException.class, () -> Review.approve("\uDE00")).getMessage());
    assertEquals("uri has an unpaired surrogate U+D83D at index 0",
        assertThrows(IllegalArgumentException.class, () -> Evidence.of("\uD83Dx")).getMessage());
  }

  @Test
  void constructor_surrogatePairs_accepted() {
    Contribution c = of("id-\uD83D\uDE00", "\uD83D\uDE00", "c", "r", T);
    assertEquals("\uD83D\uDE00", c.contributor());
  }

  @Test
  void constructor_nonFiniteAndNegativeAttributes_areKeptForAdmissionToReject() {
    Contribution c = base().attribute("n", Double.NaN).attribute("m", -1).build();
    assertTrue(Double.isNaN(c.attribute("n", 0)));
    assertEquals(-1.0, c.attribute("m", 0));
  }

  @Test
  void builder_minimal_hasEmptyParts() {
    Contribution c = base().build();
    assertEquals("", c.dao());
    assertEquals("", c.workingGroup());
    assertEquals(List.of(), c.counterparts());
    assertEquals(List.of(), c.evidence());
    assertEquals(List.of(), c.reviews());
    assertTrue(c.attributes().isEmpty());
    assertNull(c.supersedes());
  }

  @Test
  void equals_partsInAnyOrder_areEqualWithSameHashCodeAndText() {
    Contribution a = base().attribute("b", 2).attribute("a", 1).counterpart("zed").counterpart("amy")
        .evidence("https://z").evidence(new Evidence("https://a", "h1")).approvedBy("v2")
        .review(Review.approve("v1", 0.5)).review(Review.reject("v0")).build();
    Contribution b = base().attribute("a", 1).attribute("b", 2).counterpart("amy").counterpart("zed")
        .evidence(new Evidence("https://a", "h1")).evidence("https://z").review(Review.reject("v0"))
        .review(Review.approve("v1", 0.5)).approvedBy("v2").build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertEquals(List.of("amy", "zed"), a.counterparts());
    assertEquals(List.of("v0", "v1", "v2"), a.reviews().stream().map(Review::reviewer).toList());
  }

  @Test
  void equals_anyFieldDiffers_notEqual() {
    Contribution c = base().build();
    assertNotEquals(c, c.withId("r2"));
    assertNotEquals(c, c.withContributor("bob"));
    assertNotEquals(c, c.withReviews(List.of(Review.approve("v"))));
    assertNotEquals(c, base().attribute("a", 0.0).build());
    assertNotEquals(base().attribute("a", 0.0).build(), base().attribute("a", -0.0).build());
    assertNotEquals(c, base().dao("d").build());
  }

  @Test
  void collections_areCopiedAndUnmodifiable() {
    List<String> cps = new ArrayList<>(List.of("bob"));
    TreeMap<String, Double> attrs = new TreeMap<>();
    attrs.put("a", 1.0);
    Contribution c = new Contribution("i", "a", "", "", "c", "r", T, attrs, cps, List.of(), List.of(), null);
    cps.add("eve");
    attrs.put("b", 2.0);
    assertEquals(List.of("bob"), c.counterparts());
    assertEquals(1, c.attributes().size());
    assertThrows(UnsupportedOperationException.class, () -> c.counterparts().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> c.attributes().put("x", 1.0));
    assertThrows(UnsupportedOperationException.class, () -> c.reviews().add(Review.approve("x")));
  }

  @Test
  void attribute_absent_returnsFallback() {
    Contribution c = base().attribute("durationMinutes", 90).build();
    assertEquals(90.0, c.attribute("durationMinutes", -1));
    assertEquals(-1.0, c.attribute("complexity", -1));
  }

  @Test
  void withers_changeOnlyTheirField() {
    Contribution c = base().attribute("a", 1).approvedBy("v").build();
    Contribution d = c.withContributor("bob");
    assertEquals("bob", d.contributor());
    assertEquals(c.attributes(), d.attributes());
    assertEquals(c.reviews(), d.reviews());
    assertEquals(c, d.withContributor("alice"));
    assertEquals(c, c.withId("x").withId("r1"));
  }

  @Test
  void toString_namesTheFields() {
    String s = base().attribute("complexity", 3).build().toString();
    assertTrue(s.startsWith("Contribution[id=r1, contributor=alice"), s);
    assertTrue(s.contains("complexity=3.0"), s);
  }

  @Test
  void roles_areTheSevenStakeholderTypes() {
    assertEquals(7, Roles.ALL.size());
    assertEquals(7, Roles.ALL.stream().distinct().count());
    assertEquals(Roles.DAO_MEMBER, Roles.ALL.get(0));
  }
}
