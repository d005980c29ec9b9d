package dev.kat.core.engine;

import static dev.kat.core.engine.Fixtures.OCTOBER;
import static dev.kat.core.engine.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdmissionTest {

  /** docs: open per-record; session: members only, per hour, evidence and one approval; community: open to externals. */
  static final Policy POLICY = Policy.builder("admission").dao("exchange")
      .role(Roles.DAO_MEMBER, 1, false).role(Roles.PARTNER, 1, true)
      .category(CategorySpec.of("docs", 1, Unit.PER_RECORD))
      .category(CategorySpec.of("session", 2, Unit.PER_HOUR).withEligibleRoles(Set.of(Roles.DAO_MEMBER))
          .withEvidenceRequired(true).withMinApprovals(1))
      .category(CategorySpec.of("community", 1, Unit.PER_RECORD).withCommunityContribution(true))
      .build();

  private static Contribution.Builder docs(String id) {
    return Contribution.builder(id, "alice", "docs", Roles.DAO_MEMBER, day(5));
  }

  private static Contribution.Builder session(String id) {
    return Contribution.builder(id, "alice", "session", Roles.DAO_MEMBER, day(5))
        .attribute("durationMinutes", 60).evidence("https://ex/1").approvedBy("val");
  }

  private static CycleResult admit(Contribution... records) {
    CycleResult r = Fixtures.run(POLICY, List.of(records));
    assertEquals(r.inputCount(), r.acceptedCount() + r.rejections().size(), "accepted + rejected = input");
    assertEquals(records.length, r.inputCount());
    return r;
  }

  private static Rejection onlyRejection(Contribution c) {
    CycleResult r = admit(c);
    assertEquals(0, r.acceptedCount());
    assertEquals(1, r.rejections().size());
    Rejection x = r.rejections().get(0);
    assertEquals(c, x.record(), "the rejected record is kept unchanged");
    return x;
  }

  private static void assertRejected(RejectionCode code, Contribution c, String messagePart) {
    Rejection x = onlyRejection(c);
    assertEquals(code, x.code(), x::message);
    assertTrue(x.message().contains(messagePart), () -> "message '" + x.message() + "' lacks '" + messagePart + "'");
  }

  @Test
  void admit_validRecords_accepted() {
    CycleResult r = admit(docs("d").build(), session("s").build(),
        Contribution.builder("c", "pat", "community", Roles.PARTNER, day(5)).build());
    assertEquals(3, r.acceptedCount());
    assertEquals(List.of(), r.rejections());
  }

  @Test
  void admit_unknownCategory() {
    assertRejected(RejectionCode.UNKNOWN_CATEGORY,
        Contribution.builder("x", "alice", "painting", Roles.DAO_MEMBER, day(5)).build(), "'painting'");
  }

  @Test
  void admit_unknownRole() {
    assertRejected(RejectionCode.UNKNOWN_ROLE,
        Contribution.builder("x", "alice", "docs", Roles.AMBASSADOR, day(5)).build(), "'ambassador'");
  }

  @Test
  void admit_roleNotAmongEligibleRoles() {
    assertRejected(RejectionCode.ROLE_NOT_ELIGIBLE,
        Contribution.builder("x", "pat", "session", Roles.PARTNER, day(5)).attribute("durationMinutes", 60)
            .evidence("https://ex/1").approvedBy("val").build(), "not eligible for category 'session'");
  }

  @Test
  void admit_externalRoleOutsideCommunityCategory() {
    assertRejected(RejectionCode.ROLE_NOT_ELIGIBLE,
        Contribution.builder("x", "pat", "docs", Roles.PARTNER, day(5)).build(),
        "external role 'partner' may only earn credit in community-contribution categories");
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, -1.0, -0.000001, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void admit_invalidAttribute(double value) {
    assertRejected(RejectionCode.INVALID_ATTRIBUTE, docs("x").attribute("complexity", value).build(),
        "attribute 'complexity' is " + value);
  }

  @Test
  void admit_zeroAttribute_accepted() {
    assertEquals(1, admit(docs("x").attribute("complexity", 0).build()).acceptedCount());
  }

  @Test
  void admit_quantityGivingCreditBeyondFixedPointRange_rejectedAndTheRestStillRuns() {
    Policy p = POLICY.toBuilder().category(CategorySpec.of("grant", 1, Unit.PER_CURRENCY_UNIT)).build();
    Contribution wei = Contribution.builder("w", "alice", "grant", Roles.DAO_MEMBER, day(5))
        .attribute("amount", 2.5e18).build();
    Contribution fine = Contribution.builder("f", "bob", "grant", Roles.DAO_MEMBER, day(5))
        .attribute("amount", 250).build();
    CycleResult r = Fixtures.run(p, List.of(wei, fine));
    assertEquals(1, r.acceptedCount());
    assertEquals(250_000_000L, r.credit("bob"));
    Rejection x = r.rejections().get(0);
    assertEquals(RejectionCode.INVALID_ATTRIBUTE, x.code());
    assertEquals(wei, x.record());
    assertTrue(x.message().contains("'amount'"), x.message());
  }

  @Test
  void admit_missingQuantity() {
    assertRejected(RejectionCode.MISSING_QUANTITY,
        Contribution.builder("x", "alice", "session", Roles.DAO_MEMBER, day(5)).evidence("https://ex/1")
            .approvedBy("val").build(), "needs attribute 'durationMinutes'");
  }

  @Test
  void admit_evidenceMissing() {
    assertRejected(RejectionCode.EVIDENCE_MISSING,
        Contribution.builder("x", "alice", "session", Roles.DAO_MEMBER, day(5)).attribute("durationMinutes", 60)
            .approvedBy("val").build(), "requires evidence");
  }

  @Test
  void admit_selfReview() {
    assertRejected(RejectionCode.SELF_REVIEW, docs("x").approvedBy("alice").build(), "reviewer 'alice'");
  }

  @Test
  void admit_selfReview_byAnEqualIdThatIsAnotherStringInstance() {
    String sameText = new StringBuilder("ali").append("ce").toString();
    assertRejected(RejectionCode.SELF_REVIEW, docs("x").approvedBy(sameText).build(), "reviewer 'alice'");
  }

  @Test
  void admit_reviewerWhoseIdSharesTheContributorsHashCode_isNotSelfReview() {
    assertEquals("Aa".hashCode(), "BB".hashCode());
    CycleResult r = admit(Contribution.builder("x", "Aa", "docs", Roles.DAO_MEMBER, day(5)).approvedBy("BB").build());
    assertEquals(1, r.acceptedCount(), "a different id with an equal hash code is another person");
  }

  @Test
  void admit_selfReviewAlongsideOtherApprovals_stillRejected() {
    assertRejected(RejectionCode.SELF_REVIEW, session("x").approvedBy("alice").approvedBy("zed").build(), "alice");
  }

  @Test
  void admit_notValidated() {
    assertRejected(RejectionCode.NOT_VALIDATED,
        Contribution.builder("x", "alice", "session", Roles.DAO_MEMBER, day(5)).attribute("durationMinutes", 60)
            .evidence("https://ex/1").build(), "needs 1 approval(s); the record has 0");
  }

  @Test
  void admit_reviewRejected_whenAgainstAtLeastApprovals() {
    assertRejected(RejectionCode.REVIEW_REJECTED, docs("a").approvedBy("v1").review(Review.reject("v2")).build(),
        "1 review(s)");
    assertRejected(RejectionCode.REVIEW_REJECTED, docs("b").review(Review.dismiss("v1")).build(), "0 approval(s)");
    assertRejected(RejectionCode.REVIEW_REJECTED, docs("c").review(Review.duplicateOf("v1", "z")).build(),
        "duplicate");
  }

  @Test
  void admit_moreApprovalsThanRejections_accepted() {
    CycleResult r = admit(docs("a").approvedBy("v1").approvedBy("v3").review(Review.reject("v2")).build());
    assertEquals(1, r.acceptedCount());
  }

  @Test
  void admit_identicalDuplicate_countsOnce() {
    Contribution c = docs("a").build();
    CycleResult r = admit(c, c, docs("a").build());
    assertEquals(1, r.acceptedCount());
    assertEquals(List.of(RejectionCode.DUPLICATE, RejectionCode.DUPLICATE),
        r.rejections().stream().map(Rejection::code).toList());
    assertEquals(1_000_000L, r.credit("alice"));
  }

  @Test
  void admit_conflictingDuplicates_allVersionsRejectedInEveryOrder() {
    Contribution a = docs("a").build();
    Contribution b = docs("a").attribute("complexity", 2).build();
    Contribution other = docs("o").build();
    String hash = null;
    for (List<Contribution> order : permutations(List.of(a, a, b, other))) {
      CycleResult r = admit(order.toArray(new Contribution[0]));
      assertEquals(1, r.acceptedCount(), () -> "order " + order);
      assertEquals(List.of(RejectionCode.DUPLICATE_ID_CONFLICT, RejectionCode.DUPLICATE_ID_CONFLICT,
          RejectionCode.DUPLICATE_ID_CONFLICT), r.rejections().stream().map(Rejection::code).toList());
      if (hash == null) {
        hash = r.contentHash();
      }
      assertEquals(hash, r.contentHash(), () -> "order " + order);
    }
  }

  @Test
  void admit_sameIdRejectedForAnotherReason_isNoConflict() {
    Contribution good = docs("a").build();
    Contribution bad = Contribution.builder("a", "alice", "painting", Roles.DAO_MEMBER, day(5)).build();
    CycleResult r = admit(bad, good);
    assertEquals(1, r.acceptedCount());
    assertEquals(RejectionCode.UNKNOWN_CATEGORY, r.rejections().get(0).code());
  }

  @Test
  void admit_cycleBoundaries_startInclusiveEndExclusive() {
    Instant start = OCTOBER.start();
    Instant end = OCTOBER.end();
    assertEquals(1, admit(at("a", start)).acceptedCount());
    assertEquals(1, admit(at("b", end.minusNanos(1))).acceptedCount());
    assertRejected(RejectionCode.OUTSIDE_CYCLE, at("c", end), "outside cycle 2026-10");
    assertRejected(RejectionCode.OUTSIDE_CYCLE, at("d", start.minusNanos(1)), "outside cycle 2026-10");
  }

  private static Contribution at(String id, Instant t) {
    return Contribution.builder(id, "alice", "docs", Roles.DAO_MEMBER, t).build();
  }

  @Test
  void admit_wrongDao() {
    assertRejected(RejectionCode.WRONG_DAO, docs("x").dao("other").build(), "dao 'other'");
    assertEquals(1, admit(docs("y").dao("exchange").build()).acceptedCount());
    assertEquals(1, admit(docs("z").build()).acceptedCount(), "a record without DAO belongs to the run's DAO");
  }

  @Test
  void admit_policyWithoutDao_acceptsAnyDao() {
    Policy p = POLICY.toBuilder().dao("").build();
    assertEquals(1, Fixtures.run(p, docs("x").dao("other").build()).acceptedCount());
  }

  @Test
  void admit_firstFailingCheckIsTheReason() {
    Contribution all = Contribution.builder("x", "alice", "painting", Roles.AMBASSADOR, OCTOBER.end()).dao("other")
        .attribute("n", -1).approvedBy("alice").build();
    assertEquals(RejectionCode.OUTSIDE_CYCLE, onlyRejection(all).code());
    Contribution inCycle = withTimeAndDao(all, day(5), "other");
    assertEquals(RejectionCode.WRONG_DAO, onlyRejection(inCycle).code());
    Contribution rightDao = withTimeAndDao(all, day(5), "exchange");
    assertEquals(RejectionCode.UNKNOWN_CATEGORY, onlyRejection(rightDao).code());
  }

  private static Contribution withTimeAndDao(Contribution c, Instant t, String dao) {
    return new Contribution(c.id(), c.contributor(), dao, c.workingGroup(), c.category(), c.role(), t,
        c.attributes(), c.counterparts(), c.evidence(), c.reviews(), c.supersedes());
  }

  @Test
  void admit_supersededInBatch_onlyTheCorrectionCounts() {
    Contribution original = docs("a").build();
    Contribution correction = docs("a2").supersedes("a").attribute("complexity", 1).build();
    for (List<Contribution> order : permutations(List.of(original, correction))) {
      CycleResult r = admit(order.toArray(new Contribution[0]));
      assertEquals(1, r.acceptedCount());
      assertEquals(1, r.rejections().size());
      Rejection x = r.rejections().get(0);
      assertEquals(RejectionCode.SUPERSEDED, x.code());
      assertEquals("a", x.record().id());
      assertEquals("corrected by record(s) [a2] in the same cycle", x.message());
    }
  }

  @Test
  void admit_supersedeChain_rejectsEveryCorrectedVersion() {
    CycleResult r = admit(docs("c").supersedes("b").build(), docs("a").build(), docs("b").supersedes("a").build());
    assertEquals(1, r.acceptedCount());
    assertEquals("c", r.batch().recordId(0));
    assertEquals(List.of("a", "b"), r.rejections().stream().map(x -> x.record().id()).toList());
  }

  @Test
  void admit_supersedesUnknownId_acceptedAsNewRecord() {
    CycleResult r = admit(docs("b").supersedes("from-last-month").build());
    assertEquals(1, r.acceptedCount());
  }

  @Test
  void admit_supersededByRejectedRecord_staysAccepted() {
    CycleResult r = admit(docs("a").build(), docs("b").supersedes("a").approvedBy("alice").build());
    assertEquals(1, r.acceptedCount());
    assertEquals("a", r.batch().recordId(0));
    assertEquals(RejectionCode.SELF_REVIEW, r.rejections().get(0).code());
  }

  @Test
  void builder_addAfterBuild_fails() {
    ContributionBatch.Builder b = KatEngine.of(POLICY).newBatch(OCTOBER);
    b.add(docs("a").build());
    ContributionBatch batch = b.build();
    assertEquals(1, batch.rows());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.add(docs("b").build()));
    assertTrue(e.getMessage().contains("already built"));
    assertThrows(IllegalStateException.class, b::build);
  }

  @Test
  void builder_acceptedRecordIsGivenBackUnchanged() {
    Contribution c = session("s").workingGroup("wg").counterpart("bob").attribute("complexity", 3)
        .attribute("note", 7).review(Review.approve("v2", 0.5)).build();
    ContributionBatch batch = KatEngine.of(POLICY).newBatch(OCTOBER).add(c).build();
    assertEquals(c, batch.record(0));
    assertEquals("s", batch.recordId(0));
    assertEquals(7.0, batch.attribute(0, "note", -1), "attributes the policy does not read come from the arena");
    assertEquals(-1.0, batch.attribute(0, "absent", -1));
    assertEquals(60.0, batch.attribute(0, "durationMinutes", -1));
    assertEquals("bob", batch.personId(batch.counterpart(0, 0)));
    assertEquals(2, batch.reviewCount(0));
    assertEquals(1, batch.evidenceCount(0));
    assertTrue(batch.bytesPerRow() > 0);
  }

  static <T> List<List<T>> permutations(List<T> items) {
    List<List<T>> out = new ArrayList<>();
    permute(new ArrayList<>(items), 0, out);
    return out;
  }

  private static <T> void permute(List<T> a, int k, List<List<T>> out) {
    if (k == a.size()) {
      out.add(List.copyOf(a));
      return;
    }
    for (int i = k; i < a.size(); i++) {
      java.util.Collections.swap(a, k, i);
      permute(a, k + 1, out);
      java.util.Collections.swap(a, k, i);
    }
  }
}
