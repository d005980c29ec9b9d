package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's columns say the same as the records they were encoded from. */
class ContributionBatchTest {

  private static ContributionBatch batch(Contribution... records) {
    return KatEngine.of(AdmissionTest.POLICY).newBatch(Fixtures.OCTOBER).addAll(List.of(records)).build();
  }

  @Test
  void columns_matchTheRecords() {
    Contribution a = Contribution.builder("a", "alice", "session", Roles.DAO_MEMBER, Fixtures.day(3))
        .workingGroup("guides").attribute("durationMinutes", 45).counterpart("xena").counterpart("bob")
        .evidence(new Evidence("https://ex/a", "h1")).evidence("https://ex/b")
        .review(Review.approve("val", 0.75)).review(Review.approve("zed")).build();
    Contribution b = Contribution.builder("b", "bob", "community", Roles.PARTNER, Fixtures.day(4)).build();
    ContributionBatch batch = batch(a, b);
    assertEquals(2, batch.rows());
    assertEquals(2, batch.inputCount());
    int ra = batch.recordId(0).equals("a") ? 0 : 1;
    int rb = 1 - ra;
    assertEquals("alice", batch.personId(batch.contributor(ra)));
    assertEquals("bob", batch.personId(batch.contributor(rb)));
    assertEquals(batch.personIndex("bob"), batch.contributor(rb));
    assertEquals(-1, batch.personIndex("nobody"));
    assertEquals(5, batch.people(), "contributors, counterparts and reviewers share one dictionary");
    assertEquals("session", batch.categoryId(batch.category(ra)));
    assertEquals("community", batch.categoryId(batch.category(rb)));
    assertEquals(AdmissionTest.POLICY.categories().size(), batch.categories());
    assertEquals(Roles.DAO_MEMBER, batch.roleId(batch.role(ra)));
    assertEquals(Roles.PARTNER, batch.roleId(batch.role(rb)));
    assertEquals("guides", batch.workingGroupId(batch.workingGroup(ra)));
    assertEquals("", batch.workingGroupId(batch.workingGroup(rb)));
    assertEquals(2, batch.workingGroups());
    assertEquals(Fixtures.day(3).getEpochSecond(), batch.epochSecond(ra));
    assertEquals(List.of("bob", "xena"), List.of(batch.personId(batch.counterpart(ra, 0)),
        batch.personId(batch.counterpart(ra, 1))));
    assertEquals(0, batch.counterpartCount(rb));
    assertEquals(2, batch.reviewCount(ra));
    assertEquals("val", batch.personId(batch.reviewer(ra, 0)));
    assertEquals(Verdict.APPROVE, batch.verdict(ra, 0));
    assertEquals(0.75, batch.quality(ra, 0));
    assertTrue(Double.isNaN(batch.quality(ra, 1)));
    assertEquals(2, batch.evidenceCount(ra));
    assertEquals(Hashing.hash64("sha:h1"), batch.evidenceHash(ra, 0));
    assertEquals(Hashing.hash64("uri:https://ex/b"), batch.evidenceHash(ra, 1));
    assertEquals("sha:h1", batch.evidenceKey(ra, 0));
    assertEquals("uri:https://ex/b", batch.evidenceKey(ra, 1));
    byte[] bytes = RecordCodec.encode(a);
    assertEquals(Hashing.hash64(bytes, 0, bytes.length), batch.contentHash(ra));
    assertEquals(a, batch.record(ra));
    assertEquals(b, batch.record(rb));
    assertEquals(45.0, batch.attribute(ra, "durationMinutes", -1));
    assertEquals(-1.0, batch.attribute(rb, "durationMinutes", -1), "a column's absent value is the fallback");
  }

  @Test
  void rejectedRecords_leaveNoRowAndNoPerson() {
    ContributionBatch batch = batch(
        Contribution.builder("x", "ghost", "painting", Roles.DAO_MEMBER, Fixtures.day(3)).build());
    assertEquals(0, batch.rows());
    assertEquals(0, batch.people());
    assertEquals(1, batch.rejections().size());
    assertEquals(0.0, batch.bytesPerRow());
  }

  @Test
  void rows_dropRejectedVersionsButKeepTheRest() {
    Contribution keep = Contribution.builder("k", "alice", "docs", Roles.DAO_MEMBER, Fixtures.day(3)).build();
    Contribution dup1 = Contribution.builder("d", "bob", "docs", Roles.DAO_MEMBER, Fixtures.day(3)).build();
    Contribution dup2 = Contribution.builder("d", "bob", "docs", Roles.DAO_MEMBER, Fixtures.day(4)).build();
    ContributionBatch batch = batch(dup1, keep, dup2);
    assertEquals(1, batch.rows());
    assertEquals(keep, batch.record(0));
    assertEquals("alice", batch.personId(batch.contributor(0)));
    assertTrue(batch.bytesPerRow() > 40, () -> "bytes per row " + batch.bytesPerRow());
  }
}
