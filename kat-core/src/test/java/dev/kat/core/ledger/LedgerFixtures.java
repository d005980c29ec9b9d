package dev.kat.core.ledger;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A small policy and a three-cycle ledger built from it. */
final class LedgerFixtures {
  static final long C = 1_000_000L;

  private LedgerFixtures() {}

  static Policy policy() {
    return Policy.builder("fixture").category(CategorySpec.of("docs", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("session", 4, Unit.PER_HOUR))
        .role(Roles.DAO_MEMBER, 1, false).budget(1000).build();
  }

  static Cycle cycle(int seq) {
    return Cycle.ofMonth(YearMonth.of(2026, 1).plusMonths(seq), seq);
  }

  static Instant day(int seq, int day) {
    return YearMonth.of(2026, 1).plusMonths(seq).atDay(day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static Contribution docs(String id, String who, int seq) {
    return Contribution.builder(id, who, "docs", Roles.DAO_MEMBER, day(seq, 3)).approvedBy("validator").build();
  }

  /** A record using every field, with characters the codec must escape. */
  static Contribution odd(String id, int seq) {
    return Contribution.builder(id, "zoë two", "session", Roles.DAO_MEMBER, day(seq, 4).plusNanos(123))
        .dao("").workingGroup("wg=a,b:c|d~e%f").attribute("hours", 1.5).attribute("weird name", 1e-7)
        .counterpart("bob").counterpart("a,b").evidence(new Evidence("https://x.test/a b?c=d", "ab:cd"))
        .evidence("ipfs://Qm~1").review(Review.approve("carol", 0.75)).review(Review.approve("dan"))
        .review(Review.duplicateOf("eve", "r|0")).review(Review.approve("fay")).supersedes("line\nbreak")
        .build();
  }

  /** Three finalized cycles with a dispute, an adjustment and a correction, appended to {@code store}. */
  static List<LedgerEntry> threeCycles(LedgerStore store) {
    Policy p = policy();
    KatEngine engine = KatEngine.of(p);
    List<CycleInputs> inputs = new ArrayList<>();
    inputs.add(CycleInputs.empty(cycle(0)).withRecord(docs("r1", "alice", 0)).withRecord(docs("r2", "bob", 0))
        .withRecord(odd("r3", 0)));
    inputs.add(CycleInputs.empty(cycle(1)).withRecord(docs("r4", "alice", 1)).withRecord(docs("r5", "bob", 1))
        .withDispute(new Dispute("r5", "carol", "looks copied"))
        .withAdjustment(Adjustment.grant("alice", 5 * C, "carol", "ran the onboarding call")));
    inputs.add(CycleInputs.empty(cycle(2)).withRecord(docs("r6", "bob", 2))
        .withRecord(Contribution.builder("r7", "alice", "docs", Roles.DAO_MEMBER, day(2, 5)).approvedBy("validator")
            .supersedes("r1").build())
        .withCorrection(new Correction("r7", "r1", "alice", 10 * C, 0)));
    PriorState prior = PriorState.empty();
    LedgerEntry last = null;
    List<LedgerEntry> out = new ArrayList<>();
    for (CycleInputs in : inputs) {
      CycleResult r = in.run(engine, prior);
      last = LedgerEntry.seal(last, in, r);
      store.append(last);
      out.add(last);
      prior = r.nextState();
    }
    return out;
  }
}
